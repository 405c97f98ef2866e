import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accessProfilesOf, main } from '../../examples/sailpoint.js';
import { FilterBuildError, FilterSchemaError, parse, validate } from '../../src/index.js';
import { findSailPointOperation } from '../../src/sailpoint/index.js';

const since = new Date('2024-01-01T00:00:00Z');
const schema = findSailPointOperation('AccessProfilesApi', 'listAccessProfiles')!.schema;

describe('examples/sailpoint.ts', () => {
  it('any source id and prefix stay values: the filter has three comparisons, the endpoint accepts it', () => {
    // Text the validator accepts: no line break (no escape exists), no U+0000, no unpaired surrogate.
    const text = fc
      .string({ unit: 'binary', maxLength: 60 })
      .filter((s) => !/[\n\r]/.test(s) && !s.includes(String.fromCharCode(0)));
    fc.assert(
      fc.property(text, text, (sourceId, prefix) => {
        const filters = accessProfilesOf(sourceId, prefix, since);
        const parsed = parse(filters, { limits: { maxLength: 100_000 } });
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) throw new Error('unreachable');
        expect(validate(parsed.ast, schema).filter((d) => d.severity === 'error')).toEqual([]);
        expect(parsed.ast).toMatchObject({
          kind: 'and',
          operands: [
            { field: { name: 'source.id' }, operator: 'eq', value: { kind: 'string', value: sourceId } },
            { field: { name: 'name' }, operator: 'sw', value: { kind: 'string', value: prefix } },
            { field: { name: 'created' }, operator: 'gt', value: { kind: 'date-time' } },
          ],
        });
      }),
      { numRuns: 200 },
    );
  });

  it('prints the filter, and refuses a value no filter can hold with exit 1', () => {
    const out: string[] = [];
    const errors: string[] = [];
    expect(
      main(
        ['2c91', 'Admin "ops"'],
        (line) => out.push(line),
        (line) => errors.push(line),
      ),
    ).toBe(0);
    expect(out).toEqual([
      'source.id eq "2c91" and name sw "Admin \\"ops\\"" and created gt 2024-01-01T00:00:00.000Z',
    ]);
    expect(
      main(
        ['2c91', 'two\nlines'],
        (line) => out.push(line),
        (line) => errors.push(line),
      ),
    ).toBe(1);
    expect(errors).toEqual([
      'v3-filters: A string value cannot contain a line break: the language has no escape for one',
    ]);
    expect(() => accessProfilesOf('x\u0000', 'y', since)).toThrow(FilterSchemaError);
    expect(FilterSchemaError.prototype).toBeInstanceOf(FilterBuildError);
  });
});
