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
