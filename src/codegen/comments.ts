import { escapeInvisibles } from '../diagnostic/text.js';

/**
 * Text from the document made safe for one line of a `/** ... *\/` comment: control, bidi and
 * other invisible characters (line breaks included) escaped as `\n`, `\u{202e}`, and `*\/`
 * broken up so it cannot close the comment.
 */
export function commentLine(text: string): string {
  return escapeInvisibles(text).replaceAll('*/', '*\\/');
}
