/**
 * The reading shared by a schema's lists of words (a field's `operators`, `composite`,
 * `sorters`): each item is valid or an error, a word listed twice is a warning and kept once.
 * @module
 */

import { type DiagnosticAcceptor, type DocumentCode, quote } from '../diagnostic/index.js';
import {
  childPointer,
  type DocumentDiagnostic,
  documentError,
  documentWarning,
} from './document-diagnostic.js';

/** A value a schema holds where a word belongs, as a message shows it: quoted text, else its type (`a number`). */
export function shown(value: unknown): string {
  return typeof value === 'string' ? quote(value) : `a ${typeof value}`;
}

/** The words of a list that were kept, each with the index in the list it was read from. */
export interface UniqueWords<T extends string> {
  readonly words: T[];
  readonly indexes: number[];
}

/**
 * Reads `list` (at pointer `at`): an error `invalid(item)` for each item that is not `isValid`,
 * and the warning `` `<noun> `x` is listed twice` `` (code `duplicateCode`) for a repeated word.
 */
export function readUniqueWords<T extends string>(
  list: readonly unknown[],
  at: string,
  isValid: (item: unknown) => item is T,
  invalid: (item: unknown) => readonly [code: DocumentCode, message: string],
  [duplicateCode, noun]: readonly [code: DocumentCode, noun: string],
  report: DiagnosticAcceptor<DocumentDiagnostic>,
): UniqueWords<T> {
  const words: T[] = [];
  const indexes: number[] = [];
  list.forEach((item, index) => {
    const itemAt = childPointer(at, index);
    if (!isValid(item)) {
      const [code, message] = invalid(item);
      report(documentError(code, message, itemAt));
    } else if (words.includes(item)) {
      report(documentWarning(duplicateCode, `${noun} ${quote(item)} is listed twice`, itemAt));
    } else {
      words.push(item);
      indexes.push(index);
    }
  });
  return { words, indexes };
}
