// The SQLite reader thread of the reference server (server/store/sqlite-threads.ts starts it).
// Plain JavaScript, so that it loads the same way under tsx, vitest and the bundled benchmarks:
// a worker thread does not inherit the TypeScript loader of the thread that starts it.
//
// It owns one read-only better-sqlite3 connection, so that a statement that takes long (an
// expensive filter) or waits on a lock another process holds (busy_timeout) blocks this thread,
// never the server's event loop. Each message is a job: statements run in order, their rows sent
// back. A failed statement closes the connection, so the next job opens the file afresh.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, busyTimeoutMs } = workerData;

// The event loop answers every request (404s, 400s, 429s, and each page a reader found): when
// the cores are busy, it goes first. On Linux the nice value is per thread, and priority 0 names
// the calling thread; elsewhere it would lower the whole process, so it is left alone.
if (process.platform === 'linux') {
  try {
    setPriority(0, 5);
  } catch {
    // Not permitted here: the thread runs at the process's priority.
  }
}
let db;
const statements = new Map();

function prepare(sql) {
  if (db === undefined) {
    // fileMustExist: a missing file is a fault to report, not a new empty database to serve.
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  }
  let statement = statements.get(sql);
  if (statement === undefined) {
    // Filters vary without end; keep the cache bounded.
    if (statements.size >= 256) statements.clear();
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

function disconnect() {
  statements.clear();
  const open = db;
  db = undefined;
  try {
    open?.close();
  } catch {
    // Already unusable: nothing more to release.
  }
}

// Opened now, so that the first request does not pay for it; a failure here is reported by the
// first job instead, which opens the file again.
try {
  prepare('SELECT 1');
} catch {
  disconnect();
}

parentPort.on('message', (job) => {
  if (job.disconnect === true) {
    disconnect();
    return;
  }
  try {
    const results = job.statements.map(({ sql, params, mode }) => {
      const statement = prepare(sql);
      return mode === 'all' ? statement.all(...params) : (statement.get(...params) ?? null);
    });
    parentPort.postMessage({ id: job.id, ok: true, results });
  } catch (error) {
    disconnect();
    parentPort.postMessage({
      id: job.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      code: typeof error?.code === 'string' ? error.code : undefined,
    });
  }
});
