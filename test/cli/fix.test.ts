import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/diagnostic/apply-fixes.js';
import { parse } from '../../src/syntax/parse.js';
import { ensureBuilt } from './support/build.js';
import { runInProcess } from './support/in-process.js';
import { runCli } from './support/run-cli.js';

let dir: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'v3-filters-fix-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The spellings of SailPoint's published examples, each with the filter its author meant. */
const PUBLISHED: readonly (readonly [string, string])[] = [
  [`id eq '2c9180835d2e5168015d32f890ca1581'`, 'id eq "2c9180835d2e5168015d32f890ca1581"'],
  ['name sw Joe', 'name sw "Joe"'],
  ['type eq "SOURCE", name sw "A"', 'type eq "SOURCE" and name sw "A"'],
  ['filters=status eq "Failed"', 'status eq "Failed"'],
  ['name EQ "x" And id Eq "y"', 'name eq "x" and id eq "y"'],
  ['name eq "unterminated', 'name eq "unterminated"'],
];

describe.concurrent('lint --fix', () => {
  it('repairs each published spelling into the filter its author meant, and exits 0', async () => {
    const run = await runCli(['lint', '--fix', ...PUBLISHED.map(([broken]) => broken)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(PUBLISHED.map(([, meant]) => `${meant}\n`).join(''));
    // The report of what is left goes to stderr, beside the fixed filters.
    expect(run.stderr).toBe(`${PUBLISHED.length} filters checked: no problems\n`);
    for (const [, meant] of PUBLISHED) expect(parse(meant).ok).toBe(true);
  });

  it('fixes in rounds: decoding a URL-encoded filter reveals more to fix', async () => {
    const encoded = 'filters%3Dname%20EQ%20%27x%27';
    // One round of fixes only decodes it...
    const once = applyFixes(encoded, parse(encoded).diagnostics);
    expect(once).toBe(`filters=name EQ 'x'`);
    expect(parse(once).ok).toBe(false);
    // ...the CLI keeps going until nothing is left to fix.
    const run = await runCli(['lint', '--fix', encoded]);
    expect(run.stdout).toBe('name eq "x"\n');
    expect(run.code).toBe(0);
  });

  it('leaves what has no certain fix, reports it, and exits 1', async () => {
    const run = await runCli(['lint', '--fix', `a EQ 'x' and b eq`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('a eq "x" and b eq\n');
    expect(run.stderr).toContain('<argument 1>:1:18: error missing-value');
  });

  it('--unsafe-fixes without --fix is a usage error (exit 2), not silently ignored', async () => {
    const run = await runInProcess([
      'lint',
      '--unsafe-fixes',
      '--endpoint',
      'workflow-executions',
      'status eq "Fail"',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'v3-filters: --unsafe-fixes only widens --fix: add --fix (or leave --unsafe-fixes out)\n',
    );
  });

  it("does not apply the schema's suggestions unless --unsafe-fixes", async () => {
    const filter = 'status eq "Fail" and start_tme gt 2022-02-07T20:13:29Z';
    const safe = await runCli(['lint', '--fix', '--endpoint', 'workflow-executions', filter]);
    expect(safe.stdout).toBe(`${filter}\n`);
    expect(safe.code).toBe(1);
    const unsafe = await runCli([
      'lint',
      '--fix',
      '--unsafe-fixes',
      '--endpoint',
      'workflow-executions',
      filter,
    ]);
    expect(unsafe.stdout).toBe('status eq "Failed" and start_time gt 2022-02-07T20:13:29Z\n');
    expect(unsafe.code).toBe(0);
  });

  it('rewrites a one-per-line --file in place, keeping blank lines and line ends', async () => {
    const path = join(dir, 'filters.txt');
    writeFileSync(path, `status eq 'Failed'\r\n\r\n  a eq 1\nname sw Joe, b eq 2\nc eq\n`);
    const run = await runCli(['lint', '--fix', '--file', path]);
    expect(readFileSync(path, 'utf8')).toBe(
      `status eq "Failed"\r\n\r\n  a eq 1\nname sw "Joe" and b eq 2\nc eq\n`,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`v3-filters: ${path}: fixed 2 of 4 filters\n`);
    // The report is about the file as it is now.
    expect(run.stdout).toContain(`${path}:5:5: error missing-value`);
    expect(run.stdout).toContain('4 filters checked: 1 with problems (1 error, 0 warnings)');
  });

  it('rewrites a JSON array --file in place, literal by literal, layout kept', async () => {
    const path = join(dir, 'filters.json');
    writeFileSync(path, '[\n  "a EQ 1",\n\n  "b eq \\u0027x\\u0027" ,"c eq 2"\n]\n');
    const run = await runCli(['lint', '--fix', '--file', path]);
    expect(run.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('[\n  "a eq 1",\n\n  "b eq \\"x\\"" ,"c eq 2"\n]\n');
  });

  it('keeps a UTF-8 byte order mark when it rewrites a --file (lint --fix and fmt --write)', async () => {
    for (const [args, layout] of [
      [['lint', '--fix'], 'a EQ 1\n'],
      [['lint', '--fix'], '["a EQ 1"]\n'],
      [['fmt', '--write'], 'a  eq   1\n'],
    ] as const) {
      const path = join(dir, `bom-${args[0]}-${layout.length}.txt`);
      writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(layout)]));
      const run = await runCli([...args, '--file', path]);
      expect(run.stderr, args.join(' ')).not.toMatch(/internal error/i);
      const bytes = readFileSync(path);
      expect([...bytes.subarray(0, 3)], `${args.join(' ')} ${layout}`).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString('utf8')).toMatch(/a eq 1/);
      // Exactly one mark: the rewrite does not add a second.
      expect(bytes.subarray(3, 6).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    }
  });

  it('leaves a file untouched when nothing needs fixing', async () => {
    const path = join(dir, 'clean.txt');
    writeFileSync(path, 'a eq 1\n');
    const run = await runCli(['lint', '--fix', '--file', path]);
    expect(run.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('a eq 1\n');
    expect(run.stderr).toBe(`v3-filters: ${path}: fixed 0 of 1 filters\n`);
  });

  it('prints fixed stdin with its layout kept', async () => {
    const run = await runCli(['lint', '--fix'], { stdin: "a EQ 1\n\nb eq 'x'\n" });
    expect(run.stdout).toBe('a eq 1\n\nb eq "x"\n');
    expect(run.code).toBe(0);
  });

  it('with --format json: the input, the fixed filter, and what is left', async () => {
    const run = await runCli(['lint', '--fix', '--format', 'json', "a eq 'x'", 'b eq 1', 'c EQ']);
    const entries = JSON.parse(run.stdout) as {
      input: string;
      fixed?: string;
      valid: boolean;
      diagnostics: { code: string }[];
    }[];
    expect(entries.map((e) => [e.input, e.fixed, e.valid, e.diagnostics.map((d) => d.code)])).toEqual([
      ["a eq 'x'", 'a eq "x"', true, []],
      ['b eq 1', undefined, true, []],
      ['c EQ', 'c eq', false, ['missing-value']],
    ]);
    expect(run.code).toBe(1);
  });

  it('never splits a line of a one-per-line file (a decoded %0A stays encoded)', async () => {
    const path = join(dir, 'newline.txt');
    writeFileSync(path, 'a%20eq%201%0Aor%20b%20eq%202\n');
    const run = await runCli(['lint', '--fix', '--file', path]);
    expect(readFileSync(path, 'utf8')).toBe('a%20eq%201%0Aor%20b%20eq%202\n');
    expect(run.stderr).toContain(`${path}:1: not fixed: the fix would split the line`);
    expect(run.code).toBe(1);
  });
});

describe('lint --fix keeps how a file is read', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'v3f-layout-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never turns a one-per-line file into a JSON array (a first line that decodes to `[`)', async () => {
    const path = join(dir, 'bracket.txt');
    writeFileSync(path, '%5Bname%5D%20eq%201\nb EQ 2\n');
    const fixed = await runInProcess(['lint', '--fix', '--file', path]);
    expect(readFileSync(path, 'utf8')).toBe('%5Bname%5D%20eq%201\nb eq 2\n');
    expect(fixed.stderr).toContain(`${path}:1: not fixed: the fixed filter would start the file with \`[\``);
    const again = await runInProcess(['lint', '--file', path]);
    expect(again.code).toBe(1);
  });

  it('any one-per-line file: after --fix, the file reads as the same number of filters (never exit 2)', async () => {
    const line = fc.oneof(
      fc.constantFrom(
        '%5B',
        '%5Ba%20eq%201',
        ' %5B%5D',
        'a EQ 1',
        "b eq 'x'",
        '[',
        '  ',
        '%0A',
        'c eq "d',
        '',
      ),
      fc.string({ maxLength: 8 }).filter((s) => !/[\r\n]/.test(s)),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 5 }), async (lines) => {
        const text = `${lines.join('\n')}\n`;
        fc.pre(!text.trimStart().startsWith('[') && text.trim() !== '');
        const path = join(dir, `lines-${n++}.txt`);
        writeFileSync(path, text);
        const before = await runInProcess(['lint', '--file', path]);
        const fixed = await runInProcess(['lint', '--fix', '--file', path]);
        const after = await runInProcess(['lint', '--file', path]);
        expect([before.code, fixed.code, after.code]).not.toContain(2);
        const count = (out: string) => /^(\d+) filters? checked/m.exec(out)?.[1];
        expect(count(after.stdout)).toBe(count(before.stdout));
      }),
      { numRuns: 60 },
    );
  });
});
