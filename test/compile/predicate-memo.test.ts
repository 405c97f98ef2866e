import { describe, expect, it } from 'vitest';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';

/*
 * compilePredicate remembers the last schema it compiled against and the fields it resolved per
 * schema (the first few in a list, the rest in a map). These tests switch schemas that share
 * field names but differ in settings, and compile against more fields than the list holds, so a
 * stale or misaligned memo would answer for the wrong field.
 */

function compile(text: string, schema: Schema): (record: unknown) => boolean {
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(text);
  return compilePredicate(parsed.ast, { schema });
}

describe('compilePredicate against several schemas in turn', () => {
  it('reads each schema’s own path and case rule for the same field name', () => {
    const byName: Schema = { fields: { name: { type: 'string', operators: ['eq'] } } };
    const byLabel: Schema = {
      fields: { name: { type: 'string', caseSensitive: true, path: 'label', operators: ['eq'] } },
    };
    const record = { name: 'ada', label: 'Ada' };
    for (let round = 0; round < 3; round++) {
      expect(compile('name eq "ADA"', byName)(record)).toBe(true);
      expect(compile('name eq "ADA"', byLabel)(record)).toBe(false);
      expect(compile('name eq "Ada"', byLabel)(record)).toBe(true);
      // An equal copy is another schema object: its own snapshot, the same answers.
      expect(compile('name eq "Ada"', { fields: { ...byName.fields } })(record)).toBe(true);
    }
  });

  it('applies each call’s case folding against the same schema', () => {
    const schema: Schema = { fields: { name: { type: 'string', operators: ['eq'] } } };
    const parsed = parse('name eq "ÄDA"');
    if (!parsed.ok) throw new Error('parse');
    for (let round = 0; round < 3; round++) {
      const unicode = compilePredicate(parsed.ast, { schema });
      const ascii = compilePredicate(parsed.ast, { schema, caseFolding: 'ascii' });
      expect(unicode({ name: 'äda' })).toBe(true);
      expect(ascii({ name: 'äda' })).toBe(false);
      expect(ascii({ name: 'Äda' })).toBe(true);
    }
  });

  it('tells an unknown field from a known one after switching schemas', () => {
    const a: Schema = { fields: { a: { type: 'integer', operators: ['eq'] } } };
    const b: Schema = { fields: { b: { type: 'integer', operators: ['eq'] } } };
    expect(compile('a eq 1', a)({ a: 1 })).toBe(true);
    expect(() => compile('a eq 1', b)).toThrow(/not in the schema/);
    expect(compile('b eq 1', b)({ b: 1 })).toBe(true);
    expect(() => compile('b eq 1', a)).toThrow(/not in the schema/);
  });

  it('resolves each of many fields to itself, in any order', () => {
    const fields: Record<string, Schema['fields'][string]> = {};
    for (let i = 0; i < 40; i++) fields[`f${i}`] = { type: 'integer', path: `p${i}`, operators: ['eq'] };
    const schema: Schema = { fields };
    const record: Record<string, number> = {};
    for (let i = 0; i < 40; i++) record[`p${i}`] = i;
    const order = [...Array(40).keys()].sort((x, y) => ((x * 17) % 40) - ((y * 17) % 40));
    for (const pass of [0, 1]) {
      for (const i of order) {
        expect(compile(`f${i} eq ${i}`, schema)(record), `pass ${pass} f${i}`).toBe(true);
        expect(compile(`f${i} eq ${i + 1}`, schema)(record), `pass ${pass} f${i}`).toBe(false);
      }
    }
  });
});
