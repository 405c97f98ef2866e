import type { ImportedEndpoint } from '../openapi/index.js';
import { jsonValueOffsets, type YamlScalarPlace, yamlScalarPlaces } from './document-positions.js';
import type { Artifact, FilterInput } from './inputs.js';
import { jsonLiteralInput } from './inputs.js';
import { scanJsonString } from './json-strings.js';

/** Finds where each example sits in the document's text. */
export type ExampleLocator = (endpoint: ImportedEndpoint, example: string) => FilterInput;

function unlocated(artifact: Artifact, example: string): FilterInput {
  return {
    text: example,
    artifact,
    rawStart: 0,
    rawEnd: 0,
    rawOffset: () => 0,
    encode: (fixed) => fixed,
    encodeFragment: (fixed) => fixed,
    located: false,
  };
}

function plainInput(artifact: Artifact, start: number, example: string): FilterInput {
  return {
    text: example,
    artifact,
    rawStart: start,
    rawEnd: start + example.length,
    rawOffset: (offset) => start + Math.max(0, Math.min(offset, example.length)),
    encode: (fixed) => fixed,
    encodeFragment: (fixed) => fixed,
  };
}

function yamlInput(artifact: Artifact, place: YamlScalarPlace, example: string): FilterInput | undefined {
  const text = artifact.text;
  if (place.style === 'PLAIN' && text.slice(place.start, place.end) === example) {
    return plainInput(artifact, place.start, example);
  }
  if (place.style === 'QUOTE_DOUBLE') {
    // YAML's double-quoted escapes include JSON's: a JSON literal that decodes to the value is it.
    const literal = scanJsonString(text, place.start);
    if (literal && literal.value === example) return jsonLiteralInput(artifact, literal);
  }
  return undefined;
}

/**
 * Locates the examples of `endpoints` in the document's text by its structure: the node at each
 * example's JSON Pointer (`examplePointer`, which follows `$ref`s), found in one pass over the
 * text for all of them. In JSON the example is a string literal, decoded exactly; in YAML a plain
 * or double-quoted scalar. An example written some other way (a folded YAML block...) is reported
 * without a position rather than at a wrong one.
 */
export function exampleLocator(artifact: Artifact, endpoints: readonly ImportedEndpoint[]): ExampleLocator {
  const pointers = endpoints.flatMap((e) => (e.examplePointer === undefined ? [] : [e.examplePointer]));
  const text = artifact.text;
  if (text.trimStart().startsWith('{')) {
    const offsets = jsonValueOffsets(text, pointers);
    return (endpoint, example) => {
      const start = endpoint.examplePointer === undefined ? undefined : offsets.get(endpoint.examplePointer);
      const literal = start === undefined ? undefined : scanJsonString(text, start);
      return literal && literal.value === example
        ? jsonLiteralInput(artifact, literal)
        : unlocated(artifact, example);
    };
  }
  const places = yamlScalarPlaces(text, pointers);
  return (endpoint, example) => {
    const place = endpoint.examplePointer === undefined ? undefined : places.get(endpoint.examplePointer);
    return (place && yamlInput(artifact, place, example)) ?? unlocated(artifact, example);
  };
}
