/**
 * The reference endpoint's queries on three engines: ClickHouse (embedded, chdb) against SQLite
 * and PostgreSQL, at 120,000 executions (the server's sample) and at about 10 million (the sample
 * copied 83 times under new ids), with each engine's plan for a time range. Every query is one
 * page (250 rows) of one workflow's executions in start-time order, through each store's own
 * `listExecutions`, the statement the server runs. PostgreSQL runs when `V3F_TEST_POSTGRES_URL`
 * or `DATABASE_URL` names a server (in a schema of its own, dropped after); ClickHouse when chdb
 * is installed (`npm install --prefix test/engines/clickhouse`). Run alone with `npm run bench -- engines`.
 */

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { SAMPLE_WORKFLOWS, sampleData } from '../server/seed/sample.js';
import { openClickhouseStore } from '../server/store/clickhouse.js';
import { indexStatements } from '../server/store/ddl.js';
import { poolDatabase } from '../server/store/pg-database.js';
import { PostgresStore, seedPostgres } from '../server/store/postgres.js';
import { openSqliteStore, seedSqlite } from '../server/store/sqlite.js';
import type { ExecutionsQuery, Store } from '../server/store/types.js';
import { compileSqlChunks, parse, toSqlOrderBy, workflowExecutionsSchema } from '../src/index.js';
import { chdbDatabase, clickhouseMissing, openClickhouse } from '../test/support/clickhouse.js';
import { runsAlone } from './root.js';

const SAMPLE = 120_000;
/** Copies of the sample in the large table: 83 × 120,000 = 9,960,000 executions. */
const COPIES = 83;

const QUERIES: Readonly<Record<string, string | undefined>> = {
  'no filter': undefined,
  'status eq': 'status eq "Failed"',
  'start_time range': 'start_time ge 2026-09-01T00:00:00Z and start_time lt 2026-09-08T00:00:00Z',
  'start_time gt (late)': 'start_time gt 2026-10-25T12:00:00.5Z',
  'status and range': 'status eq "Canceled" and start_time ge 2026-09-01 and start_time lt 2026-09-15',
  'not status': 'not (status eq "Completed")',
};

function query(filter: string | undefined, count: boolean): ExecutionsQuery {
  const parsed = filter === undefined ? undefined : parse(filter);
  if (parsed !== undefined && !parsed.ok) throw new Error(`bad filter: ${filter}`);
  return {
    workflowId: SAMPLE_WORKFLOWS[0]!.id,
    filter: (dialect) =>
      parsed === undefined
        ? undefined
        : compileSqlChunks(parsed.ast, { schema: workflowExecutionsSchema, dialect }),
    orderBy: (dialect) =>
      toSqlOrderBy([{ field: 'start_time', direction: 'asc' }], workflowExecutionsSchema, dialect),
    limit: 250,
    offset: 0,
    count,
  };
}

interface Engine {
  readonly name: string;
  readonly store: Store;
  close(): Promise<void>;
}

/** The copies of the sample under new ids, as each engine writes them. */
const copySql = {
  sqlite: `WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ${COPIES - 1})
    INSERT INTO workflow_executions SELECT id || '-' || n, workflow_id, request_id, start_time, close_time, status
    FROM workflow_executions, k`,
  postgres: `INSERT INTO workflow_executions SELECT id || '-' || n, workflow_id, request_id, start_time, close_time, status
    FROM workflow_executions, generate_series(1, ${COPIES - 1}) AS n`,
  clickhouse: `INSERT INTO workflow_executions SELECT concat(id, '-', toString(n)), workflow_id, request_id, start_time, close_time, status
    FROM workflow_executions ARRAY JOIN range(1, ${COPIES}) AS n`,
};

const INDEX_NAMES = indexStatements('sqlite').map((statement) => /CREATE INDEX (\S+)/.exec(statement)![1]!);

async function openSqlite(large: boolean): Promise<Engine> {
  const folder = mkdtempSync(join(tmpdir(), 'v3f-bench-engines-'));
  const path = join(folder, 'executions.sqlite');
  seedSqlite(path, () => sampleData(SAMPLE));
  if (large) {
    const db = new Database(path);
    for (const name of INDEX_NAMES) db.exec(`DROP INDEX ${name}`);
    db.exec(copySql.sqlite);
    for (const statement of indexStatements('sqlite')) db.exec(statement);
    db.exec('ANALYZE');
    db.close();
  }
  const store = openSqliteStore({ path });
  return {
    name: 'SQLite',
    store,
    close: async () => {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function openPostgres(url: string, large: boolean): Promise<Engine> {
  const schema = `v3f_bench_engines_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = poolDatabase(url, { schema, max: 2 });
  await seedPostgres(db, () => sampleData(SAMPLE));
  if (large) {
    for (const name of INDEX_NAMES) await db.query(`DROP INDEX ${name}`);
    await db.query(copySql.postgres);
    for (const statement of indexStatements('postgres')) await db.query(statement);
    await db.query('ANALYZE workflow_executions');
  }
  return {
    name: 'PostgreSQL',
    store: new PostgresStore(db),
    close: async () => {
      await db.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

async function openChdb(large: boolean): Promise<Engine> {
  const chdb = openClickhouse();
  const db = chdbDatabase(chdb);
  const store = await openClickhouseStore(db, SAMPLE);
  if (large) {
    await db.command(copySql.clickhouse);
    await db.command('OPTIMIZE TABLE workflow_executions FINAL');
  }
  return { name: 'ClickHouse (chdb)', store, close: async () => chdb.close() };
}

/** Median milliseconds of `rounds` runs of one page query (after one warm-up run). */
async function time(store: Store, q: ExecutionsQuery, rounds: number): Promise<number> {
  await store.listExecutions(q);
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await store.listExecutions(q);
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

async function benchSize(large: boolean, postgresUrl: string | undefined): Promise<void> {
  const rows = large ? SAMPLE * COPIES : SAMPLE;
  const engines: Engine[] = [];
  const opened = performance.now();
  engines.push(await openSqlite(large));
  if (postgresUrl !== undefined) engines.push(await openPostgres(postgresUrl, large));
  if (clickhouseMissing === undefined) engines.push(await openChdb(large));
  console.log(
    `\nengines, ${rows.toLocaleString('en-US')} executions (loaded in ${((performance.now() - opened) / 1000).toFixed(0)} s): median ms of one page of 250 (with X-Total-Count: page and count)`,
  );
  try {
    const table: Record<string, Record<string, string>> = {};
    for (const [label, filter] of Object.entries(QUERIES)) {
      for (const count of [false, true]) {
        const row: Record<string, number> = {};
        for (const engine of engines)
          row[engine.name] = await time(engine.store, query(filter, count), large ? 5 : 20);
        const cells: Record<string, string> = {};
        for (const [name, ms] of Object.entries(row)) cells[name] = ms.toFixed(2);
        const ch = row['ClickHouse (chdb)'];
        if (ch !== undefined) {
          cells['ClickHouse / SQLite'] = `${(ch / row.SQLite!).toFixed(2)}x`;
          if (row.PostgreSQL !== undefined)
            cells['ClickHouse / PostgreSQL'] = `${(ch / row.PostgreSQL).toFixed(2)}x`;
        }
        table[`${label}${count ? ' +count' : ''}`] = cells;
      }
    }
    console.table(table);
    const range = query(QUERIES['start_time range'], false);
    for (const engine of engines) {
      console.log(`${engine.name} plan, start_time range (${rows.toLocaleString('en-US')}):`);
      console.log(`  ${(await engine.store.explain(range)).join('\n  ')}`);
    }
  } finally {
    for (const engine of engines) await engine.close();
  }
}

/**
 * The 120,000 executions; `V3F_BENCH_ENGINES=large` adds about 10 million (loading them takes
 * tens of minutes, mostly the row stores' indexes).
 */
export async function run(): Promise<void> {
  const postgresUrl = process.env.V3F_TEST_POSTGRES_URL || process.env.DATABASE_URL || undefined;
  if (postgresUrl === undefined)
    console.log('engines: PostgreSQL skipped (set V3F_TEST_POSTGRES_URL to a server)');
  if (clickhouseMissing !== undefined) console.log(`engines: ClickHouse skipped: ${clickhouseMissing}`);
  await benchSize(false, postgresUrl);
  if (process.env.V3F_BENCH_ENGINES === 'large') await benchSize(true, postgresUrl);
}

if (runsAlone(import.meta.url)) await run();
