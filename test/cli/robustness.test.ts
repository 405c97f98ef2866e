import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as runInProcess } from '../../src/cli/main.js';
import { ensureBuilt } from './support/build.js';
import { runInProcess as runInProcessCli } from './support/in-process.js';
import { memoryIo } from './support/memory-io.js';
import { runCli, STACK_TRACE } from './support/run-cli.js';

let dir: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'v3-filters-robust-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Bytes from a fixed seed, so a failure can be replayed. */
function pseudoRandomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** Raw control or bidi characters in a report could drive the terminal; only \n may appear. */
function rawControl(text: string): string | undefined {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const control = (code < 0x20 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
    const bidi = (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
    if (control || bidi) return `U+${code.toString(16).padStart(4, '0')}`;
  }
  return undefined;
}

describe.concurrent('the binary on huge and hostile stdin', () => {
  it('a 5 MB one-line filter: one input-too-long diagnostic, a short report, exit 1', async () => {
    const huge = `${'a eq 1 and '.repeat(500_000)}b eq 2`;
    expect(huge.length).toBeGreaterThan(5_000_000);
    const run = await runCli(['lint'], { stdin: huge });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `<stdin>:1:4097: error input-too-long: The filter is ${huge.length} characters long`,
    );
    expect(run.stdout.length).toBeLessThan(1000);
    expect(run.stderr).toBe('');
  });

  it('the same 5 MB filter parses and passes with the limits raised to their maximum', async () => {
    const huge = `${'a eq 1 and '.repeat(500_000)}b eq 2`;
    const run = await runInProcessCli(['lint', '--max-length', '67108864', '--max-comparisons', '1000000'], {
      stdin: huge,
    });
    expect(run.stdout).toBe('1 filter checked: no problems\n');
    expect(run.code).toBe(0);
  });

  it('3 MB of filters, one per line, against the built-in schema', async () => {
    const line = 'status eq "Failed" and start_time ge 2022-02-07T20:13:29Z\n';
    const lines = line.repeat(Math.ceil(3_000_000 / line.length));
    const run = await runInProcessCli(['lint', '--endpoint', 'workflow-executions'], { stdin: lines });
    const count = lines.split('\n').length - 1;
    expect(run.stdout).toBe(`${count} filters checked against workflow-executions (built-in): no problems\n`);
    expect(run.code).toBe(0);
  });

  it('binary stdin that is not UTF-8: one line on stderr, exit 2', async () => {
    const bytes = Buffer.concat([pseudoRandomBytes(2_000_000, 7), Buffer.from([0xff, 0xfe])]);
    const run = await runCli(['lint'], { stdin: bytes });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('v3-filters: stdin is not UTF-8 text\n');
  });

  it('NUL and control bytes that are valid UTF-8 are linted, and shown escaped', async () => {
    const run = await runCli(['lint'], { stdin: Buffer.from('a eq "x\u0000"\u001b[31m and b\u0007 eq 1\n') });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('\\x1b');
    expect(rawControl(run.stdout)).toBeUndefined();
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('a YAML document with odd tags: one line on stderr, no library warning echoing the document', async () => {
    const run = await runCli(['lint-openapi', '-'], { stdin: '!& x\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('v3-filters: -: An OpenAPI document must be an object\n');
  });

  it('more than 64 MiB on stdin is refused without reading it all', async () => {
    const run = await runCli(['lint'], { stdin: Buffer.alloc(65 * 1024 * 1024, 0x61) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('v3-filters: stdin is larger than 64 MiB; refusing to read it\n');
  });
});

describe.concurrent('the binary on bad files and bad usage: a clean message and exit 2', () => {
  const cases: readonly (readonly [string, () => string[], string | RegExp])[] = [
    ['a missing --file', () => ['lint', '--file', join(dir, 'nope.txt')], 'nope.txt: no such file'],
    ['a directory as --file', () => ['lint', '--file', dir], 'is a directory, not a file'],
    [
      'a --file that is not UTF-8',
      () => ['lint', '--file', file('latin1.txt', Buffer.from([0x61, 0x20, 0x65, 0x71, 0x20, 0xe9]))],
      'latin1.txt is not UTF-8 text',
    ],
    [
      'a --schema that is not JSON',
      () => ['lint', 'a eq 1', '--schema', file('bad.json', '{"fields": ')],
      /bad\.json is not a usable schema:\n {2}.*invalid-json/,
    ],
    [
      'a --schema that is JSON but not a schema',
      () => ['lint', 'a eq 1', '--schema', file('list.json', '[1]')],
      'error invalid-schema',
    ],
    [
      'a --schema with a hostile field name',
      () => ['lint', 'a eq 1', '--schema', file('proto.json', '{"fields": {"__proto__": {"type": "x"}}}')],
      'is not a usable schema',
    ],
    ['an unknown option', () => ['lint', '--bogus', 'a eq 1'], "error: unknown option '--bogus'"],
    ['an unknown command', () => ['lnt', 'a eq 1'], "error: unknown command 'lnt'"],
    [
      'an option without its value',
      () => ['lint', '--file'],
      "error: option '-f, --file <file>' argument missing",
    ],
    ['a bad --format', () => ['lint', '--format', 'xml', 'a'], "argument 'xml' is invalid"],
    ['a bad --max-length', () => ['lint', '--max-length', '1e9', 'a'], 'must be a positive integer'],
    ['a bad --dialect', () => ['sql', '--dialect', 'oracle', 'a'], "argument 'oracle' is invalid"],
    ['lint-openapi without a document', () => ['lint-openapi'], "error: missing required argument 'spec'"],
    ['no command at all', () => [], 'Usage: v3-filters'],
  ];
  // The first few through the binary itself, the rest in-process (the same code, no start-up).
  cases.forEach(([name, args, message], index) => {
    it(name, async () => {
      const run = await (index < 4 || index === 6 ? runCli : runInProcessCli)(args());
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      if (typeof message === 'string') expect(run.stderr).toContain(message);
      else expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    });
  });
});

describe.concurrent('colours', () => {
  const broken = ['lint', 'a EQ 1'];
  it('never through a pipe by default', async () => {
    expect((await runCli(broken)).stdout).not.toContain('\u001b[');
  });

  it('FORCE_COLOR turns them on; NO_COLOR wins over FORCE_COLOR and --color; --no-color wins over FORCE_COLOR', async () => {
    expect((await runCli(broken, { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[31m');
    expect(
      (await runCli(['--color', ...broken], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stdout,
    ).not.toContain('\u001b[');
    expect((await runCli(['--no-color', ...broken], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain(
      '\u001b[',
    );
  });

  it('on a terminal, unless NO_COLOR is set (in-process, with terminal streams)', async () => {
    const tty = memoryIo({ tty: true, stdin: '' });
    await runInProcess(broken, tty);
    expect(tty.out()).toContain('\u001b[31m');
    const noColor = memoryIo({ tty: true, stdin: '', env: { NO_COLOR: '1' } });
    await runInProcess(broken, noColor);
    expect(noColor.out()).not.toContain('\u001b[');
    // An empty NO_COLOR does not count (no-color.org).
    const empty = memoryIo({ tty: true, stdin: '', env: { NO_COLOR: '' } });
    await runInProcess(broken, empty);
    expect(empty.out()).toContain('\u001b[31m');
  });
});

describe('never a stack trace, whatever the input (in-process properties)', () => {
  it('a terminal on stdin and no filter is a usage error, not a wait', async () => {
    const io = memoryIo({ tty: true });
    expect(await runInProcess(['lint'], io)).toBe(2);
    expect(io.err()).toBe(
      'v3-filters: no filter given: pass FILTER arguments, --file F, or pipe filters on stdin\n',
    );
  });

  const word = fc.oneof(
    fc.constantFrom(
      'lint',
      'fmt',
      'explain',
      'sql',
      'endpoints',
      'lint-openapi',
      '--fix',
      '--unsafe-fixes',
      '--format',
      'json',
      'sarif',
      'text',
      '--endpoint',
      'workflow-executions',
      '--schema',
      '--file',
      '-',
      '--max-length',
      '--max-depth',
      '1',
      '0',
      '--dialect',
      'sqlite',
      '--check',
      '--color',
      '--no-color',
      '--',
      'status eq "Failed"',
      "a EQ 'x', b sw Joe",
    ),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
  );
  const stdin = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }),
    fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 }).map((a) => JSON.stringify(a)),
  );

  it('random arguments and stdin: exit 0, 1 or 2, never an internal error or a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 8 }), stdin, async (args, input) => {
        // No writes to the real file system: --file and --schema only ever name missing files here.
        const safeArgs = args.map((a, i) =>
          ['--file', '--schema', '--write'].includes(args[i - 1] ?? '') ? join(dir, 'missing', a) : a,
        );
        fc.pre(!safeArgs.includes('--write'));
        const io = memoryIo({ stdin: input });
        const code = await runInProcess(safeArgs, io);
        expect([0, 1, 2]).toContain(code);
        expect(io.err()).not.toContain('internal error');
        expect(io.err()).not.toMatch(STACK_TRACE);
      }),
      { numRuns: 300 },
    );
  });

  it('lint reports on any stdin never carry raw control or bidi characters', async () => {
    await fc.assert(
      fc.asyncProperty(stdin, fc.constantFrom('text', 'json'), async (input, format) => {
        const io = memoryIo({ stdin: input });
        const code = await runInProcess(['lint', '--format', format], io);
        if (code === 2) {
          // Input the command cannot read: no report, and the error says so without raw controls.
          expect(io.out()).toBe('');
          expect(io.err()).not.toBe('');
          expect(rawControl(io.err())).toBeUndefined();
        } else {
          // JSON escapes control characters itself; text reports escape them for the terminal.
          const report = format === 'json' ? io.out().replace(/\\u00[0-9a-f]{2}/g, '') : io.out();
          if (format === 'text') expect(rawControl(report)).toBeUndefined();
          else expect(() => JSON.parse(report)).not.toThrow();
        }
      }),
      { numRuns: 300 },
    );
  });
});
