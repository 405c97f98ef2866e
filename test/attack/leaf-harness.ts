/**
 * Shared pieces of the attacks (predicate-oracle.test.ts, leaf-*.test.ts): a filter compiled both
 * ways from the oracle's own tree, and fields written in a line. The leaves under attack are the predicate's
 * copied leaves (one per record path, up to a number of paths per length, then shared ones), its
 * date-time fast path and its written-out case-insensitive `in`.
 */
import { expect } from 'vitest';
import { compilePredicate, parse, type Schema, validate } from '../../src/index.js';
import {
  type CompareOp,
  type FieldSpec,
  type Filter,
  type Folding,
  type Literal,
  printFilter,
  type ScalarType,
  type SchemaSpec,
  toSchema,
} from './oracle.js';
import { type Pollution, withPollution } from './pollution.js';

export type Predicate = (record: unknown) => boolean;

export interface Compiled {
  readonly text: string;
  readonly closures: Predicate;
  readonly generated: Predicate;
}

/**
 * Prints, parses, validates and compiles `filter` in both modes; any refusal fails the test. The
 * compiling itself may run with the prototypes polluted (`pollution`): what the library builds
 * then must not depend on it.
 */
export function compileBoth(
  filter: Filter,
  spec: SchemaSpec,
  caseFolding?: Folding,
  pollution: Pollution = 'none',
): Compiled {
  const schema = toSchema(spec) as Schema;
  const text = printFilter(filter);
  const parsed = parse(text, { limits: { maxDepth: 256 } });
  if (!parsed.ok) throw new Error(`${text}: ${JSON.stringify(parsed.diagnostics)}`);
  const problems = validate(parsed.ast, schema).filter((problem) => problem.severity === 'error');
  expect(problems, text).toEqual([]);
  const options = caseFolding === undefined ? { schema } : { schema, caseFolding };
  return withPollution(filter, pollution, () => ({
    text,
    closures: compilePredicate(parsed.ast, options),
    generated: compilePredicate(parsed.ast, { ...options, generateCode: true }),
  }));
}

/** A field named by its path's dotted form, unless `name` says otherwise. */
export function field(
  path: readonly string[],
  type: ScalarType,
  options: {
    readonly name?: string;
    readonly caseSensitive?: boolean | undefined;
    readonly collection?: boolean;
  } = {},
): FieldSpec {
  return {
    name: options.name ?? path.join('.'),
    path,
    type,
    collection: options.collection ?? false,
    caseSensitive: options.caseSensitive,
  };
}

export function compare(fieldSpec: FieldSpec, op: CompareOp, values: readonly Literal[]): Filter {
  return { kind: 'compare', field: fieldSpec, op, values };
}

export const num = (text: string): Literal => ({ type: 'number', text });
export const str = (value: string): Literal => ({ type: 'string', value });
export const date = (text: string): Literal => ({ type: 'date-time', text });
export const bool = (value: boolean): Literal => ({ type: 'boolean', value });

/** Defines `key` on `target` as `descriptor` says, configurable and enumerable unless it says. */
export function define(target: object, key: string, descriptor: PropertyDescriptor): void {
  Object.defineProperty(target, key, { configurable: true, enumerable: true, ...descriptor });
}
