import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseFolding, caseFolder } from '../../src/compile/case-folding.js';
import { compilePredicate } from '../../src/compile/predicate/index.js';
import { sqlDialect } from '../../src/compile/sql/dialects.js';
import { compileSql, sqlStorage } from '../../src/compile/sql/index.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { openClickhouse, skipClickhouse, type TestClickhouse } from '../support/clickhouse.js';
import { allCodePoints, asRanges } from './support/folding-sweep.js';

/**
 * Where ClickHouse 26.7's `lowerUTF8` (ICU) alone differs from the predicate's Unicode 17 simple
 * mapping, code point by code point: only `İ`, which ICU maps to two code points. (Its other
 * difference, the final sigma, needs a letter before the `Σ`.) The dialect maps both first.
 */
const PLAIN_LOWER_UTF8_DIFFERENCES = 'U+0130';

const SCHEMA: Schema = {
  fields: {
    name: { type: 'string', operators: ['eq', 'ne', 'gt', 'lt', 'co', 'sw', 'in', 'pr', 'isnull'] },
    at: { type: 'date-time', operators: ['eq', 'gt', 'ge', 'lt', 'le', 'in', 'pr'] },
    tags: { type: 'string', collection: true, operators: ['eq', 'in', 'ca', 'co', 'pr', 'isnull'] },
  },
};

function ast(filter: string) {
  const parsed = parse(filter);
  if (!parsed.ok) throw new Error(`bad filter in the test: ${filter}`);
  return parsed.ast;
}

describe.skipIf(skipClickhouse('ClickHouse engine tests'))('ClickHouse (chdb): what the dialect relies on', () => {
  let db: TestClickhouse;
  beforeAll(() => {
    db = openClickhouse();
  });
  afterAll(() => {
    db?.close();
  });

  /** The code points whose fold by the dialect's `lower` (for `folding`) differs from the predicate's. */
  function foldDifferences(folding: CaseFolding | undefined | 'plain lowerUTF8', predicate: CaseFolding): number[] {
    const fold = caseFolder(predicate);
    const lower =
      folding === 'plain lowerUTF8' ? 'lowerUTF8(t.1)' : (sqlDialect('clickhouse')!.lower('t.1', folding) as string);
    const points = allCodePoints();
    const found: number[] = [];
    for (let start = 0; start < points.length; start += 100_000) {
      const xs = points.slice(start, start + 100_000).map((cp) => String.fromCodePoint(cp));
      const rows = db.rows<{ x: string }>(
        `SELECT t.1 AS x FROM (SELECT arrayJoin(arrayZip({xs:Array(String)}, {es:Array(String)})) AS t) WHERE ${lower} != t.2`,
        { xs, es: xs.map(fold) },
      );
      for (const row of rows) found.push(row.x.codePointAt(0)!);
    }
    return found.sort((a, b) => a - b);
  }

  it("folds every code point as the predicate does: lower() is 'ascii', lowerUTF8 (with İ and Σ mapped first) 'unicode'", () => {
    expect(asRanges(foldDifferences('ascii', 'ascii'))).toBe('');
    const unicode = asRanges(foldDifferences('unicode', 'unicode'));
    expect(unicode).toBe('');
    expect(asRanges(foldDifferences(undefined, 'unicode'))).toBe('');
    expect(asRanges(foldDifferences('plain lowerUTF8', 'unicode'))).toBe(PLAIN_LOWER_UTF8_DIFFERENCES);
  });

  it("keeps ICU's contextual and full mappings out: ΑΣ folds to ασ, İ to i, as in the predicate", () => {
    db.exec("CREATE TABLE folds (id UInt32, name Nullable(String)) ENGINE = Memory");
    db.exec("INSERT INTO folds VALUES (1, 'ΑΣ'), (2, 'İ'), (3, 'ΣΑΣ x')");
    for (const filter of ['name eq "ασ"', 'name eq "i"', 'name co "σ x"', 'name sw "σασ"']) {
      const { sql, queryParams } = compileSql(ast(filter), { schema: SCHEMA, dialect: 'clickhouse' });
      const ids = db.rows<{ id: number }>(`SELECT id FROM folds WHERE ${sql} ORDER BY id`, queryParams);
      const records = [
        { id: 1, name: 'ΑΣ' },
        { id: 2, name: 'İ' },
        { id: 3, name: 'ΣΑΣ x' },
      ];
      const predicate = compilePredicate(ast(filter), { schema: SCHEMA });
      expect(ids.map((r) => r.id), filter).toEqual(records.filter(predicate).map((r) => r.id));
      expect(ids.length, filter).toBe(1);
    }
  });
});
