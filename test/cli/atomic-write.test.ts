import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './support/build.js';
import { BIN, runCli } from './support/run-cli.js';

/**
 * `lint --fix --file` and `fmt --write` replace a file atomically: a process killed at any moment
 * leaves the old content or the new, never a truncated file. Each run rewrites an 8 MB filter;
 * the test watches the folder and kills the process with SIGKILL a random few milliseconds after
 * the write starts (the file changes, or a new file appears beside it).
 */

const KILLS = 6;
const VALUE = 'x'.repeat(8 * 1024 * 1024);
const OLD = `name EQ "${VALUE}"\n`;
const NEW = `name eq "${VALUE}"\n`;
const ARGS = ['lint', '--fix', '--max-length', String(64 * 1024 * 1024)];

let dir: string;
beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'v3f-atomic-'));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI on `path` and kills it `delay` ms after the write starts; true if it was killed. */
function killDuringWrite(folder: string, path: string, delay: number): Promise<boolean> {
  const before = statSync(path).mtimeMs;
  const entries = readdirSync(folder).length;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...ARGS, '--file', path], { stdio: 'ignore' });
    let exited = false;
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      exited = true;
      resolve(signal === 'SIGKILL');
    });
    const watch = () => {
      if (exited) return;
      const writing = readdirSync(folder).length !== entries || statSync(path).mtimeMs !== before;
      if (writing) setTimeout(() => child.kill('SIGKILL'), delay);
      else setImmediate(watch);
    };
    watch();
  });
}

describe('rewriting a file is atomic', () => {
  it(`a process killed mid-write (${KILLS} times, at random moments) leaves the old file or the new one`, async () => {
    let killed = 0;
    for (let i = 0; i < KILLS; i++) {
      const folder = mkdtempSync(join(dir, 'kill-'));
      const path = join(folder, 'filters.txt');
      writeFileSync(path, OLD);
      if (await killDuringWrite(folder, path, Math.floor(Math.random() * 40))) killed++;
      const content = readFileSync(path, 'utf8');
      expect(content === OLD || content === NEW, `${content.length} characters, neither old nor new`).toBe(
        true,
      );
    }
    // Most runs are killed before they finish (a run that finishes first proves less).
    expect(killed).toBeGreaterThan(0);
  }, 180_000);

  it('a finished rewrite has the new content, and the folder holds nothing else', async () => {
    const folder = mkdtempSync(join(dir, 'done-'));
    const path = join(folder, 'filters.txt');
    writeFileSync(path, 'a EQ 1\r\nb eq 2\r\n', { mode: 0o640 });
    const run = await runCli(['lint', '--fix', '--file', path]);
    expect(run.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('a eq 1\r\nb eq 2\r\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(folder)).toEqual(['filters.txt']);
  });
});
