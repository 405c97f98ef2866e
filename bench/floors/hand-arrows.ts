/**
 * The evaluation floor: one arrow function per evaluated filter of the corpus, written by hand
 * with exactly our predicate's semantics (semantics.ts): own-property reads, case folding on the
 * case-insensitive fields (`status`, `name`, `a.b`; `id` is case-sensitive), null or missing is
 * false for every comparison (`not` negates that), numbers and booleans by type, date-times
 * compared exactly. Keyed by the corpus entry's name (corpus.ts). Every constant here is free of
 * σ, ς and U+0307, so the fast fold (`foldForConstant`) decides exactly as the exact one.
 */
import { compareToInstant, fold, get, type Instant, instantOf } from './semantics.js';

/** A record test. */
export type Test = (record: unknown) => boolean;

const instant = (text: string): Instant => instantOf(text)!;
const FEB_7 = instant('2022-02-07T20:13:29.000000000Z');
const FEB_8 = instant('2022-02-08T00:00:00.000000000Z');

const str = (record: unknown, key: string): string | undefined => {
  const v = get(record, key);
  return typeof v === 'string' ? v : undefined;
};
const num = (record: unknown, key: string): number => {
  const v = get(record, key);
  return typeof v === 'number' ? v : Number.NaN; // NaN fails every comparison, as missing does
};
const nestedB = (record: unknown): string | undefined => {
  const v = get(get(record, 'a'), 'b');
  return typeof v === 'string' ? v : undefined;
};

// The simple fold keeps the UTF-16 length, so a string of another length cannot be equal.
const statusIs = (r: unknown, folded: string): boolean => {
  const s = str(r, 'status');
  return s !== undefined && s.length === folded.length && fold(s) === folded;
};
const nameCo = (r: unknown, folded: string): boolean => {
  const s = str(r, 'name');
  return s !== undefined && fold(s).includes(folded);
};
const abSw = (r: unknown, folded: string): boolean => {
  const s = nestedB(r);
  return s !== undefined && fold(s).startsWith(folded);
};

/** The hand-written arrows, by corpus entry name. */
export const HAND_ARROWS: Readonly<Record<string, Test>> = {
  'string eq (case-insensitive)': (r) => statusIs(r, 'failed'),
  'string eq (case-sensitive)': (r) => get(r, 'id') === 'run-7',
  'number gt': (r) => num(r, 'count') > 250,
  'date-time ge': (r) => compareToInstant(get(r, 'start_time'), FEB_7) >= 0,
  'string co': (r) => nameCo(r, 'an'),
  'nested sw': (r) => abSw(r, 'al'),
  'boolean eq': (r) => get(r, 'flag') === true,
  'mixed: reference filter (5)': (r) =>
    statusIs(r, 'failed') &&
    compareToInstant(get(r, 'start_time'), FEB_7) >= 0 &&
    num(r, 'count') > 250 &&
    !(get(r, 'flag') === true) &&
    (nameCo(r, 'an') || abSw(r, 'al')),
  'mixed: or of eq, not sw (4)': (r) => {
    if (!(statusIs(r, 'failed') || statusIs(r, 'canceled'))) return false;
    if (!(num(r, 'count') <= 900)) return false;
    const name = str(r, 'name');
    return !(name !== undefined && fold(name).startsWith('b'));
  },
  'mixed: ne, ranges, co (5)': (r) => {
    const status = str(r, 'status');
    if (status === undefined || (status.length === 9 && fold(status) === 'completed')) return false;
    const count = num(r, 'count');
    if (!(count < 100 || count >= 900)) return false;
    if (!(compareToInstant(get(r, 'start_time'), FEB_8) < 0)) return false;
    const b = nestedB(r);
    return b !== undefined && fold(b).includes('ic');
  },
};
