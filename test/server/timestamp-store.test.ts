import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../server/config.js';
import { executionsQuery } from '../../server/routes/executions.js';
import { sampleData } from '../../server/seed/sample.js';
import { PostgresStore, seedPostgres, toMicroseconds } from '../../server/store/postgres.js';
import type { Execution } from '../../server/store/types.js';
import { createCollectionHandler, type DateTimeStorage, workflowExecutionsSchema } from '../../src/index.js';
import { openTestPostgres, type TestPostgres } from '../support/postgres.js';
import { WORKFLOW } from './support/plans.js';

const EXECUTIONS = 3_000;
const sample = () => toMicroseconds(sampleData(EXECUTIONS));
/** The same sample in the text store's form: nine fractional digits, the last three zero. */
const textSample = () => {
  const data = sample();
  const nine = (time: string) => time.replace(/Z$/, '000Z');
  return {
    workflows: data.workflows,
    executions: data.executions.map((e) => ({
      ...e,
      startTime: nine(e.startTime),
      closeTime: e.closeTime === null ? null : nine(e.closeTime),
    })),
  };
};

/** A time the answer wrote, as the instant it names (trailing zeros of the fraction dropped). */
const instant = (time: string | null) => (time === null ? null : time.replace(/\.?0*Z$/, 'Z'));
const normalized = (items: readonly Execution[]) =>
  items.map((e) => ({ ...e, startTime: instant(e.startTime), closeTime: instant(e.closeTime) }));

describe("the reference server's timestamptz store answers as its text store does", () => {
  let text: TestPostgres;
  let native: TestPostgres;
  const stores: Partial<Record<DateTimeStorage, PostgresStore>> = {};
  beforeAll(async () => {
    text = await openTestPostgres('store_text');
    native = await openTestPostgres('store_native');
    await seedPostgres(text, textSample, 'text');
    await seedPostgres(native, sample, 'timestamp');
    stores.text = new PostgresStore(text, 'text');
    stores.timestamp = new PostgresStore(native, 'timestamp');
  }, 120_000);
  afterAll(async () => {
    await text?.close();
    await native?.close();
  });

  async function answer(storage: DateTimeStorage, filter: string, offset: number) {
    const handle = createCollectionHandler(workflowExecutionsSchema, {
      dialect: 'postgres',
      tiebreaker: ['start_time', 'id'],
      parameterOffset: 1,
      storage: { start_time: storage },
    });
    const request = handle(`filters=${encodeURIComponent(filter)}&count=true&limit=50&offset=${offset}`);
    if (!request.ok) throw new Error(JSON.stringify(request.body));
    const page = await stores[storage]!.listExecutions(executionsQuery(WORKFLOW, request));
    return { items: normalized(page?.items ?? []), total: page?.total };
  }

  it('on filters with literals finer than a microsecond and at offsets, page by page', async () => {
    const times = sample()
      .executions.filter((e) => e.workflowId === WORKFLOW)
      .map((e) => e.startTime);
    const literal = fc
      .tuple(
        fc.constantFrom(...times),
        fc.constantFrom('', '0', '0000001', '9999999'),
        fc.constantFrom('Z', '+05:30', '-00:00'),
      )
      .map(([time, extra, zone]) => {
        const utc = `${time.slice(0, -1)}${extra}Z`;
        if (zone !== '+05:30') return utc.replace('Z', zone);
        // The same instant written at +05:30 (the date may move).
        const ms = Date.parse(time) + 330 * 60_000;
        const local = new Date(ms).toISOString().slice(0, 23);
        return `${local}${time.slice(23, -1)}${extra}+05:30`;
      });
    const filter = fc
      .tuple(
        fc.constantFrom('eq', 'gt', 'ge', 'lt', 'le'),
        literal,
        fc.constantFrom('', ' and status eq "Failed"'),
      )
      .map(([op, value, rest]) => `start_time ${op} ${value}${rest}`);
    let selective = 0;
    await fc.assert(
      fc.asyncProperty(filter, fc.constantFrom(0, 20), async (f, offset) => {
        const [a, b] = [await answer('text', f, offset), await answer('timestamp', f, offset)];
        expect(b, f).toEqual(a);
        if ((a.total ?? 0) > 0) selective++;
      }),
      { numRuns: 120 },
    );
    expect(selective).toBeGreaterThan(30);
  });

  it('is chosen by DATE_TIME_STORAGE, with PostgreSQL only', () => {
    expect(
      readConfig({ DATABASE_URL: 'postgres://h/db', DATE_TIME_STORAGE: 'timestamp' }).dateTimeStorage,
    ).toBe('timestamp');
    expect(readConfig({}).dateTimeStorage).toBe('text');
    expect(() => readConfig({ DATE_TIME_STORAGE: 'timestamp' })).toThrow(ConfigError);
    expect(() => readConfig({ DATABASE_URL: 'postgres://h/db', DATE_TIME_STORAGE: 'epoch' })).toThrow(
      ConfigError,
    );
  });
});
