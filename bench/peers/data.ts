/**
 * The records every contender filters, and our schema for them. Chosen so that the peers'
 * semantics agree with ours on them (agreement.ts checks it):
 * - strings are in one case each (`Failed`, names in lower case): ours folds case on `status`,
 *   `name` and `a.b` (case-insensitive by default), scim2-parse-filter and filtrex compare exactly;
 * - date-times are UTC with nine fractional digits, so the peers' string order is time order
 *   (ours compares instants);
 * - `status`, `id`, `count` and `start_time` are never null (a null `ne` is false in ours, true in
 *   both peers); `name` is sometimes null, `flag` and `a` sometimes missing (false everywhere).
 */
import type { Schema } from '../../src/index.js';

/** One record. */
export interface Run {
  readonly id: string;
  readonly status: string;
  readonly count: number;
  readonly start_time: string;
  readonly name: string | null;
  readonly flag?: boolean;
  readonly a?: { readonly b: string };
}

const ORDER_OPS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
const STRING_OPS = [...ORDER_OPS, 'co', 'sw'] as const;

/** Our schema for the records. */
export const SCHEMA: Schema = {
  fields: {
    id: { type: 'string', caseSensitive: true, operators: STRING_OPS },
    status: { type: 'string', operators: STRING_OPS },
    count: { type: 'integer', operators: ORDER_OPS },
    start_time: { type: 'date-time', operators: ORDER_OPS },
    name: { type: 'string', operators: STRING_OPS },
    flag: { type: 'boolean', operators: ['eq', 'ne'] },
    'a.b': { type: 'string', operators: STRING_OPS },
  },
};

const STATUSES = ['Completed', 'Failed', 'Canceled', 'Executing'];
const WORDS = ['alpha', 'banana', 'carol', 'daniel', 'eve', 'frank', 'anna', 'bob', 'alice', 'ivan'];

function nanosTime(i: number): string {
  const ms = Date.UTC(2022, 1, 7, 12) + i * 537;
  const nanos = String((i * 7919) % 1_000_000).padStart(6, '0');
  return `${new Date(ms).toISOString().slice(0, 23)}${nanos}Z`;
}

/** `n` records, the same for every call. */
export function makeRecords(n: number): Run[] {
  const records: Run[] = [];
  for (let i = 0; i < n; i++) {
    const word = WORDS[(i * 7) % WORDS.length]!;
    const base = {
      id: `run-${i % 1000}`,
      status: STATUSES[(i * 3) % STATUSES.length]!,
      count: (i * 13) % 1000,
      start_time: nanosTime(i),
      name: i % 50 === 0 ? null : `${word}-${i % 97}`,
    };
    const withFlag = i % 17 === 0 ? base : { ...base, flag: i % 3 === 0 };
    records.push(i % 23 === 0 ? withFlag : { ...withFlag, a: { b: WORDS[(i * 11) % WORDS.length]! } });
  }
  return records;
}

/**
 * Records where the semantics are hard to get right, checked for the floors only (the peers'
 * semantics differ on them by design): folding beyond ASCII, offsets and sub-nanosecond digits,
 * `Date` objects, NaN, inherited properties, values of the wrong type.
 */
export function trickyRecords(): unknown[] {
  const inherited = Object.create({ status: 'Failed', count: 900, flag: true }) as object;
  return [
    {
      id: 'run-7',
      status: 'FA\u0130LED',
      count: 251,
      start_time: '2022-02-07T21:13:29.0000000001+01:00',
      name: '\u03a3AN',
      a: { b: 'AL' },
    },
    {
      id: 'RUN-7',
      status: 'failed',
      count: Number.NaN,
      start_time: new Date('2022-02-07T20:13:29.001Z'),
      name: 'xan',
      flag: false,
    },
    {
      id: 'run-7',
      status: 'Failed',
      count: 300,
      start_time: '2022-02-07T20:13:28.999999999Z',
      name: 'ban',
      a: { b: 'al' },
    },
    {
      id: 'run-7',
      status: 'Failed',
      count: 300,
      start_time: '2022-02-07T20:13:29Z',
      name: 'AN',
      flag: 'true',
      a: null,
    },
    {
      status: 'Canceled',
      count: 950,
      start_time: '2022-02-07T23:59:59.999999999-00:30',
      name: 'Bic',
      a: { b: 'ic' },
    },
    { status: 'Failed', count: '300', start_time: '2022-02-30T00:00:00Z', name: 7, a: { b: 7 } },
    inherited,
    null,
    'Failed',
  ];
}
