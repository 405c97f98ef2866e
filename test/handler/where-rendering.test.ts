import { describe, expect, it } from 'vitest';
import { compileSql, renderSqlChunks } from '../../src/compile/sql/index.js';
import { createCollectionHandler } from '../../src/handler/index.js';
import { workflowExecutionsSchema as schema } from '../../src/schema/builtin.js';

/** Counts every read of the filter's string value: compiling reads it, rendering must not. */
function countReads(filter: unknown): { reads: number } {
  const counter = { reads: 0 };
  const value = (filter as { value: { value: string } }).value;
  const text = value.value;
  Object.defineProperty(value, 'value', {
    get() {
      counter.reads++;
      return text;
    },
  });
  return counter;
}

describe("the handler's where(): compiled once per dialect and table, rendered at any offset", () => {
  it('writes the placeholders for each offset without compiling the filter again', () => {
    const handler = createCollectionHandler(schema, { dialect: 'postgres', parameterOffset: 1 });
    const answer = handler('filters=status+eq+%22Failed%22');
    if (!answer.ok) throw new Error('expected ok');
    const counter = countReads(answer.filter);
    for (let offset = 0; offset < 50; offset++) {
      const where = answer.where('postgres', { parameterOffset: offset });
      expect(where).toEqual({ sql: `lower("status") = lower($${offset + 1}::text)`, params: ['Failed'] });
    }
    expect(counter.reads).toBe(0);
    // Another dialect is another compile (the probe sees it), and only once.
    expect(answer.where('sqlite', { parameterOffset: 3 }).sql).toBe('lower("status") = lower(?)');
    const compiledOnce = counter.reads;
    expect(compiledOnce).toBeGreaterThan(0);
    answer.where('sqlite', { parameterOffset: 7 });
    expect(counter.reads).toBe(compiledOnce);
  });

  it('renders what compileSql writes for the same offset, dialect and table', () => {
    const handler = createCollectionHandler(schema, { dialect: 'mysql', table: 'e' });
    const query = 'filters=status+eq+%22Failed%22+and+start_time+ge+2022-02-07T20:13:29Z';
    const answer = handler(query);
    if (!answer.ok || answer.filter === undefined) throw new Error('expected a filter');
    for (const dialect of ['postgres', 'sqlite', 'mysql'] as const) {
      for (const parameterOffset of [0, 1, 12]) {
        for (const table of ['e', 'x']) {
          expect(answer.where(dialect, { parameterOffset, table })).toEqual(
            compileSql(answer.filter, { schema, dialect, parameterOffset, table }),
          );
        }
      }
    }
  });

  it('gives the same filter as chunks (whereChunks), which render to what where() writes', () => {
    const handler = createCollectionHandler(schema, { dialect: 'postgres' });
    const answer = handler('filters=status+eq+%22Failed%22+or+status+eq+%22Canceled%22');
    if (!answer.ok) throw new Error('expected ok');
    for (const dialect of ['postgres', 'sqlite', 'mysql'] as const) {
      const chunks = answer.whereChunks(dialect, { table: 'e' });
      expect(chunks.dialect).toBe(dialect);
      for (const parameterOffset of [0, 4]) {
        const rendered = renderSqlChunks(chunks, { parameterOffset });
        if (!rendered.ok) throw new Error('render');
        expect({ sql: rendered.sql, params: rendered.params }).toEqual(
          answer.where(dialect, { parameterOffset, table: 'e' }),
        );
      }
    }
    const none = handler('limit=5');
    if (!none.ok) throw new Error('expected ok');
    expect(none.whereChunks('sqlite')).toEqual({ dialect: 'sqlite', chunks: ['1'] });
    expect(none.whereChunks('postgres').chunks).toEqual(['TRUE']);
  });
});
