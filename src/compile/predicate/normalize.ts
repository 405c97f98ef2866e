import { type CaseFolding, caseFolder } from '../case-folding.js';
import type { ResolvedField, TypedValues } from '../plan.js';
import { instantKeyOfValue, instantParts, partsKey } from './instant-reader.js';

/** A record value made comparable: folded string, number, boolean or instant key. */
export type Comparable = string | number | boolean;

/**
 * Turns a record value into the form its literals were put in, or undefined when the value is
 * null, missing or of another type (which then matches nothing).
 */
export type Normalizer = (value: unknown) => Comparable | undefined;

/** The literals of a leaf and the matching record-value normalizer. */
export interface NormalizedOperands {
  readonly type: TypedValues['type'];
  /** The literals as typed (date-times as instants), for tests that compare them directly. */
  readonly typed: TypedValues;
  readonly constants: readonly Comparable[];
  readonly normalize: Normalizer;
  /** The string folding applied to both sides, or undefined when case-sensitive or not a string. */
  readonly fold: ((text: string) => string) | undefined;
  /** Which folding `fold` is. */
  readonly folding: CaseFolding;
}

function normalizeString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function normalizeNumber(value: unknown): number | undefined {
  // NaN equals nothing and orders nowhere: it is treated as a value of the wrong type.
  return typeof value === 'number' && !Number.isNaN(value) ? value : undefined;
}

function normalizeBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** Puts a leaf's literals and the record-value normalizer in the same comparable form. */
export function normalizeOperands(
  field: ResolvedField,
  typed: TypedValues,
  folding: CaseFolding,
): NormalizedOperands {
  const base = { type: typed.type, typed, folding, fold: undefined };
  switch (typed.type) {
    case 'string': {
      if (field.caseSensitive) return { ...base, constants: typed.values, normalize: normalizeString };
      const fold = caseFolder(folding);
      return {
        ...base,
        constants: typed.values.map(fold),
        normalize: (value) => (typeof value === 'string' ? fold(value) : undefined),
        fold,
      };
    }
    case 'number':
      return { ...base, constants: typed.values, normalize: normalizeNumber };
    case 'boolean':
      return { ...base, constants: typed.values, normalize: normalizeBoolean };
    case 'date-time':
      return {
        ...base,
        constants: typed.values.map((instant) => partsKey(instantParts(instant))),
        normalize: instantKeyOfValue,
      };
  }
}
