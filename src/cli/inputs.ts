import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { escapeInvisibles } from '../diagnostic/text.js';
import { CliError, messageOf } from './errors.js';
import type { ByteSource } from './io.js';
import { type JsonStringLiteral, scanJsonStringArray } from './json-strings.js';
import { LineIndex, type TextPosition } from './line-index.js';
import { readStdin, readTextFile } from './read.js';

/** Where filters were read from: one argument, stdin or a file. */
export interface Artifact {
  readonly kind: 'argument' | 'stdin' | 'file';
  /** How reports name it: `<argument 1>`, `<stdin>` or the path (invisible characters escaped). */
  readonly label: string;
  /** For SARIF: `argv:1`, `stdin:` or the path as a relative URI reference. */
  readonly uri: string;
  /** The path as given, for files. */
  readonly path?: string;
  /** How filters are laid out in it. */
  readonly layout: 'whole' | 'lines' | 'json';
  readonly text: string;
  readonly lines: LineIndex;
}

/** A position in an artifact: line and column, and the UTF-16 offset. */
export interface ArtifactPosition extends TextPosition {
  readonly offset: number;
}

/** One filter to check, and how its offsets map back into the artifact it came from. */
export interface FilterInput {
  readonly text: string;
  readonly artifact: Artifact;
  /** Where the filter's text sits in the artifact (for JSON, the whole literal with its quotes). */
  readonly rawStart: number;
  readonly rawEnd: number;
  /** The artifact offset of an offset in `text` (an end-exclusive end maps to one too). */
  rawOffset(offset: number): number;
  /** Writes a whole filter as it must appear in the artifact (a quoted literal in a JSON array). */
  encode(text: string): string;
  /** Writes part of a filter as it must appear inside the artifact (escaped in a JSON literal). */
  encodeFragment(text: string): string;
  /** False when the filter's place in the artifact is unknown: reports then name only the artifact. */
  readonly located?: boolean;
}

/** The artifact position of an offset into the input's filter text. */
export function locate(input: FilterInput, offset: number): ArtifactPosition {
  const raw = input.rawOffset(offset);
  return { ...input.artifact.lines.position(raw), offset: raw };
}

/** A path as a SARIF artifact URI: a relative reference with forward slashes, parts escaped. */
export function fileUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  // A relative URI reference: forward slashes, and anything outside the unreserved set escaped.
  return path
    .replaceAll('\\', '/')
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
}

/** One input per command-line argument. */
export function argumentInputs(filters: readonly string[]): FilterInput[] {
  return filters.map((text, index) => {
    const artifact: Artifact = {
      kind: 'argument',
      label: `<argument ${index + 1}>`,
      uri: `argv:${index + 1}`,
      layout: 'whole',
      text,
      lines: new LineIndex(text),
    };
    return {
      text,
      artifact,
      rawStart: 0,
      rawEnd: text.length,
      rawOffset: (offset) => Math.max(0, Math.min(offset, text.length)),
      encode: (fixed) => fixed,
      encodeFragment: (fixed) => fixed,
    };
  });
}

function lineInputs(artifact: Artifact): FilterInput[] {
  const inputs: FilterInput[] = [];
  const text = artifact.text;
  const pattern = /\r\n|\n|\r/g;
  let start = 0;
  for (;;) {
    const match = pattern.exec(text);
    const end = match ? match.index : text.length;
    const line = text.slice(start, end);
    // Blank lines separate groups of filters; they are not empty filters.
    if (line.trim() !== '') {
      const lineStart = start;
      inputs.push({
        text: line,
        artifact,
        rawStart: lineStart,
        rawEnd: end,
        rawOffset: (offset) => lineStart + Math.max(0, Math.min(offset, line.length)),
        encode: (fixed) => fixed,
        encodeFragment: (fixed) => fixed,
      });
    }
    if (!match) break;
    start = match.index + match[0].length;
  }
  return inputs;
}

/** The input for one JSON string literal of an artifact (an array element, an OpenAPI example). */
export function jsonLiteralInput(artifact: Artifact, literal: JsonStringLiteral): FilterInput {
  return {
    text: literal.value,
    artifact,
    rawStart: literal.start,
    rawEnd: literal.end,
    rawOffset: (offset) => literal.rawOffsets[Math.max(0, Math.min(offset, literal.value.length))]!,
    encode: (fixed) => JSON.stringify(fixed),
    encodeFragment: (fixed) => JSON.stringify(fixed).slice(1, -1),
  };
}

function jsonInputs(artifact: Artifact, literals: readonly JsonStringLiteral[]): FilterInput[] {
  return literals.map((literal) => jsonLiteralInput(artifact, literal));
}

function whyNotStringArray(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    return `it is not valid JSON (${messageOf(cause)})`;
  }
  if (!Array.isArray(value)) return 'it is not an array';
  const bad = value.findIndex((item) => typeof item !== 'string');
  if (bad >= 0) return `element ${bad} is ${value[bad] === null ? 'null' : `a ${typeof value[bad]}`}`;
  return 'it is not a plain JSON array of strings';
}

/**
 * The filters of a file or of stdin: a JSON array of strings when the text starts with `[` (no
 * filter can), otherwise one filter per non-blank line.
 */
export function textInputs(text: string, source: { kind: 'stdin' } | { kind: 'file'; path: string }) {
  const label = source.kind === 'stdin' ? '<stdin>' : escapeInvisibles(source.path);
  const isJson = text.trimStart().startsWith('[');
  const base = {
    kind: source.kind,
    label,
    uri: source.kind === 'stdin' ? 'stdin:' : fileUri(source.path),
    ...(source.kind === 'file' ? { path: source.path } : {}),
    text,
    lines: new LineIndex(text),
  };
  if (!isJson) return lineInputs({ ...base, layout: 'lines' });
  const literals = scanJsonStringArray(text);
  if (!literals) {
    throw new CliError(
      `${label} starts with \`[\` but is not a JSON array of strings: ${whyNotStringArray(text)}`,
    );
  }
  return jsonInputs({ ...base, layout: 'json' }, literals);
}

/** The filters a command works on, and where they came from. */
export interface CollectedInputs {
  readonly inputs: FilterInput[];
  readonly source: 'arguments' | 'file' | 'stdin';
}

/**
 * Collects filters from arguments, `--file` (a path, or `-` for stdin) or, when neither is
 * given, stdin. Arguments and `--file` together are a usage error, and so is a terminal on
 * stdin with nothing else (it would wait for typing that the user did not mean to do).
 */
export async function collectInputs(
  filters: readonly string[],
  file: string | undefined,
  stdin: ByteSource,
): Promise<CollectedInputs> {
  if (filters.length > 0 && file !== undefined) {
    throw new CliError('give filters as arguments or with --file, not both');
  }
  if (filters.length > 0) return { inputs: argumentInputs(filters), source: 'arguments' };
  if (file !== undefined && file !== '-') {
    const text = await readTextFile(file, stdin);
    return { inputs: textInputs(text, { kind: 'file', path: file }), source: 'file' };
  }
  if (file === undefined && stdin.isTTY) {
    throw new CliError('no filter given: pass FILTER arguments, --file F, or pipe filters on stdin');
  }
  const text = await readStdin(stdin);
  return { inputs: textInputs(text, { kind: 'stdin' }), source: 'stdin' };
}
