import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The reference server running as `npm start` runs it, in a process of its own. */
export interface ChildServer {
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything it printed. */
  readonly output: () => string;
  /** Its `process.memoryUsage()`, after a full garbage collection. */
  memory(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

const MAIN = fileURLToPath(new URL('../../../server/main.ts', import.meta.url));

/**
 * Starts `server/main.ts` (through tsx, with `--expose-gc` and an IPC channel) with `env` added
 * to this process's environment and `PORT=0`, and resolves once it listens.
 */
export function spawnServer(env: Record<string, string>, timeoutMs = 120_000): Promise<ChildServer> {
  const child = fork(MAIN, [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const read = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', read);
  child.stderr?.on('data', read);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${output}`));
    };
    child.once('exit', onExit);
    const watch = () => {
      const match = /reference server on (http:\/\/[^ ]+) /.exec(output);
      if (match === null) return;
      child.stdout?.off('data', watch);
      child.off('exit', onExit);
      clearTimeout(timer);
      resolve({
        url: match[1]!,
        process: child,
        output: () => output,
        memory: () =>
          new Promise((done, fail) => {
            const onMessage = (message: unknown) => {
              const memory = (message as { memory?: NodeJS.MemoryUsage }).memory;
              if (memory === undefined) return;
              child.off('message', onMessage);
              done(memory);
            };
            child.on('message', onMessage);
            if (!child.send('memory')) fail(new Error('the server has no IPC channel'));
          }),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', watch);
  });
}

/** How a server process ended: its exit code and what it printed on each stream. */
export interface ServerExit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `server/main.ts` with `env` added (and `PORT=0`) until it exits on its own, e.g. refusing its configuration. */
export function runServerToExit(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerExit> {
  const child = fork(MAIN, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not exit within ${timeoutMs} ms:\n${stdout}${stderr}`));
    }, timeoutMs);
    // 'close', not 'exit': the streams are read to their end first.
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Resolves with the exit code once `child` has exited (at once when it already has). */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
