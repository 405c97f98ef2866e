import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A lock held on a SQLite file by another process, until released. */
export interface HeldLock {
  release(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

// Takes the exclusive lock (readers of a rollback-journal database wait on it), says so, and
// holds it until its stdin ends.
const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.exec('BEGIN EXCLUSIVE');
process.stdout.write('locked\\n');
process.stdin.resume();
process.stdin.on('end', () => { db.exec('COMMIT'); db.close(); process.exit(0); });
`;

/**
 * Starts a second Node process that holds an exclusive lock on the SQLite file at `path` (as a
 * writer in the middle of a transaction does), and resolves once the lock is taken.
 */
export function holdSqliteLock(path: string): Promise<HeldLock> {
  const child = spawn(process.execPath, ['-e', HOLDER, path], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the lock holder exited (${code}): ${output}`));
    child.once('exit', onExit);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('locked')) return;
      child.off('exit', onExit);
      resolve({
        release: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.stdin.end();
          }),
      });
    });
  });
}
