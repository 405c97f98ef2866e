/**
 * The filters leaf-prototype-chains.test.ts attacks: depths 1 to 3, every kind of test the copied
 * leaves write out, and a `not`, each with a value that makes it hold and one that does not.
 */
import { type ChainFilter, MISSING } from './chains.js';

const instant = (v: unknown): number =>
  typeof v === 'string'
    ? Date.parse(v)
    : Object.prototype.toString.call(v) === '[object Date]'
      ? (v as Date).getTime()
      : Number.NaN;
const present = (v: unknown): boolean => v !== MISSING && v != null && !Number.isNaN(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

const S = ['s'];
const AN = ['a', 'n'];
const AF = ['a', 'flag'];
const XYW = ['x', 'y', 'when'];
const XYN = ['x', 'y', 'n'];
const XYS = ['x', 'y', 's'];
const T1 = '2021-05-05T00:00:00Z';

/** The filters attacked: depths 1 to 3, every kind of test the copies write out, and a `not`. */
export const FILTERS: readonly ChainFilter[] = [
  {
    text: 's eq "Failed"',
    path: S,
    type: 'string',
    hit: 'Failed',
    miss: 'Ok',
    answer: (v) => v === 'Failed',
  },
  {
    text: 's ne "Ok"',
    path: S,
    type: 'string',
    hit: 'Failed',
    miss: 'Ok',
    answer: (v) => typeof v === 'string' && v !== 'Ok',
  },
  { text: 's pr', path: S, type: 'string', hit: 'x', miss: null, answer: present },
  {
    text: 's in ("Failed", "Lost")',
    path: S,
    type: 'string',
    hit: 'Lost',
    miss: 'Ok',
    answer: (v) => v === 'Failed' || v === 'Lost',
  },
  {
    text: 's sw "Fa"',
    path: S,
    type: 'string',
    hit: 'Failed',
    miss: 'Ok',
    answer: (v) => typeof v === 'string' && v.startsWith('Fa'),
  },
  {
    text: 'not (s eq "Failed")',
    path: S,
    type: 'string',
    hit: 'Ok',
    miss: 'Failed',
    answer: (v) => v !== 'Failed',
  },
  { text: 'a.n gt 5', path: AN, type: 'number', hit: 9, miss: 1, answer: (v) => isNumber(v) && v > 5 },
  { text: 'a.n eq 7', path: AN, type: 'number', hit: 7, miss: 1, answer: (v) => v === 7 },
  { text: 'a.n ne 7', path: AN, type: 'number', hit: 1, miss: 7, answer: (v) => isNumber(v) && v !== 7 },
  { text: 'a.flag eq true', path: AF, type: 'boolean', hit: true, miss: false, answer: (v) => v === true },
  {
    text: 'not (a.flag ne false)',
    path: AF,
    type: 'boolean',
    hit: true,
    miss: false,
    answer: (v) => !(typeof v === 'boolean' && v !== false),
  },
  {
    text: 'x.y.when gt 2020-01-01T00:00:00Z',
    path: XYW,
    type: 'date-time',
    hit: T1,
    miss: '2019-01-01T00:00:00Z',
    answer: (v) => instant(v) > Date.parse('2020-01-01T00:00:00Z'),
  },
  {
    text: `x.y.when eq ${T1}`,
    path: XYW,
    type: 'date-time',
    hit: new Date(T1),
    miss: '2019-01-01T00:00:00Z',
    answer: (v) => instant(v) === Date.parse(T1),
  },
  { text: 'x.y.n in (1, 2)', path: XYN, type: 'number', hit: 2, miss: 3, answer: (v) => v === 1 || v === 2 },
  {
    text: 'not (x.y.n in (1, 2))',
    path: XYN,
    type: 'number',
    hit: 3,
    miss: 1,
    answer: (v) => !(v === 1 || v === 2),
  },
  { text: 'x.y.s pr', path: XYS, type: 'string', hit: 'x', miss: null, answer: present },
];
