import { createReadStream } from 'node:fs';
import { escapeInvisibles } from '../diagnostic/text.js';
import { CliError, describeFileError } from './errors.js';
import type { ByteSource } from './io.js';

/** The most bytes the CLI reads from one file or from stdin (64 MiB: the parser's own maximum). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** The most bytes of an OpenAPI document (SailPoint's whole V3 API is about 2 MB). */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

/** Collects a byte stream, refusing more than `maxBytes` (without buffering past the cap). */
async function collect(source: AsyncIterable<Uint8Array | string>, what: string, maxBytes: number) {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    total += bytes.byteLength;
    if (total > maxBytes) {
      throw new CliError(`${what} is larger than ${maxBytes / (1024 * 1024)} MiB; refusing to read it`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Decodes UTF-8 strictly: a filter is text, so bytes that are not UTF-8 are an input error (exit
 * 2), not something to guess at. A leading byte order mark is dropped.
 */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CliError(`${what} is not UTF-8 text`);
  }
}

/** Reads a whole file as UTF-8 text; `-` means stdin. Throws {@link CliError} on any failure. */
export async function readTextFile(
  path: string,
  stdin: ByteSource,
  maxBytes: number = MAX_INPUT_BYTES,
): Promise<string> {
  if (path === '-') return readStdin(stdin, maxBytes);
  // A path goes into messages: its control and bidi characters are shown, never sent raw.
  const what = escapeInvisibles(path);
  let bytes: Uint8Array;
  try {
    bytes = await collect(createReadStream(path), what, maxBytes);
  } catch (cause) {
    if (cause instanceof CliError) throw cause;
    throw new CliError(describeFileError('read', what, cause));
  }
  return decodeUtf8(bytes, what);
}

/** Reads all of stdin as UTF-8 text. */
export async function readStdin(stdin: ByteSource, maxBytes: number = MAX_INPUT_BYTES): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await collect(stdin, 'stdin', maxBytes);
  } catch (cause) {
    if (cause instanceof CliError) throw cause;
    throw new CliError(describeFileError('read', 'stdin', cause));
  }
  return decodeUtf8(bytes, 'stdin');
}
