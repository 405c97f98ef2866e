import { describe, expect, it } from 'vitest';
import { parseCollectionQuery } from '../../src/collection/index.js';
import { FilterCompileError } from '../../src/compile/compile-error.js';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { compileSql, tryCompileSql } from '../../src/compile/sql/index.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { validate } from '../../src/validate/index.js';

const schema: Schema = {
  fields: {
    status: { type: 'string', operators: ['eq', 'in'], enum: ['Failed', 'Done'] },
    size: { type: 'integer', operators: ['eq', 'gt'] },
  },
};

function ast(text: string) {
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.ast;
}

const filter = ast('status eq "failed" and size gt 2');

describe('compiler options: any bad option is a typed diagnostic, never broken SQL', () => {
  it.each([
    [{ schema, dialect: 'postgres', caseFolding: 'C' }, 'caseFolding'],
    [{ schema, dialect: 'postgres', parameterOffset: Number.POSITIVE_INFINITY }, 'parameterOffset'],
    [{ schema, dialect: 'postgres', parameterOffset: -1 }, 'parameterOffset'],
    [{ schema, dialect: 'postgres', parameterOffset: 1.5 }, 'parameterOffset'],
    [{ schema, dialect: 'postgres', parameterOffset: Number.NaN }, 'parameterOffset'],
    [{ schema, dialect: 'sqlite', parameterOffset: 40_000 }, 'parameterOffset'],
    [{ schema, dialect: 'oracle' }, 'dialect'],
    [{ schema, dialect: 'postgres', table: 5 }, 'table'],
    [{ schema, dialect: 'postgres', storage: 'timestamp' }, 'storage'],
    [{ schema, dialect: 'postgres', storage: ['timestamp'] }, 'storage'],
    [{ schema, dialect: 'postgres', storage: { status: 'timestamp' } }, 'storage.status'],
    [{ schema, dialect: 'postgres', storage: { __proto__: null, nope: 'text' } }, 'storage.nope'],
    [{ dialect: 'postgres' }, 'schema'],
    [{ schema: { fields: 'x' }, dialect: 'postgres' }, 'schema'],
    [null, 'options'],
  ])('tryCompileSql(%j) answers compile-invalid-option naming %s', (options, name) => {
    const result = tryCompileSql(filter, options as never);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['compile-invalid-option']);
    expect(result.diagnostics[0]!.message).toContain(`\`${name}\``);
    expect(() => compileSql(filter, options as never)).toThrow(FilterCompileError);
  });

  it('a throwing getter in the options is a diagnostic too', () => {
    const options = {
      schema,
      dialect: 'sqlite',
      get caseFolding(): string {
        throw new Error('boom');
      },
    };
    const result = tryCompileSql(filter, options as never);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['compile-invalid-option']);
  });

  it('compilePredicate refuses a bad caseFolding or schema with FilterCompileError', () => {
    for (const options of [{ schema, caseFolding: 'C' }, { caseFolding: 'ascii' }, undefined]) {
      let thrown: unknown;
      try {
        compilePredicate(filter, options as never);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(FilterCompileError);
      expect((thrown as FilterCompileError).diagnostics.map((d) => d.code)).toEqual([
        'compile-invalid-option',
      ]);
    }
  });

  it('counts parameterOffset against the bind limit', () => {
    const many = ast(`status in (${Array.from({ length: 90 }, (_, i) => `"${i}"`).join(', ')})`);
    const loose: Schema = { fields: { status: { type: 'string', operators: ['in'] } } };
    expect(tryCompileSql(many, { schema: loose, dialect: 'postgres', parameterOffset: 65_500 }).ok).toBe(
      false,
    );
    expect(tryCompileSql(many, { schema: loose, dialect: 'postgres', parameterOffset: 65_000 }).ok).toBe(
      true,
    );
  });
});

describe('schema objects are read through own properties only', () => {
  const polluted = {
    caseSensitive: true,
    column: 'evil',
    path: 'evil',
    collection: true,
    enum: ['nope'],
    composite: [],
    sorters: ['size'],
  };

  function withPollutedPrototype<T>(run: () => T): T {
    const proto = Object.prototype as Record<string, unknown>;
    for (const [key, value] of Object.entries(polluted)) proto[key] = value;
    try {
      return run();
    } finally {
      for (const key of Object.keys(polluted)) delete proto[key];
    }
  }

  function observe(s: Schema) {
    const text = 'status eq "failed" and not (size gt 2)';
    const tree = ast(text);
    return {
      validate: validate(tree, s).map((d) => d.code),
      sql: compileSql(tree, { schema: s, dialect: 'postgres' }).sql,
      lite: compileSql(tree, { schema: s, dialect: 'sqlite' }).sql,
      predicate: [
        { status: 'Failed', size: 1 },
        { status: 'FAILED', size: 3 },
        { evil: 'Failed', status: 'x', size: 1 },
      ].map(compilePredicate(tree, { schema: s })),
      collection: parseCollectionQuery('sorters=size&filters=status+eq+%22failed%22', s).diagnostics.map(
        (d) => d.code,
      ),
    };
  }

  it('a polluted Object.prototype changes nothing (restored afterwards)', () => {
    // Fresh, structurally identical schemas: no snapshot of the clean run is reused.
    const fresh = (): Schema => JSON.parse(JSON.stringify(schema));
    const clean = observe(fresh());
    const dirty = withPollutedPrototype(() => observe(fresh()));
    expect(dirty).toEqual(clean);
    expect(clean.predicate).toEqual([true, false, false]);
    expect(clean.sql).toContain('lower("status")');
    expect(clean.collection).toEqual(['sorting-not-supported']);
    expect(Object.hasOwn(Object.prototype, 'column')).toBe(false);
  });
});
