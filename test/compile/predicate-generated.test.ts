import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Expression } from '../../src/ast/index.js';
import type { FilterCompileError } from '../../src/compile/compile-error.js';
import { ProgramBuilder } from '../../src/compile/predicate/build-program.js';
import { generatePredicate } from '../../src/compile/predicate/generated.js';
import type * as PredicateModule from '../../src/compile/predicate/index.js';
import { runProgram } from '../../src/compile/predicate/program.js';
import { ownSchema } from '../../src/schema/own.js';
import type { Schema } from '../../src/schema/types.js';
import { genDataset } from './support/data.js';
import { genFilter } from './support/filters.js';

/*
 * The generated-code mode must mean exactly what the closures mean. Here every predicate test
 * file runs again with `generateCode: true` as the default, and a property checks that both
 * modes give the same answer on generated filters and records, hostile ones included.
 */

vi.mock('../../src/compile/predicate/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof PredicateModule>();
  return {
    ...original,
    compilePredicate: (ast: Expression, options: PredicateModule.PredicateOptions) =>
      original.compilePredicate(ast, { generateCode: true, ...options }),
  };
});

const { compilePredicate } = await vi.importActual<typeof PredicateModule>(
  '../../src/compile/predicate/index.js',
);
const mocked = await import('../../src/compile/predicate/index.js');

describe('generated code: the suites run in this mode', () => {
  it('compiles generated predicates by default here', () => {
    const schema = { fields: { n: { type: 'integer' as const, operators: ['pr' as const] } } };
    const ast: Expression = {
      kind: 'presence',
      field: { kind: 'field', name: 'n', span: { start: 0, end: 1 } },
      operator: 'pr',
      operatorSpan: { start: 2, end: 4 },
      span: { start: 0, end: 4 },
    } as Expression;
    expect(mocked.compilePredicate(ast, { schema }).name).toBe('generatedPredicate');
    expect(compilePredicate(ast, { schema }).name).not.toBe('generatedPredicate');
  });
});

await import('./predicate.test.js');
await import('./nan.test.js');
await import('./case-folding.test.js');

/** compilePredicate's steps past its option and schema checks, for a schema that is not valid. */
function generateUnchecked(ast: Expression, schema: Schema): (record: unknown) => boolean {
  const builder = new ProgramBuilder(ownSchema(schema), 'unicode');
  const program = builder.build(ast, false, 0);
  if (builder.diagnostics.length > 0) throw new Error(JSON.stringify(builder.diagnostics));
  const closures = program.closure ?? ((record: unknown) => runProgram(program, record));
  return generatePredicate(program, 'unicode', closures);
}

function throwingGetter(key: string): object {
  return Object.defineProperty({ other: 1 }, key, {
    enumerable: true,
    get: () => {
      throw new Error('hostile');
    },
  });
}

describe('generated code: agrees with the closures', () => {
  it('on generated filters, their negations and any records', () => {
    fc.assert(
      fc.property(
        genDataset.chain((dataset) => fc.tuple(fc.constant(dataset), genFilter(dataset))),
        fc.array(fc.anything({ withDate: true, withNullPrototype: true })),
        fc.constantFrom('unicode' as const, 'ascii' as const),
        ([dataset, filter], extra, caseFolding) => {
          const options = { schema: dataset.schema, caseFolding };
          const closures = compilePredicate(filter, options);
          const generated = compilePredicate(filter, { ...options, generateCode: true });
          const fields = Object.keys(dataset.schema.fields);
          const records: unknown[] = [
            ...dataset.rows.map((row) => row.record),
            ...extra,
            ...fields.map((name) =>
              throwingGetter(dataset.fields.find((f) => f.name === name)?.path[0] ?? name),
            ),
            ...dataset.rows.map((row) => ({ ...row.record, [fields[0]!]: Number.NaN })),
          ];
          for (const record of records) expect(generated(record)).toBe(closures(record));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('generated code: the option', () => {
  it('is a boolean or left out', () => {
    const schema = { fields: {} };
    const ast = { kind: 'and', operands: [], span: { start: 0, end: 0 } } as unknown as Expression;
    expect(compilePredicate(ast, { schema, generateCode: false }).name).not.toBe('generatedPredicate');
    for (const generateCode of ['yes', 1, null]) {
      try {
        compilePredicate(ast, { schema, generateCode } as never);
        expect.unreachable();
      } catch (error) {
        expect((error as FilterCompileError).diagnostics.map((d) => d.code)).toEqual([
          'compile-invalid-option',
        ]);
      }
    }
  });
});

describe('generated code: nothing from the filter or schema becomes source', () => {
  const HOSTILE = [
    '"); throw 1; ("',
    "'); throw 1; //",
    ['`$', '{(x = 1)}`'].join(''),
    '\\',
    '\u2028\u2029',
    '*/ throw 1 /*',
  ];

  it('reads hostile property names and compares hostile constants as data', () => {
    for (const name of HOSTILE) {
      const schema = {
        fields: {
          f: { type: 'string' as const, path: `${name}.${name}`, operators: ['eq' as const] },
          g: { type: 'string' as const, path: name, caseSensitive: true, operators: ['eq' as const] },
        },
      };
      for (const value of HOSTILE) {
        const field = (n: string) => ({ kind: 'field', name: n, span: { start: 0, end: 1 } });
        const string = { kind: 'string', value, raw: JSON.stringify(value), span: { start: 0, end: 1 } };
        const cmp = (n: string) => ({
          kind: 'comparison',
          field: field(n),
          operator: 'eq',
          operatorSpan: { start: 0, end: 1 },
          value: string,
          span: { start: 0, end: 1 },
        });
        const ast = {
          kind: 'or',
          operands: [cmp('f'), cmp('g')],
          span: { start: 0, end: 1 },
        } as unknown as Expression;
        // Such paths are no dotted paths, so compilePredicate refuses the schema at its entry
        // (invalid-property); the generated code is checked below that check all the same.
        expect(() => compilePredicate(ast, { schema, generateCode: true })).toThrow(/invalid-property/);
        const generated = generateUnchecked(ast, schema);
        expect(generated.name).toBe('generatedPredicate');
        expect(generated({ [name]: { [name]: value.toUpperCase() } })).toBe(true);
        expect(generated({ [name]: value })).toBe(true);
        expect(generated({ [name]: `${value}x` })).toBe(false);
        expect((globalThis as { x?: unknown }).x).toBeUndefined();
      }
    }
  });
});
