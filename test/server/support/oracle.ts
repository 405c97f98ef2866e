import { expect } from 'vitest';
import { sampleExecutions } from '../../../server/seed/sample.js';
import { compilePredicate, parse, workflowExecutionsSchema } from '../../../src/index.js';

/**
 * The answer the server must give, computed without SQL: the sample rows filtered by the
 * library's in-memory predicate and sorted by start time, then id (code-point order, as the
 * stores' byte-order collations sort).
 */
export function expectedExecutions(
  executions: number,
  workflowId: string,
  filter: string | undefined,
): ReturnType<typeof sampleExecutions> {
  let predicate: (record: unknown) => boolean = () => true;
  if (filter !== undefined) {
    const parsed = parse(filter);
    if (!parsed.ok) throw new Error(`not a filter: ${filter}`);
    predicate = compilePredicate(parsed.ast, { schema: workflowExecutionsSchema });
  }
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  let rows = samples.get(executions);
  if (rows === undefined) {
    rows = sampleExecutions(executions);
    samples.set(executions, rows);
  }
  return rows
    .filter((row) => row.workflowId === workflowId && predicate(row))
    .sort((a, b) => compare(a.startTime, b.startTime) || compare(a.id, b.id));
}

const samples = new Map<number, ReturnType<typeof sampleExecutions>>();

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/;

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const KEYS = 'id,workflowId,requestId,startTime,closeTime,status';
const STATUSES: ReadonlySet<unknown> = new Set(['Completed', 'Failed', 'Canceled', 'Executing']);

/** What is wrong with `body` as a page of executions in the seed's shape, or undefined. */
export function executionShapeProblem(body: unknown): string | undefined {
  if (!Array.isArray(body)) return 'not an array';
  for (const [index, item] of (body as Record<string, unknown>[]).entries()) {
    const problem =
      item === null || typeof item !== 'object'
        ? 'not an object'
        : Object.keys(item).join(',') !== KEYS
          ? `keys ${Object.keys(item).join(',')}`
          : !ID.test(String(item.id))
            ? 'id'
            : !/^[0-9a-f]{32}$/.test(String(item.requestId))
              ? 'requestId'
              : !TIME.test(String(item.startTime))
                ? 'startTime'
                : !STATUSES.has(item.status)
                  ? 'status'
                  : item.status === 'Executing'
                    ? item.closeTime === null
                      ? undefined
                      : 'closeTime of a running execution'
                    : TIME.test(String(item.closeTime))
                      ? undefined
                      : 'closeTime';
    if (problem !== undefined) return `item ${index}: ${problem} in ${JSON.stringify(item)}`;
  }
  return undefined;
}

/** Asserts that `body` is a page of executions in the seed's shape, exactly those keys. */
export function expectExecutionShape(body: unknown): asserts body is Record<string, unknown>[] {
  expect(executionShapeProblem(body)).toBeUndefined();
}

/** Asserts the seed's 400 body: detail code, a 32-hex tracking id, messages and causes. */
export function expectBadRequestBody(body: unknown): void {
  expect(body).toMatchObject({ detailCode: '400.1 Bad Request Content' });
  const b = body as { trackingId: unknown; messages: unknown[]; causes: unknown[] };
  expect(Object.keys(b)).toEqual(['detailCode', 'trackingId', 'messages', 'causes']);
  expect(b.trackingId).toMatch(/^[0-9a-f]{32}$/);
  expect(b.messages.length).toBeGreaterThan(0);
  expect(b.causes.length).toBe(b.messages.length);
  for (const message of [...b.messages, ...b.causes]) {
    expect(message).toEqual({ locale: 'en-US', localeOrigin: 'DEFAULT', text: expect.any(String) });
  }
}

/** Asserts a V3 body without causes (the seed's 404 and 500 examples) with `detailCode` and `text`. */
export function expectStatusBody(body: unknown, detailCode: string, text: string): void {
  expect(body).toEqual({
    detailCode,
    trackingId: expect.stringMatching(/^[0-9a-f]{32}$/),
    messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text }],
  });
}
