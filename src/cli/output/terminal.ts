import { escapeInvisibles } from '../../diagnostic/text.js';
import type { Writer } from '../io.js';

/**
 * Controls (C0 but tab and line feed, DEL, C1), bidi marks, embeddings, overrides and isolates,
 * zero-width characters, line and paragraph separators, the BOM and lone surrogates: what a
 * terminal would obey or hide rather than show.
 */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are what must never pass raw
  /[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]/gu;

/** The colour sequences the CLI's own painter writes (output/color.ts), and no others. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are what must never pass raw
const PAINTER_SGR = /^\x1b\[(?:1|2|22|31|32|33|36|39)m/;

/**
 * Text made safe for a terminal: every character of {@link UNSAFE} escaped as escapeInvisibles
 * writes it (`\x1b`, `\u{202e}`), line feeds and tabs kept, and the painter's colour sequences
 * kept when `colours` is true. The one function every text the CLI prints goes through (see
 * {@link guardWriter}): whatever a message, a path, an echoed filter or an error from Node or
 * commander holds, no escape sequence and no bidi control reaches the terminal raw.
 */
export function escapeForTerminal(text: string, colours: boolean): string {
  return text.replace(UNSAFE, (char, offset: number) =>
    colours && char === '\x1b' && PAINTER_SGR.test(text.slice(offset, offset + 5))
      ? char
      : escapeInvisibles(char),
  );
}

/** A writer whose text goes through {@link escapeForTerminal} first. */
export function guardWriter(writer: Writer, colours: () => boolean): Writer {
  return {
    write: (text) => writer.write(escapeForTerminal(text, colours())),
    isTTY: writer.isTTY,
  };
}
