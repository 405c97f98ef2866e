import Database from 'better-sqlite3';
import { type CaseFolding, caseFolder } from '../../../src/compile/case-folding.js';
import type { PostgresEngine } from './engines.js';

/** Every code point a text value can hold in both engines: U+0001-U+10FFFF without surrogates. */
export function allCodePoints(): number[] {
  const points: number[] = [];
  for (let cp = 1; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) points.push(cp);
  return points;
}

/** Code points batched per query: ~11 queries per configuration, so the sweep stays quick. */
const BATCH = 100_000;

/**
 * The code points whose `lower()` in PostgreSQL (under `collate`, or the database default when
 * undefined) differs from the predicate's folding. Each batch sends the characters and the
 * predicate's answers as two arrays, and only the differences come back.
 */
export async function postgresDifferences(
  pg: PostgresEngine,
  predicate: CaseFolding,
  collate: string | undefined,
): Promise<number[]> {
  const fold = caseFolder(predicate);
  const points = allCodePoints();
  const lower = collate === undefined ? 'lower(x)' : `lower(x COLLATE "${collate}")`;
  const found: number[] = [];
  for (let start = 0; start < points.length; start += BATCH) {
    const chars = points.slice(start, start + BATCH).map((cp) => String.fromCodePoint(cp));
    const rows = await pg.query<{ x: string }>(
      `SELECT x FROM unnest($1::text[], $2::text[]) AS t(x, e) WHERE ${lower} COLLATE "C" <> e COLLATE "C"`,
      [chars, chars.map(fold)],
    );
    for (const row of rows) found.push(row.x.codePointAt(0)!);
  }
  return found.sort((a, b) => a - b);
}

/** The code points whose SQLite `lower()` differs from the predicate's folding. */
export function sqliteDifferences(predicate: CaseFolding): number[] {
  const fold = caseFolder(predicate);
  const db = new Database(':memory:');
  const points = allCodePoints();
  const found: number[] = [];
  const query = db.prepare(
    'SELECT p.value ->> 0 AS x FROM json_each(?) AS p WHERE lower(p.value ->> 0) <> p.value ->> 1',
  );
  try {
    for (let start = 0; start < points.length; start += BATCH) {
      const chars = points.slice(start, start + BATCH).map((cp) => String.fromCodePoint(cp));
      const pairs = JSON.stringify(chars.map((c) => [c, fold(c)]));
      for (const row of query.all(pairs) as { x: string }[]) {
        found.push(row.x.codePointAt(0)!);
      }
    }
  } finally {
    db.close();
  }
  return found.sort((a, b) => a - b);
}

/** Code points as ranges for a message or the README: `U+24B6-U+24CF, U+2C2F`. */
export function asRanges(points: readonly number[]): string {
  const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const parts: string[] = [];
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j]! + 1) j++;
    parts.push(i === j ? hex(points[i]!) : `${hex(points[i]!)}-${hex(points[j]!)}`);
    i = j + 1;
  }
  return parts.join(', ');
}
