/**
 * A V3-style collection endpoint, `GET /workflows/{id}/executions`, on Node's http server and
 * SQLite: the whole server-side use of v3-filters in one file.
 *
 *   npx tsx examples/server.ts          # listens on http://localhost:3000
 *   curl 'http://localhost:3000/workflows/w1/executions?filters=status+eq+%22Failed%22&count=true'
 *   curl 'http://localhost:3000/workflows/w1/executions?filters=status+eq+%22Fail%22'   # a 400
 *
 * Every request is answered by {@link handleRequest}, which the example's test calls directly.
 */
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { createCollectionHandler, workflowExecutionsSchema as schema, toSqlDateTime } from '../src/index.js';

/** An HTTP answer: status, headers and a JSON body. */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/**
 * An in-memory database with a few executions. Date-times are stored in the form `compileSql`
 * compares (fixed-width UTC text, nine fractional digits), written with `toSqlDateTime`.
 */
export function openDatabase(): Database.Database {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE executions (
    id TEXT PRIMARY KEY, workflow_id TEXT NOT NULL, status TEXT, start_time TEXT)`);
  db.exec('CREATE INDEX executions_start_time ON executions (start_time)');
  const insert = db.prepare('INSERT INTO executions VALUES (?, ?, ?, ?)');
  const rows: [string, string, string, string][] = [
    ['e1', 'w1', 'Completed', '2022-02-07T19:00:00.000000000Z'],
    ['e2', 'w1', 'Failed', '2022-02-07T20:13:29.356648026Z'],
    ['e3', 'w1', 'Failed', '2022-02-08T08:30:00+01:00'],
    ['e4', 'w1', 'Executing', '2022-02-09T10:00:00Z'],
    ['e5', 'w2', 'Failed', '2022-02-09T11:00:00Z'],
  ];
  for (const [id, workflow, status, start] of rows) insert.run(id, workflow, status, toSqlDateTime(start));
  return db;
}

const ROUTE = /^\/workflows\/([^/]+)\/executions$/;

/** The endpoint's collection handler: made once, so its options are checked once. */
const executions = createCollectionHandler(schema, {
  sorters: ['start_time', 'status'],
  tiebreaker: ['id'],
  dialect: 'sqlite',
  parameterOffset: 1,
});
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** Answers one request: the executions of a workflow, filtered, sorted and paged as asked. */
export function handleRequest(db: Database.Database, method: string, url: string): Answer {
  const [path = '', query = ''] = url.split(/\?(.*)/s, 2);
  const route = ROUTE.exec(path);
  if (method !== 'GET' || route === null) {
    return { status: 404, headers: JSON_HEADERS, body: { detailCode: '404 Not found' } };
  }
  let workflowId: string;
  try {
    workflowId = decodeURIComponent(route[1]!);
  } catch {
    return { status: 404, headers: JSON_HEADERS, body: { detailCode: '404 Not found' } };
  }

  // 1. The collection parameters, checked against the whitelist; a rejected request is the V3 400,
  //    ready to send. With `dialect`, a filter that cannot be SQL is a 400 here too.
  const request = executions(query);
  if (!request.ok) return { status: request.status, headers: request.headers, body: request.body };

  // 2. The filter as a parameterized WHERE fragment (`1` without a filter). The workflow id is
  //    bound first, so the fragment's placeholders come after it (`parameterOffset: 1` above).
  const filter = request.where('sqlite');
  const where = `"workflow_id" = ? AND ${filter.sql}`;
  const params: unknown[] = [workflowId, ...filter.params];

  // 3. ORDER BY from the whitelisted sorters, columns quoted from the schema, `id` as the tiebreaker.
  const rows = db
    .prepare(`SELECT id, status, start_time AS startTime FROM executions WHERE ${where}
      ${request.orderBy('sqlite')} LIMIT ? OFFSET ?`)
    .all(...params, request.limit, request.offset);

  const headers: Record<string, string> = { ...JSON_HEADERS };
  if (request.count) {
    const total = db.prepare(`SELECT count(*) AS n FROM executions WHERE ${where}`).get(...params) as {
      n: number;
    };
    headers['x-total-count'] = String(total.n);
  }
  return { status: 200, headers, body: rows };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const db = openDatabase();
  const port = Number(process.env.PORT ?? 3000);
  createServer((req, res) => {
    const answer = handleRequest(db, req.method ?? 'GET', req.url ?? '/');
    res.writeHead(answer.status, answer.headers).end(`${JSON.stringify(answer.body, null, 2)}\n`);
  }).listen(port, () => console.log(`GET http://localhost:${port}/workflows/w1/executions?filters=...`));
}
