/**
 * Each peer behind one small interface: text to parse tree, and (for the peers that evaluate)
 * text to predicate. scim2-parse-filter and filtrex evaluate; @rsql/parser and odata-v4-parser
 * only parse (no evaluator is shipped with either).
 *
 * filtrex needs three options to read the corpus: dotted paths (`a.b`) as property access with
 * optional chaining (a missing field is `undefined`, not an error), `co`/`sw` as functions, and
 * the order operators on strings too (it refuses to order strings; the corpus's date-times sort
 * as strings, see data.ts).
 */
import { parse as parseRsql } from '@rsql/parser';
import { compileExpression, useDotAccessOperatorAndOptionalChaining } from 'filtrex';
import { filter as odataFilter } from 'odata-v4-parser';
import { parse as parseScim, filter as scimFilter } from 'scim2-parse-filter';
import type { Syntax } from './render.js';

/** A record test as a peer returns it (filtrex returns an Error value on a runtime fault). */
export type PeerTest = (record: unknown) => unknown;

/** A peer: how it parses its syntax, and how it turns text into a test if it can. */
export interface Peer {
  readonly name: string;
  readonly syntax: Syntax;
  readonly parse: (text: string) => unknown;
  readonly compile?: (text: string) => PeerTest;
}

type Ordered = string | number;
const both = (a: unknown, b: unknown): boolean =>
  (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');

const FILTREX_OPTIONS = {
  customProp: useDotAccessOperatorAndOptionalChaining,
  constants: { true: true, false: false },
  extraFunctions: {
    co: (s: unknown, v: string): boolean => typeof s === 'string' && s.includes(v),
    sw: (s: unknown, v: string): boolean => typeof s === 'string' && s.startsWith(v),
  },
  operators: {
    // filtrex's own equality (its typings make these two required).
    '==': (a: unknown, b: unknown): boolean => a === b,
    '!=': (a: unknown, b: unknown): boolean => a !== b,
    '<': (a: Ordered, b: Ordered): boolean => both(a, b) && a < b,
    '<=': (a: Ordered, b: Ordered): boolean => both(a, b) && a <= b,
    '>': (a: Ordered, b: Ordered): boolean => both(a, b) && a > b,
    '>=': (a: Ordered, b: Ordered): boolean => both(a, b) && a >= b,
  },
};

const filtrexCompile = (text: string): PeerTest => compileExpression(text, FILTREX_OPTIONS);

/** The peers, in the order of the tables. */
export const PEERS: readonly Peer[] = [
  {
    name: 'scim2-parse-filter',
    syntax: 'scim',
    parse: parseScim,
    compile: (text) => scimFilter(parseScim(text)),
  },
  { name: 'filtrex', syntax: 'filtrex', parse: filtrexCompile, compile: filtrexCompile },
  { name: '@rsql/parser', syntax: 'rsql', parse: parseRsql },
  { name: 'odata-v4-parser', syntax: 'odata', parse: (text) => odataFilter(text) },
];

/** The peers that parse without compiling (filtrex only parses as part of compiling). */
export const PARSING_PEERS = PEERS.filter((p) => p.name !== 'filtrex');
/** The peers that evaluate. */
export const EVALUATING_PEERS = PEERS.filter((p) => p.compile !== undefined);
