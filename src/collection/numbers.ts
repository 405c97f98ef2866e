import type { CollectionCode } from '../diagnostic/codes/collection.js';
import { type Diagnostic, error, quote } from '../diagnostic/index.js';

/** A whole number in `min..max` written with digits only, or the problem with it. */
export function parseWholeNumber(
  name: string,
  code: CollectionCode,
  text: string,
  max: number,
): { value: number } | { problem: Diagnostic } {
  const span = { start: 0, end: text.length };
  const range =
    max === Number.MAX_SAFE_INTEGER ? 'a whole number, 0 or more' : `a whole number from 0 to ${max}`;
  if (!/^[0-9]+$/.test(text)) {
    const shown = text === '' ? 'empty' : quote(text);
    return { problem: error(code, `${quote(name)} must be ${range}; it is ${shown}`, span) };
  }
  const value = Number(text);
  if (value > max) {
    return { problem: error(code, `${quote(name)} must be ${range}; ${quote(text)} is too large`, span) };
  }
  return { value };
}

/** `true` or `false`, exactly (the V3 collection parameters accept nothing else). */
export function parseBooleanText(
  name: string,
  code: CollectionCode,
  text: string,
): { value: boolean } | { problem: Diagnostic } {
  if (text === 'true' || text === 'false') return { value: text === 'true' };
  const span = { start: 0, end: text.length };
  const shown = text === '' ? 'empty' : quote(text);
  const lower = text.trim().toLowerCase();
  const fixes =
    lower === 'true' || lower === 'false'
      ? [{ message: `Use ${quote(lower)}`, edits: [{ span, text: lower }] }]
      : undefined;
  return {
    problem: error(code, `${quote(name)} must be \`true\` or \`false\`; it is ${shown}`, span, fixes),
  };
}
