import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  BUILTIN_ENDPOINTS,
  builtinSchema,
  builtinSchemaNames,
  defineSchema,
  type FieldNameOf,
  type FieldValueOf,
  InvalidSchemaError,
  loadSchema,
  type OperatorOf,
  workflowExecutionsSchema,
} from '../../src/schema/index.js';

describe('defineSchema', () => {
  const schema = defineSchema({
    fields: {
      status: { type: 'string', enum: ['Completed', 'Failed'], operators: ['eq', 'in'] },
      start_time: { type: 'date-time', operators: ['ge'] },
      count: { type: 'integer', operators: ['eq'] },
    },
    composite: ['and'],
  });

  it('keeps literal types for a typed builder', () => {
    expectTypeOf<FieldNameOf<typeof schema>>().toEqualTypeOf<'status' | 'start_time' | 'count'>();
    expectTypeOf<OperatorOf<typeof schema, 'status'>>().toEqualTypeOf<'eq' | 'in'>();
    expectTypeOf<FieldValueOf<typeof schema, 'status'>>().toEqualTypeOf<'Completed' | 'Failed'>();
    expectTypeOf<FieldValueOf<typeof schema, 'start_time'>>().toEqualTypeOf<Date | string>();
    expectTypeOf<FieldValueOf<typeof schema, 'count'>>().toEqualTypeOf<number>();
    expect(schema.fields.status.enum).toEqual(['Completed', 'Failed']);
  });

  it('throws InvalidSchemaError listing every error (a programming mistake, found at startup)', () => {
    const attempt = () =>
      defineSchema({
        fields: {
          tags: { type: 'string', operators: ['ca'] },
          flag: { type: 'boolean', operators: ['eq'], enum: ['x'] },
        },
      });
    expect(attempt).toThrow(InvalidSchemaError);
    try {
      attempt();
    } catch (caught) {
      const error = caught as InvalidSchemaError;
      expect(error.diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual([
        'ca-requires-collection /fields/tags/operators/0',
        'enum-requires-string /fields/flag/enum',
      ]);
      expect(error.message).toContain('/fields/tags/operators/0');
    }
  });

  it('accepts warnings', () => {
    expect(() => defineSchema({ fields: { n: { type: 'number', operators: ['co'] } } })).not.toThrow();
  });
});

describe('built-in schemas', () => {
  it('has the seed endpoint, GET /workflows/{id}/executions, as the seed documents it', () => {
    expect(builtinSchemaNames()).toContain('workflow-executions');
    expect(BUILTIN_ENDPOINTS['workflow-executions']).toMatchObject({
      method: 'GET',
      path: '/workflows/{id}/executions',
    });
    const schema = builtinSchema('workflow-executions');
    expect(schema).toBe(workflowExecutionsSchema);
    expect(schema?.fields.start_time).toMatchObject({
      type: 'date-time',
      operators: ['eq', 'lt', 'le', 'gt', 'ge'],
      column: 'start_time',
      path: 'startTime',
    });
    expect(schema?.fields.status).toMatchObject({
      type: 'string',
      operators: ['eq'],
      enum: ['Completed', 'Failed', 'Canceled', 'Executing'],
    });
    expect(Object.keys(schema?.fields ?? {})).toEqual(['start_time', 'status']);
  });

  it('is valid, frozen, and survives a JSON round trip', () => {
    expect(Object.isFrozen(workflowExecutionsSchema.fields.status.operators)).toBe(true);
    const loaded = loadSchema(JSON.stringify(workflowExecutionsSchema));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.ok && loaded.schema).toEqual(workflowExecutionsSchema);
  });

  it('finds nothing for names that are not its own', () => {
    for (const name of [
      '__proto__',
      'toString',
      'constructor',
      'hasOwnProperty',
      '',
      'Workflow-Executions',
    ]) {
      expect(builtinSchema(name)).toBeUndefined();
    }
  });
});
