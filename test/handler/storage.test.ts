import { describe, expect, it } from 'vitest';
import { createCollectionHandler, InvalidCollectionOptionsError } from '../../src/handler/index.js';
import type { Schema } from '../../src/schema/types.js';

const schema: Schema = {
  fields: {
    start_time: { type: 'date-time', operators: ['gt', 'eq'] },
    status: { type: 'string', operators: ['eq'] },
  },
};

describe("the collection handler takes compileSql's storage option", () => {
  it('compiles a native timestamp column for `where` and `whereChunks`, text otherwise', () => {
    const query = `filters=${encodeURIComponent('start_time gt 2022-01-01T00:00:00.0000005Z')}`;
    const native = createCollectionHandler(schema, {
      dialect: 'mysql',
      storage: { start_time: 'timestamp' },
    })(query);
    const text = createCollectionHandler(schema, { dialect: 'mysql' })(query);
    if (!native.ok || !text.ok) throw new Error('refused');
    expect(native.where('mysql')).toEqual({
      sql: '`start_time` >= CAST(? AS DATETIME(6))',
      params: ['2022-01-01 00:00:00.000001'],
    });
    expect(native.where('postgres', { parameterOffset: 2 })).toEqual({
      sql: '"start_time" >= $3',
      params: ['2022-01-01 00:00:00.000001+00'],
    });
    expect(native.whereChunks('sqlite').chunks).toEqual([
      '"start_time" >= ',
      { value: 1640995200001, type: 'date-time' },
    ]);
    expect(text.where('postgres').params).toEqual(['2022-01-01T00:00:00.000000500Z']);
  });

  it('refuses a storage option the schema cannot take when the handler is made', () => {
    expect(() => createCollectionHandler(schema, { storage: { status: 'timestamp' } })).toThrow(
      InvalidCollectionOptionsError,
    );
    expect(() => createCollectionHandler(schema, { storage: { start_time: 'epoch' as never } })).toThrow(
      /storage\.start_time/,
    );
  });
});
