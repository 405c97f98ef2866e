import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src/syntax/parse.js';
import { ensureBuilt } from './support/build.js';
import { runInProcess } from './support/in-process.js';
import { runCli } from './support/run-cli.js';

let dir: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'v3-filters-commands-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.concurrent('fmt', () => {
  it('prints arguments in canonical form, one per line', async () => {
    const run = await runCli([
      'fmt',
      'a  eq 1 and  (b eq 2 and c eq 3)',
      '(not (x pr))',
      'pr  y or z isnull',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('a eq 1 and (b eq 2 and c eq 3)\nnot x pr\ny pr or z isnull\n');
    // Canonical form is a fixed point.
    const again = await runInProcess(['fmt', ...run.stdout.trimEnd().split('\n')]);
    expect(again.stdout).toBe(run.stdout);
  });

  it('--prefix-pr writes `pr field`', async () => {
    expect((await runInProcess(['fmt', '--prefix-pr', 'x pr and y eq 1'])).stdout).toBe('pr x and y eq 1\n');
  });

  it('prints nothing on stdout for a filter that does not parse; reports it on stderr, exits 1', async () => {
    const run = await runInProcess(['fmt', 'a  eq 1', 'b EQ 2']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('a eq 1\n');
    expect(run.stderr).toContain('<argument 2>:1:3: error operator-case');
    const alone = await runInProcess(['fmt', 'status eq']);
    expect([alone.code, alone.stdout]).toEqual([1, '']);
    expect(alone.stderr).toContain('error missing-value');
  });

  it('does not print a file with a filter that does not parse; --write still rewrites the others', async () => {
    const path = join(dir, 'broken.txt');
    writeFileSync(path, 'a  eq 1\nstatus eq\n');
    const printed = await runInProcess(['fmt', '--file', path]);
    expect(printed.code).toBe(1);
    expect(printed.stdout).toBe('');
    expect(printed.stderr).toContain(`${path}:2:`);
    expect(printed.stderr).toContain(`v3-filters: ${path}: not printed: 1 of 2 filters do not parse`);
    const piped = await runInProcess(['fmt'], { stdin: 'a  eq 1\nb eq\n' });
    expect([piped.code, piped.stdout]).toEqual([1, '']);
    const written = await runInProcess(['fmt', '--write', '--file', path]);
    expect(written.code).toBe(1);
    expect(written.stdout).toBe('');
    expect(readFileSync(path, 'utf8')).toBe('a eq 1\nstatus eq\n');
  });

  it('--check lists what is not canonical and exits 1; silent and 0 when all is', async () => {
    const path = join(dir, 'check.txt');
    writeFileSync(path, 'a eq 1\nb  eq 2\n');
    const run = await runInProcess(['fmt', '--check', '--file', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`${path}:2: not in canonical form; fmt gives: b eq 2\n`);
    const clean = await runInProcess(['fmt', '--check', 'a eq 1']);
    expect([clean.code, clean.stdout]).toEqual([0, '']);
  });

  it('--write rewrites --file in place, layout kept; without --write the file is printed', async () => {
    const path = join(dir, 'write.txt');
    writeFileSync(path, 'a  eq 1\r\n\r\n(b eq 2)\n');
    const printed = await runInProcess(['fmt', '--file', path]);
    expect(printed.stdout).toBe('a eq 1\r\n\r\nb eq 2\n');
    expect(readFileSync(path, 'utf8')).toBe('a  eq 1\r\n\r\n(b eq 2)\n');
    const written = await runInProcess(['fmt', '--write', '--file', path]);
    expect(written.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('a eq 1\r\n\r\nb eq 2\n');
    const noFile = await runInProcess(['fmt', '--write', 'a eq 1']);
    expect(noFile.code).toBe(2);
  });
});

describe.concurrent('explain', () => {
  it('draws the tree with spans and the text of each node', async ({ expect }) => {
    const run = await runCli(['explain', 'not (a eq 1 or b in ("x", 2)) and c pr and d ge 2025-08-01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatchInlineSnapshot(`
      "and  0..58  \`not (a eq 1 or b in ("x", 2)) and c pr a…\`
      ├─ not  0..29  \`not (a eq 1 or b in ("x", 2))\`
      │  └─ or  5..28  \`a eq 1 or b in ("x", 2)\`
      │     ├─ comparison eq  5..11  \`a eq 1\`
      │     │  ├─ field a  5..6  \`a\`
      │     │  └─ number 1  10..11  \`1\`
      │     └─ list in  15..28  \`b in ("x", 2)\`
      │        ├─ field b  15..16  \`b\`
      │        ├─ string \`x\`  21..24  \`"x"\`
      │        └─ number 2  26..27  \`2\`
      ├─ presence pr  34..38  \`c pr\`
      │  └─ field c  34..35  \`c\`
      └─ comparison ge  43..58  \`d ge 2025-08-01\`
         ├─ field d  43..44  \`d\`
         └─ date \`2025-08-01\`  48..58  \`2025-08-01\`
      "
    `);
  });

  it('--format json gives the AST itself, the same as parse()', async () => {
    const text = 'status eq "Failed" and start_time ge 2022-02-07T20:13:29.356648026Z';
    const run = await runInProcess(['explain', '--format', 'json', text]);
    const [entry] = JSON.parse(run.stdout) as { ast: unknown; valid: boolean }[];
    const parsed = parse(text);
    expect(parsed.ok).toBe(true);
    expect(entry!.ast).toEqual(parsed.ok ? JSON.parse(JSON.stringify(parsed.ast)) : undefined);
    expect(entry!.valid).toBe(true);
  });

  it('with a schema, the validator speaks after the tree', async () => {
    const run = await runInProcess(['explain', '--endpoint', 'workflow-executions', 'status eq "Done"']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('comparison eq  0..16  `status eq "Done"`');
    expect(run.stdout).toContain('<argument 1>:1:11: error unknown-enum-value');
  });

  it('a filter that does not parse: diagnostics, no tree, exit 1', async () => {
    const run = await runInProcess(['explain', 'a eq']);
    expect(run.code).toBe(1);
    expect(run.stdout.startsWith('<argument 1>:1:5: error missing-value')).toBe(true);
  });
});

describe.concurrent('sql', () => {
  it('PostgreSQL: the fragment and its parameters', async ({ expect }) => {
    const run = await runInProcess([
      'sql',
      '--endpoint',
      'workflow-executions',
      'status eq "Failed" and start_time ge 2022-02-07T20:13:29Z',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatchInlineSnapshot(`
      "<argument 1>:1: status eq "Failed" and start_time ge 2022-02-07T20:13:29Z
      sql:    (lower("status") = lower($1::text) AND "start_time" >= $2)
      params: ["Failed","2022-02-07T20:13:29.000000000Z"]
      "
    `);
  });

  it('text output labels each fragment with its input, and lists the rejected ones', async ({ expect }) => {
    const path = join(dir, 'sql-filters.txt');
    writeFileSync(path, 'status eq "Failed"\nstatus ne "Failed"\n\nstart_time ge 2022-02-07T20:13:29Z\n');
    const run = await runInProcess(['sql', '--endpoint', 'workflow-executions', '--file', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        `${path}:1: status eq "Failed"`,
        'sql:    lower("status") = lower($1::text)',
        'params: ["Failed"]',
        '',
        `${path}:2: status ne "Failed"`,
        'rejected (the diagnostics are on stderr)',
        '',
        `${path}:4: start_time ge 2022-02-07T20:13:29Z`,
        'sql:    "start_time" >= $1',
        'params: ["2022-02-07T20:13:29.000000000Z"]',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toContain(`${path}:2:8: error operator-not-allowed`);
    const twoArgs = await runInProcess([
      'sql',
      '--endpoint',
      'workflow-executions',
      'status eq "Failed"',
      'x eq 1',
    ]);
    expect(twoArgs.stdout).toContain('<argument 1>:1: status eq "Failed"\nsql:');
    expect(twoArgs.stdout).toContain('<argument 2>:1: x eq 1\nrejected');
  });

  it('--parameter-offset 0 is the default spelled out; a negative or fractional offset is a usage error', async ({
    expect,
  }) => {
    const args = ['sql', '--endpoint', 'workflow-executions', 'status eq "Failed"'];
    const zero = await runInProcess([...args, '--parameter-offset', '0']);
    expect(zero.code).toBe(0);
    expect(zero.stdout).toBe((await runInProcess(args)).stdout);
    expect(zero.stdout).toContain('lower($1::text)');
    const three = await runInProcess([...args, '--parameter-offset', '3']);
    expect(three.stdout).toContain('lower($4::text)');
    for (const bad of ['-1', '1.5', 'x']) {
      const run = await runInProcess([...args, '--parameter-offset', bad]);
      expect(run.code, bad).toBe(2);
      expect(run.stdout).toBe('');
    }
  });

  it('a --case-folding the dialect cannot pin is a usage error (exit 2), said once, not per filter', async ({
    expect,
  }) => {
    const run = await runInProcess([
      'sql',
      '--endpoint',
      'workflow-executions',
      '--dialect',
      'sqlite',
      '--case-folding',
      'unicode',
      'status eq "Failed"',
      'status eq "Completed"',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "v3-filters: --dialect sqlite --case-folding unicode: SQLite's built-in lower() folds ASCII letters only; Unicode folding needs an extension.\n",
    );
    for (const [dialect, folding] of [
      ['sqlite', 'ascii'],
      ['postgres', 'ascii'],
      ['postgres', 'unicode'],
    ] as const) {
      const ok = await runInProcess([
        'sql',
        '--endpoint',
        'workflow-executions',
        '--dialect',
        dialect,
        '--case-folding',
        folding,
        'status eq "Failed"',
      ]);
      expect(ok.code, `${dialect} ${folding}`).toBe(0);
    }
  });

  it('ClickHouse: typed named placeholders, with the values by name (queryParams) in text and JSON', async ({
    expect,
  }) => {
    const args = ['sql', '--endpoint', 'workflow-executions', '--dialect', 'clickhouse'];
    const filter = 'start_time ge 2022-02-07T20:13:29Z and status eq "Failed"';
    const text = await runInProcess([...args, '--parameter-offset', '2', filter]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("`start_time` >= {p3:DateTime64(9, 'UTC')}");
    expect(text.stdout).toContain('queryParams: {"p3":"2022-02-07 20:13:29.000000000","p4":"Failed"}\n');
    const json = await runInProcess([...args, '--format', 'json', filter]);
    const [output] = JSON.parse(json.stdout) as { params: unknown[]; queryParams: Record<string, unknown> }[];
    expect(output!.queryParams).toEqual({ p1: '2022-02-07 20:13:29.000000000', p2: 'Failed' });
    expect(Object.values(output!.queryParams)).toEqual(output!.params);
    const postgres = await runInProcess(['sql', '--endpoint', 'workflow-executions', filter]);
    expect(postgres.stdout).not.toContain('queryParams');
  });

  it('SQLite: the fragment selects the rows the filter means, run on a real database', async () => {
    const run = await runCli([
      'sql',
      '--dialect',
      'sqlite',
      '--format',
      'json',
      '--endpoint',
      'workflow-executions',
      'status eq "failed" and start_time ge 2022-02-07T20:13:29Z',
      'status eq "Completed"',
    ]);
    expect(run.code).toBe(0);
    const outputs = JSON.parse(run.stdout) as { sql: string; params: (string | number)[] }[];
    const db = new Database(':memory:');
    db.exec('create table t (id integer, status text, start_time text)');
    const insert = db.prepare('insert into t values (?, ?, ?)');
    insert.run(1, 'Failed', '2022-02-07T20:13:29.000000000Z');
    insert.run(2, 'Failed', '2022-02-06T00:00:00.000000000Z');
    insert.run(3, 'Completed', '2022-03-01T00:00:00.000000000Z');
    insert.run(4, null, '2022-03-01T00:00:00.000000000Z');
    const ids = outputs.map((o) =>
      db
        .prepare(`select id from t where ${o.sql} order by id`)
        .all(...o.params)
        .map((r) => (r as { id: number }).id),
    );
    db.close();
    // Case-insensitive status (the endpoint declares no case sensitivity), start at or after the instant.
    expect(ids).toEqual([[1], [3]]);
  });

  it('needs a schema; a filter the schema rejects is reported, not compiled', async () => {
    const noSchema = await runInProcess(['sql', 'a eq 1']);
    expect(noSchema.code).toBe(2);
    expect(noSchema.stderr).toContain('sql needs a schema');
    const rejected = await runInProcess(['sql', '--endpoint', 'workflow-executions', 'status ne "Failed"']);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toBe(
      '<argument 1>:1: status ne "Failed"\nrejected (the diagnostics are on stderr)\n',
    );
    expect(rejected.stderr).toContain('error operator-not-allowed');
  });
});

describe.concurrent('endpoints', () => {
  it('lists the built-in endpoints', async ({ expect }) => {
    const run = await runInProcess(['endpoints']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatchInlineSnapshot(`
      "GET /workflows/{id}/executions  (workflow-executions)
        start_time  date-time  eq lt le gt ge
        status      string     eq  values: Completed, Failed, Canceled, Executing
      "
    `);
  });

  it('lists the operations of a document that take filters', async () => {
    const run = await runInProcess([
      'endpoints',
      '--openapi',
      'test/fixtures/openapi/sailpoint-api.v3.json',
      '--format',
      'json',
    ]);
    const listed = JSON.parse(run.stdout) as { method: string; path: string; name?: string }[];
    expect(listed).toHaveLength(44);
    expect(listed).toContainEqual(
      expect.objectContaining({
        method: 'GET',
        path: '/workflows/{id}/executions',
        name: 'getWorkflowExecutions',
      }),
    );
  });
});

describe('help', () => {
  // In-process (the same code the binary runs): commander's help needs no child per command.
  for (const command of ['lint', 'lint-openapi', 'fmt', 'explain', 'sql', 'endpoints']) {
    it(`${command} --help prints usage and exits 0`, async () => {
      const run = await runInProcess([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: v3-filters ${command}`);
      expect(run.stderr).toBe('');
    });
  }

  it('the top-level help (from the binary) names every command, the exit statuses and the colour rules', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const word of [
      'lint',
      'lint-openapi',
      'fmt',
      'explain',
      'sql',
      'endpoints',
      'NO_COLOR',
      'Exit status',
    ]) {
      expect(run.stdout).toContain(word);
    }
  });
});
