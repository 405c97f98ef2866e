import type { ImportedEndpoint } from '../openapi/index.js';
import type { Artifact, FilterInput } from './inputs.js';
import { jsonLiteralInput } from './inputs.js';
import { scanJsonString } from './json-strings.js';

function indexAfter(text: string, needles: readonly string[], from: number): number {
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    if (at >= 0) return at;
  }
  return -1;
}

/**
 * The example of `endpoint` as an input located in the document's text, so a report can name
 * its line and column. The search starts at the operation (its path key, then its method key):
 * in JSON the example is a string literal, decoded exactly; in YAML a plain scalar is the text
 * itself. An example written some other way (a folded YAML block...) is reported without a
 * position rather than at a wrong one.
 */
export function exampleInput(artifact: Artifact, endpoint: ImportedEndpoint, example: string): FilterInput {
  const text = artifact.text;
  const method = endpoint.method.toLowerCase();
  const pathAt = indexAfter(text, [JSON.stringify(endpoint.path), endpoint.path], 0);
  const methodAt = pathAt < 0 ? -1 : indexAfter(text, [`"${method}"`, `${method}:`], pathAt);
  const from = Math.max(0, methodAt, pathAt);
  const literalAt = text.indexOf(JSON.stringify(example), from);
  const literal = literalAt >= 0 ? scanJsonString(text, literalAt) : undefined;
  if (literal && literal.value === example) return jsonLiteralInput(artifact, literal);
  const plainAt = example === '' ? -1 : text.indexOf(example, from);
  if (plainAt >= 0) {
    return {
      text: example,
      artifact,
      rawStart: plainAt,
      rawEnd: plainAt + example.length,
      rawOffset: (offset) => plainAt + Math.max(0, Math.min(offset, example.length)),
      encode: (fixed) => fixed,
      encodeFragment: (fixed) => fixed,
    };
  }
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
