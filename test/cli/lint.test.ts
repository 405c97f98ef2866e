import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './support/build.js';
import { runInProcess } from './support/in-process.js';
import { runCli } from './support/run-cli.js';

let dir: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'v3-filters-lint-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const SPEC = 'test/fixtures/openapi/sailpoint-api.v3.json';

describe.concurrent('lint: filters from arguments', () => {
  it('a clean filter exits 0 with a one-line summary', async ({ expect }) => {
    const run = await runCli(['lint', 'status eq "Failed"']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatchInlineSnapshot(`
      "1 filter checked: no problems
      "
    `);
  });

  it('reports like a compiler: place, severity, code, message, carets under the span, the fix', async ({
    expect,
  }) => {
    const run = await runCli(['lint', `filters=status EQ 'Failed', start_time ge 2022-02-07T20:13:29Z`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatchInlineSnapshot(`
      "<argument 1>:1:1: error filters-prefix: The value starts with \`filters=\`: the parameter name belongs to the URL, not to the filter
        filters=status EQ 'Failed', start_time ge 2022-02-07T20:13:29Z
        ^^^^^^^^
        fix: Remove \`filters=\`
      <argument 1>:1:16: error operator-case: Operators are lowercase: use \`eq\`
        filters=status EQ 'Failed', start_time ge 2022-02-07T20:13:29Z
                       ^^
        fix: Use \`eq\`
      <argument 1>:1:19: error single-quoted-string: Single quotes do not delimit strings; use double quotes: \`"Failed"\`
        filters=status EQ 'Failed', start_time ge 2022-02-07T20:13:29Z
                          ^^^^^^^^
        fix: Use double quotes
      <argument 1>:1:27: error comma-between-comparisons: Comparisons are joined with \`and\` or \`or\`, not \`,\`
        filters=status EQ 'Failed', start_time ge 2022-02-07T20:13:29Z
                                  ^
        fix: Use \`and\`
        lint --fix gives: \`status eq "Failed" and start_time ge 2022-02-07T20:13:29Z\`

      1 filter checked: 1 with problems (4 errors, 0 warnings)
      "
    `);
  });

  it('puts the carets under exactly the reported span', async () => {
    const text = 'name eq "x" and   owner EQ "y"';
    const run = await runInProcess(['lint', '--format', 'json', text]);
    const [entry] = JSON.parse(run.stdout) as { diagnostics: { span: { start: number; end: number } }[] }[];
    const span = entry!.diagnostics[0]!.span;
    const textRun = await runInProcess(['lint', text]);
    const lines = textRun.stdout.split('\n');
    const shown = lines.indexOf(`  ${text}`);
    const carets = lines[shown + 1]!;
    expect(carets.indexOf('^') - 2).toBe(span.start);
    expect(carets.trimEnd().length - 2).toBe(span.end);
    expect(text.slice(span.start, span.end)).toBe('EQ');
  });

  it('checks each argument on its own and counts them', async () => {
    const run = await runCli(['lint', 'a eq 1', 'b EQ 2', 'c eq "x" d eq 1', 'e pr']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('<argument 2>:1:3: error operator-case');
    expect(run.stdout).toContain('<argument 3>:1:9: error missing-connective');
    expect(run.stdout).not.toContain('<argument 1>');
    expect(run.stdout).not.toContain('<argument 4>');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      '4 filters checked: 2 with problems (2 errors, 0 warnings)',
    );
  });

  it('an empty argument is an empty filter, a problem', async () => {
    const run = await runInProcess(['lint', '']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('error empty-filter');
  });

  it('warnings alone do not fail', async () => {
    const run = await runInProcess(['lint', '--endpoint', 'workflow-executions', 'status eq "Failed"']);
    expect(run.code).toBe(0);
    const dup = file('dup.json', JSON.stringify({ fields: { s: { type: 'string', operators: ['in'] } } }));
    const warned = await runInProcess(['lint', '--schema', dup, 's in ("a", "a")']);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain('warning duplicate-value');
    expect(warned.stdout).toContain('1 with problems (0 errors, 1 warning)');
  });
});

describe.concurrent('lint: --format json', () => {
  it('prints one object per input: input, valid, diagnostics (and where it came from)', async () => {
    const run = await runInProcess(['lint', '--format', 'json', 'a eq 1', "b eq 'x'"]);
    expect(run.code).toBe(1);
    const entries = JSON.parse(run.stdout) as {
      input: string;
      valid: boolean;
      source: string;
      diagnostics: { code: string }[];
    }[];
    expect(entries.map((e) => [e.input, e.valid, e.source, e.diagnostics.map((d) => d.code)])).toEqual([
      ['a eq 1', true, '<argument 1>', []],
      ["b eq 'x'", false, '<argument 2>', ['single-quoted-string']],
    ]);
  });
});

describe.concurrent('lint: against a schema', () => {
  it('--endpoint workflow-executions uses the built-in seed schema, no file needed', async ({ expect }) => {
    const run = await runCli([
      'lint',
      '--endpoint',
      'workflow-executions',
      'status eq "Fail" and start_tme gt 2022-02-07T20:13:29Z',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatchInlineSnapshot(`
      "<argument 1>:1:11: error unknown-enum-value: \`Fail\` is not a value of \`status\`; did you mean \`Failed\`? Values: \`Completed\`, \`Failed\`, \`Canceled\` and \`Executing\`
        status eq "Fail" and start_tme gt 2022-02-07T20:13:29Z
                  ^^^^^^
        suggestion: Use \`"Failed"\`
      <argument 1>:1:22: error unknown-field: Unknown field \`start_tme\`; did you mean \`start_time\`? Fields: \`start_time\` and \`status\`
        status eq "Fail" and start_tme gt 2022-02-07T20:13:29Z
                             ^^^^^^^^^
        suggestion: Use \`start_time\`

      1 filter checked against workflow-executions (built-in): 1 with problems (2 errors, 0 warnings)
      "
    `);
  });

  it('--endpoint also takes the method and path of a built-in endpoint, as the docs write it', async () => {
    for (const endpoint of ['GET /workflows/{id}/executions', 'GET/workflows/:id/executions']) {
      const run = await runInProcess(['lint', '--endpoint', endpoint, 'status eq "Nope"']);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('error unknown-enum-value');
      expect(run.stdout).toContain('against workflow-executions (built-in)');
    }
  });

  it('the README command: the executions endpoint of the SailPoint document', async () => {
    const run = await runCli([
      'lint',
      'status eq "failed" and start_time gt 2022-02-07T20:13:29Z',
      '--openapi',
      SPEC,
      '--endpoint',
      'GET /workflows/{id}/executions',
    ]);
    // The endpoint declares no case sensitivity, so `failed` matches the enum's `Failed`.
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `1 filter checked against GET /workflows/{id}/executions in ${SPEC}: no problems\n`,
    );
  });

  it('an operation of the document by operationId; its whitelist is enforced', async () => {
    const run = await runInProcess([
      'lint',
      '--openapi',
      SPEC,
      '--endpoint',
      'getWorkflowExecutions',
      'status ne "Failed"',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'error operator-not-allowed: `ne` is not allowed on `status`; allowed: `eq`',
    );
  });

  it('an unknown operation is a usage error with suggestions', async () => {
    const run = await runInProcess([
      'lint',
      '--openapi',
      SPEC,
      '--endpoint',
      'GET /workflow/{id}/execution',
      'a eq 1',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^v3-filters: no operation `GET \/workflow\/\{id\}\/execution`/);
    expect(run.stderr).toContain('did you mean `GET /workflows/{id}/executions`');
  });

  it('an unknown built-in endpoint names the built-in ones', async () => {
    const run = await runInProcess(['lint', '--endpoint', 'workflows', 'a eq 1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no built-in endpoint `workflows`; built-in: `workflow-executions`');
  });

  it('--schema reads a JSON schema file', async () => {
    const path = file(
      'schema.json',
      JSON.stringify({ fields: { age: { type: 'integer', operators: ['gt', 'lt'] } }, composite: ['and'] }),
    );
    const ok = await runInProcess(['lint', '--schema', path, 'age gt 18 and age lt 65']);
    expect(ok.code).toBe(0);
    const bad = await runInProcess(['lint', '--schema', path, 'age gt 18 or age eq "x"']);
    expect(bad.code).toBe(1);
    const codes = [...bad.stdout.matchAll(/ error ([a-z-]+):/g)].map((m) => m[1]);
    expect(codes).toEqual(['composite-not-allowed', 'operator-not-allowed']);
  });

  it('conflicting schema options are a usage error', async () => {
    const run = await runInProcess([
      'lint',
      '--schema',
      'x.json',
      '--endpoint',
      'workflow-executions',
      'a eq 1',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'v3-filters: give either --schema or --endpoint (with or without --openapi), not both\n',
    );
    const noEndpoint = await runInProcess(['lint', '--openapi', SPEC, 'a eq 1']);
    expect(noEndpoint.code).toBe(2);
    expect(noEndpoint.stderr).toContain('--openapi needs --endpoint');
  });
});

describe.concurrent('lint: filters from files and stdin', () => {
  it('one filter per line; blank lines skipped; CRLF and CR line ends; positions are file lines', async () => {
    const path = file('filters.txt', 'status eq "Failed"\r\n\r\nname EQ "x"\rid eq 1\n\nfoo sw bar\n');
    const run = await runCli(['lint', '--file', path], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${path}:3:6: error operator-case`);
    expect(run.stdout).toContain(`${path}:6:8: error bareword-value`);
    expect(run.stdout).toContain('4 filters checked: 2 with problems');
  });

  it('a relative --file is reported as given', async () => {
    file('rel.txt', 'a EQ 1\n');
    const run = await runCli(['lint', '--file', 'rel.txt'], { cwd: dir });
    expect(run.stdout.split('\n')[0]).toBe(
      'rel.txt:1:3: error operator-case: Operators are lowercase: use `eq`',
    );
  });

  it('a JSON array of strings, with positions in the file (escapes accounted for)', async () => {
    const content = '[\n  "a eq 1",\n  "b eq \\"x\\" and  c EQ 2",\n  "d eq \\u0027y\\u0027"\n]\n';
    const path = file('filters.json', content);
    const run = await runCli(['lint', '--file', path, '--format', 'json']);
    const entries = JSON.parse(run.stdout) as { input: string; line: number }[];
    expect(entries.map((e) => [e.input, e.line])).toEqual([
      ['a eq 1', 2],
      ['b eq "x" and  c EQ 2', 3],
      ["d eq 'y'", 4],
    ]);
    const text = await runCli(['lint', '--file', path]);
    // The columns are those of the file's raw text, where `\"` and `\u0027` take more room.
    const eq = content.split('\n')[2]!.indexOf('EQ') + 1;
    const quote = content.split('\n')[3]!.indexOf('\\u0027') + 1;
    expect([eq, quote]).toEqual([22, 9]);
    expect(text.stdout).toContain(`${path}:3:${eq}: error operator-case`);
    expect(text.stdout).toContain(`${path}:4:${quote}: error single-quoted-string`);
  });

  it('a file that starts with [ but is no JSON array of strings is an input error', async () => {
    const numbers = await runInProcess(['lint', '--file', file('n.json', '["a eq 1", 2]')]);
    expect(numbers.code).toBe(2);
    expect(numbers.stderr).toContain('is not a JSON array of strings: element 1 is a number');
    const broken = await runInProcess(['lint', '--file', file('b.json', '["a eq 1"')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('is not a JSON array of strings: it is not valid JSON');
  });

  it('stdin, one filter per line, when no argument and no --file', async () => {
    const run = await runCli(['lint', '--endpoint', 'workflow-executions'], {
      stdin: 'status eq "Failed"\nstatus eq "Running"\n',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('<stdin>:2:11: error unknown-enum-value');
  });

  it('stdin as a JSON array, and --file - for stdin', async () => {
    const run = await runCli(['lint', '--file', '-', '--format', 'json'], { stdin: '["a eq 1", "b EQ 1"]' });
    expect((JSON.parse(run.stdout) as { valid: boolean }[]).map((e) => e.valid)).toEqual([true, false]);
  });

  it('arguments and --file together are a usage error', async () => {
    const run = await runInProcess(['lint', 'a eq 1', '--file', 'x.txt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('v3-filters: give filters as arguments or with --file, not both\n');
  });

  it('empty stdin: nothing to check, nothing wrong', async () => {
    const run = await runCli(['lint'], { stdin: '\n\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('0 filters checked: no problems\n');
  });
});
