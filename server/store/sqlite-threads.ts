import { Worker } from 'node:worker_threads';
import { StoreBusyError } from './busy.js';

/** One statement for a reader thread: `all` reads every row, `get` the first (or null). */
export interface ThreadStatement {
  readonly sql: string;
  readonly params: readonly unknown[];
  readonly mode: 'all' | 'get';
}

/** Options of {@link SqliteThreads}. */
export interface SqliteThreadsOptions {
  /** The database file, opened read-only by each thread. */
  readonly path: string;
  /** How many reader threads run statements at once. */
  readonly threads: number;
  /** Each job's time budget from the moment it is asked for, waiting for a thread included. */
  readonly budgetMs: number;
}

interface Job {
  readonly id: number;
  readonly statements: readonly ThreadStatement[];
  readonly resolve: (results: unknown[]) => void;
  readonly reject: (error: unknown) => void;
  readonly timer: NodeJS.Timeout;
  thread?: Reader;
}

interface Reader {
  readonly worker: Worker;
  job: Job | undefined;
}

/** Error codes of a busy or locked database: another connection holds a lock past busy_timeout. */
const BUSY = /^SQLITE_(BUSY|LOCKED)/;

const THREAD_URL = new URL('./sqlite-thread.mjs', import.meta.url);

/** A reader's `busy_timeout`: the budget less a margin of a quarter of it, at most 500 ms. */
const lockWaitMs = (budgetMs: number): number =>
  Math.max(1, Math.round(budgetMs - Math.min(500, budgetMs / 4)));

/**
 * A small pool of reader threads, each owning a read-only better-sqlite3 connection, so that
 * SQLite's synchronous work (an expensive filter, a wait on another process's lock) never runs on
 * the event loop: a route that touches no database answers at once whatever SQLite is doing.
 *
 * Each job has a time budget. Past it the caller gets {@link StoreBusyError}; a job still running
 * then has its thread terminated (better-sqlite3 cannot interrupt a statement; the thread ends
 * when the statement returns) and a fresh thread takes its place, so the budget bounds what a
 * client waits and a runaway statement never holds a reader slot. At most as many terminated
 * threads may still be finishing as there are readers; past that, jobs wait for them to end.
 */
export class SqliteThreads {
  private readonly readers: Reader[] = [];
  private readonly queue: Job[] = [];
  private retiring = 0;
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: SqliteThreadsOptions) {
    // Started now, not on demand: a thread's start (loading the driver, opening the file) would
    // otherwise fall on the request that first needs it, at the busiest moment.
    while (this.start() !== undefined);
  }

  /** Runs `statements` in order on one thread's connection and answers their results. */
  run(statements: readonly ThreadStatement[]): Promise<unknown[]> {
    if (this.closed) return Promise.reject(new Error('the SQLite store is closed'));
    return new Promise((resolve, reject) => {
      const job: Job = {
        id: this.nextId++,
        statements,
        resolve,
        reject,
        timer: setTimeout(() => this.expire(job), this.options.budgetMs),
      };
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Each thread closes its connection after its current job; the next job opens the file afresh. */
  disconnect(): void {
    for (const reader of this.readers) reader.worker.postMessage({ disconnect: true });
  }

  /** Ends every thread; jobs not yet answered fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.fail(job, new Error('the SQLite store is closed'));
    const readers = this.readers.splice(0);
    for (const reader of readers)
      if (reader.job) this.fail(reader.job, new Error('the SQLite store is closed'));
    await Promise.all(readers.map((reader) => reader.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const reader = this.readers.find((r) => r.job === undefined) ?? this.start();
      if (reader === undefined) return;
      const job = this.queue.shift()!;
      reader.job = job;
      job.thread = reader;
      reader.worker.postMessage({ id: job.id, statements: job.statements });
    }
  }

  private start(): Reader | undefined {
    if (this.readers.length >= this.options.threads) return undefined;
    if (this.readers.length + this.retiring >= 2 * this.options.threads) return undefined;
    const worker = new Worker(THREAD_URL, {
      // SQLite gives up waiting on a lock a little before the budget ends, so that a lock held
      // elsewhere costs the request its budget but not the thread (which stays, unlike a thread
      // still inside a statement at the budget).
      workerData: { path: this.options.path, busyTimeoutMs: lockWaitMs(this.options.budgetMs) },
    });
    // Idle readers never keep the process alive on their own.
    worker.unref();
    const reader: Reader = { worker, job: undefined };
    worker.on('message', (message: ThreadAnswer) => this.answer(reader, message));
    worker.on('error', (error) => this.lose(reader, error));
    worker.on('exit', () => this.lose(reader, new Error('a SQLite reader thread exited')));
    this.readers.push(reader);
    return reader;
  }

  private answer(reader: Reader, message: ThreadAnswer): void {
    const job = reader.job;
    if (job === undefined || job.id !== message.id) return;
    reader.job = undefined;
    clearTimeout(job.timer);
    if (message.ok) job.resolve(message.results);
    else {
      const cause = Object.assign(new Error(message.message), { code: message.code });
      job.reject(
        BUSY.test(message.code ?? '') ? new StoreBusyError('lock', this.options.budgetMs, { cause }) : cause,
      );
    }
    this.dispatch();
  }

  /** A thread failed or ended on its own: its job fails, and the next job gets a new thread. */
  private lose(reader: Reader, error: unknown): void {
    const index = this.readers.indexOf(reader);
    if (index < 0) return;
    this.readers.splice(index, 1);
    if (reader.job !== undefined) this.fail(reader.job, error);
    if (!this.closed) this.refill();
  }

  /** Starts threads up to the pool's size (as far as the retiring ones allow), then dispatches. */
  private refill(): void {
    while (this.start() !== undefined);
    this.dispatch();
  }

  private expire(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      job.reject(new StoreBusyError('no-connection', this.options.budgetMs));
      return;
    }
    const reader = job.thread;
    if (reader === undefined || reader.job !== job) return;
    // Retire the thread: it cannot be interrupted, only ended once its statement returns.
    this.readers.splice(this.readers.indexOf(reader), 1);
    reader.job = undefined;
    this.retiring++;
    reader.worker.removeAllListeners();
    reader.worker.on('error', () => undefined);
    reader.worker.terminate().finally(() => {
      this.retiring--;
      if (!this.closed) this.refill();
    });
    job.reject(new StoreBusyError('statement-timeout', this.options.budgetMs));
    this.refill();
  }

  private fail(job: Job, error: unknown): void {
    clearTimeout(job.timer);
    job.reject(error);
  }
}

type ThreadAnswer =
  | { readonly id: number; readonly ok: true; readonly results: unknown[] }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly code?: string };
