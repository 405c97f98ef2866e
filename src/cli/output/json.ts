import { stringifyVisible } from '../../diagnostic/text.js';

/**
 * JSON output: pretty-printed, with a final newline, the same for every command. Bidi, C1 and
 * other invisible characters are written as `\uXXXX` escapes: the same JSON, safe to show.
 */
export function toJson(value: unknown): string {
  return `${stringifyVisible(value, 2)}\n`;
}
