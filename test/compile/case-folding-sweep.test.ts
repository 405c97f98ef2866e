import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManual } from '../support/manual.js';
import { openPostgres, type PostgresEngine } from './support/engines.js';
import { allCodePoints, asRanges, postgresDifferences, sqliteDifferences } from './support/folding-sweep.js';

/**
 * An exhaustive sweep: every code point U+0001-U+10FFFF (surrogates excepted) through each
 * engine's `lower()` in each configuration the README's agreement table names, against the
 * predicate's folding. Where an engine's tables differ, the README lists exactly which code
 * points; this test holds the engines to those lists (and the README to this test).
 */

const README = readManual();

/**
 * PGlite (the version in package.json), no `caseFolding`: its C.UTF-8 ctype lacks these mappings
 * (circled letters among them) that the predicate's Unicode 17 tables have.
 */
const PGLITE_UNPINNED =
  'U+1C89, U+24B6-U+24CF, U+2C2F, U+A7C0, U+A7C7, U+A7C9, U+A7CB-U+A7CC, U+A7CE, U+A7D0, U+A7D2, U+A7D4, U+A7D6, U+A7D8, U+A7DA, U+A7DC, U+A7F5, U+10570-U+1057A, U+1057C-U+1058A, U+1058C-U+10592, U+10594-U+10595, U+10D50-U+10D65, U+16EA0-U+16EB8';
/** PGlite with `caseFolding: 'unicode'` (`pg_c_utf8`): the capitals Unicode 17 added. */
const PGLITE_PINNED_UNICODE = 'U+A7CE, U+A7D2, U+A7D4, U+16EA0-U+16EB8';
/** PostgreSQL 15 on Debian 12 (glibc 2.36, C.UTF-8), no `caseFolding`. */
const GLIBC_236_UNPINNED =
  'U+1C89, U+A7CB-U+A7CC, U+A7CE, U+A7D2, U+A7D4, U+A7DA, U+A7DC, U+10D50-U+10D65, U+16EA0-U+16EB8';

const TOTAL = allCodePoints().length;

describe(`case folding: every code point (${TOTAL}) through every engine configuration`, () => {
  const engines: PostgresEngine[] = [];
  const counts: string[] = [];
  beforeAll(async () => {
    const saved = process.env.V3F_TEST_POSTGRES_URL;
    // PGlite always; the machine's server too when one is configured.
    delete process.env.V3F_TEST_POSTGRES_URL;
    engines.push(await openPostgres());
    if (saved) {
      process.env.V3F_TEST_POSTGRES_URL = saved;
      engines.push(await openPostgres());
    }
  });
  afterAll(async () => {
    for (const engine of engines) await engine.close();
    console.log(`case-folding sweep over ${TOTAL} code points:\n  ${counts.join('\n  ')}`);
  });

  it('the README lists every documented difference', () => {
    for (const list of [PGLITE_UNPINNED, PGLITE_PINNED_UNICODE, GLIBC_236_UNPINNED]) {
      expect(README).toContain(list);
    }
  });

  it("SQLite's lower() is exactly caseFolding 'ascii'", () => {
    const found = sqliteDifferences('ascii');
    counts.push(`sqlite lower() vs 'ascii': ${found.length}`);
    expect(asRanges(found)).toBe('');
  });

  it("PostgreSQL with caseFolding 'ascii' (COLLATE \"C\") is exactly 'ascii'", async () => {
    for (const engine of engines) {
      const found = await postgresDifferences(engine, 'ascii', 'C');
      counts.push(`${engine.kind} pinned 'ascii' vs 'ascii': ${found.length}`);
      expect(asRanges(found), engine.kind).toBe('');
    }
  });

  it("PostgreSQL with caseFolding 'unicode' (pg_c_utf8) differs from 'unicode' only where the README says", async () => {
    for (const engine of engines) {
      const [setting] = await engine.query<{ version: number }>(
        "SELECT current_setting('server_version_num')::int AS version",
      );
      const version = setting!.version;
      if (version < 170000) {
        counts.push(`${engine.kind} pinned 'unicode': not available (PostgreSQL ${version}, before 17)`);
        continue;
      }
      const found = await postgresDifferences(engine, 'unicode', 'pg_c_utf8');
      counts.push(`${engine.kind} pinned 'unicode' vs 'unicode': ${found.length} (${asRanges(found)})`);
      if (engine.kind === 'pglite') expect(asRanges(found)).toBe(PGLITE_PINNED_UNICODE);
      // Any server's builtin tables are one Unicode version or another: only recent capitals differ.
      else expect(found.every((cp) => cp >= 0x1c89)).toBe(true);
    }
  });

  it("PostgreSQL without caseFolding (C.UTF-8 ctype) differs from 'unicode' only where the README says", async () => {
    for (const engine of engines) {
      const [database] = await engine.query<{ ctype: string; version: string }>(
        'SELECT datctype AS ctype, version() AS version FROM pg_database WHERE datname = current_database()',
      );
      const { ctype, version } = database!;
      const found = await postgresDifferences(engine, 'unicode', undefined);
      counts.push(`${engine.kind} (${ctype}) unpinned vs 'unicode': ${found.length} (${asRanges(found)})`);
      if (engine.kind === 'pglite') {
        expect(asRanges(found)).toBe(PGLITE_UNPINNED);
      } else if (
        /PostgreSQL 15\.\d+ \(Debian 15\.\d+-0\+deb12u\d+\)/.test(version) &&
        /utf-?8/i.test(ctype)
      ) {
        expect(asRanges(found)).toBe(GLIBC_236_UNPINNED);
      } else {
        // Another C library: its tables are its own; ASCII at least must agree.
        expect(found.every((cp) => cp > 0x7f)).toBe(true);
      }
    }
  });
});
