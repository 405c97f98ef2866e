import { defineSchema } from './define.js';
import { deepFreeze } from './load.js';
import type { Schema } from './types.js';

/**
 * The seed endpoint, `GET /workflows/{id}/executions`: `start_time` (a date-time, read from a
 * record's `startTime`) with `eq lt le gt ge`, and `status` with `eq` and the four statuses the
 * published documentation lists.
 */
export const workflowExecutionsSchema = deepFreeze(
  defineSchema({
    fields: {
      start_time: {
        type: 'date-time',
        operators: ['eq', 'lt', 'le', 'gt', 'ge'],
        path: 'startTime',
        column: 'start_time',
        description: 'Date/time when the workflow started.',
      },
      status: {
        type: 'string',
        enum: ['Completed', 'Failed', 'Canceled', 'Executing'],
        operators: ['eq'],
        description: 'Workflow execution status.',
      },
    },
  }),
);

/** An endpoint whose schema ships with the library. */
export interface BuiltinEndpoint {
  readonly method: string;
  readonly path: string;
  readonly schema: Schema;
}

/** The endpoints whose schemas ship with the library, by name. */
export const BUILTIN_ENDPOINTS = Object.freeze({
  'workflow-executions': Object.freeze({
    method: 'GET',
    path: '/workflows/{id}/executions',
    schema: workflowExecutionsSchema,
  }),
}) satisfies Readonly<Record<string, BuiltinEndpoint>>;

/** The name of a built-in schema, e.g. `workflow-executions`. */
export type BuiltinSchemaName = keyof typeof BUILTIN_ENDPOINTS;

/** The names of the built-in schemas. */
export function builtinSchemaNames(): BuiltinSchemaName[] {
  return Object.keys(BUILTIN_ENDPOINTS) as BuiltinSchemaName[];
}

/**
 * The built-in schema called `name`, or undefined. Safe on any input: only the library's own
 * names match (`__proto__` or `toString` find nothing).
 */
export function builtinSchema(name: string): Schema | undefined {
  return Object.hasOwn(BUILTIN_ENDPOINTS, name)
    ? BUILTIN_ENDPOINTS[name as BuiltinSchemaName].schema
    : undefined;
}
