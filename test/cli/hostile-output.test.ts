import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './support/in-process.js';

/**
 * Nothing from input reaches a terminal raw: hostile text (escape sequences such as an OSC 52
 * clipboard write or a clear-screen, C1 controls, bidi overrides and isolates, zero-width and
 * line-separator characters, lone surrogates) goes through every command and output format, as
 * filters, file contents, file names, OpenAPI paths, operationIds, descriptions, examples and
 * unknown options, and no such character comes out on stdout or stderr. Filters printed as data
 * (`fmt`, `lint --fix`) are checked on a terminal, where they are shown escaped.
 */

/** The oracle: what must never appear raw (C0 but tab and line feed, DEL, C1, bidi, invisibles). */
const RAW =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are what must never pass raw
  /[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const HOSTILE = [
  '\x1b]52;c;SGVsbG8=\x07',
  '\x1b[2J\x1b[H',
  '\x1b[31m',
  '\x9b2J',
  '\x07',
  '\r',
  '\0',
  '\x7f',
  '\u202e',
  '\u202a',
  '\u2066',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u200b',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ud800',
  '\udc00',
];

/** Hostile text: dangerous pieces among ordinary characters (no line break: it would split a line). */
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.constantFrom('a', 'eq', ' ', '"', '/', '[', ']', '{')), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''))
  .filter((text) => text.split('').some((char) => RAW.test(char)) || /[\ud800-\udfff]/.test(text));

let dir: string;
let counter = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'v3f-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, `${counter++}-${name}`);
  writeFileSync(path, content);
  return path;
}

/** An OpenAPI document whose every string a report may quote holds `text`. */
function documentWith(text: string): string {
  const description = `Filtering is supported for the following fields and operators:\n\n**name**: *eq, ${text}*\n\n**Possible Values:** ${text}, B\n\n**status**: *eq*`;
  return JSON.stringify({
    openapi: '3.0.0',
    paths: {
      [`/w${text}`]: {
        get: {
          operationId: `list${text}`,
          summary: text,
          parameters: [
            { in: 'query', name: 'filters', description, example: `name eq "${text}" and x eq 1` },
          ],
          responses: {
            '200': {
              content: {
                'application/json': {
                  schema: {
                    type: 'array',
                    items: { type: 'object', properties: { [text]: { type: 'string' } } },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
}

/** Every command and format, fed `text` where each takes input. */
function invocations(text: string): { args: string[]; tty?: boolean }[] {
  const filter = `name eq "${text}" and ${text} EQ 1`;
  const lines = file('filters.txt', `${filter}\nstatus eq '${text}'\n`);
  const array = file('array.json', `[${JSON.stringify(filter)}, 1${text}]`);
  const spec = file('spec.json', documentWith(text));
  const schema = file('schema.json', `{"fields": {"${text}": 1}}`);
  const formats = (args: string[], list = ['text', 'json', 'sarif']) =>
    list.map((f) => ({ args: [...args, '--format', f] }));
  return [
    ...formats(['lint', filter]),
    ...formats(['lint', '--file', lines]),
    ...formats(['lint', filter, '--endpoint', 'workflow-executions']),
    ...formats(['lint', '--file', array]),
    { args: ['lint', '--file', join(dir, `missing${text}.txt`)] },
    { args: ['lint', filter, '--schema', schema] },
    { args: ['lint', filter, '--openapi', spec, '--endpoint', `GET /w${text}`] },
    { args: ['lint', '--fix', filter], tty: true },
    { args: ['lint', '--fix', '--file', lines] },
    { args: ['fmt', filter], tty: true },
    { args: ['fmt', `name eq "${text}"`], tty: true },
    { args: ['fmt', '--check', '--file', lines] },
    ...formats(['explain', filter], ['text', 'json']),
    ...formats(['sql', `status eq "${text}"`, '--endpoint', 'workflow-executions'], ['text', 'json']),
    ...formats(['sql', '--file', lines, '--endpoint', 'workflow-executions'], ['text', 'json']),
    ...formats(['lint-openapi', spec]),
    { args: ['lint-openapi', spec, '--verbose'] },
    ...formats(['endpoints', '--openapi', spec], ['text', 'json']),
    { args: ['codegen', '--openapi', spec] },
    { args: ['codegen', '--openapi', spec, '--endpoint', text] },
    { args: ['lint', `--max-length${text}`, '1'] },
    { args: [`lint${text}`] },
    { args: ['sql', 'a eq 1', '--dialect', text] },
  ];
}

describe('no input reaches a terminal raw', () => {
  it('hostile text through every command and output format: nothing raw on stdout or stderr', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        for (const { args, tty } of invocations(text)) {
          const run = await runInProcess(args, tty ? { tty: true, env: { NO_COLOR: '1' } } : {});
          for (const [stream, output] of [
            ['stdout', run.stdout],
            ['stderr', run.stderr],
          ] as const) {
            const raw = RAW.exec(output);
            if (raw) {
              const around = JSON.stringify(output.slice(Math.max(0, raw.index - 40), raw.index + 10));
              expect.fail(
                `${args.map((a) => JSON.stringify(a)).join(' ')}: raw U+${raw[0].charCodeAt(0).toString(16)} on ${stream}: ${around}`,
              );
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 300_000);

  it('filters printed as data stay exact when stdout is not a terminal', async () => {
    const filter = 'name eq "a\u202eb"';
    const run = await runInProcess(['fmt', filter]);
    expect(run.stdout).toBe(`${filter}\n`);
    const onTerminal = await runInProcess(['fmt', filter], { tty: true, env: { NO_COLOR: '1' } });
    expect(onTerminal.stdout).toBe('name eq "a\\u{202e}b"\n');
  });

  it('JSON output escapes bidi and C1 controls as \\u escapes: the same JSON value', async () => {
    const filter = 'name eq "\u202e\u009b\u2028"';
    const run = await runInProcess(['explain', filter, '--format', 'json']);
    expect(run.stdout).toContain('\\u202e\\u009b\\u2028');
    expect((JSON.parse(run.stdout) as { input: string }[])[0]!.input).toBe(filter);
  });
});

describe('small words of the CLI', () => {
  it('a --fix preview that the schema still rejects says so', async () => {
    const run = await runInProcess(['lint', 'status EQ "Faild"', '--endpoint', 'workflow-executions']);
    expect(run.stdout).toContain(
      'lint --fix gives: `status eq "Faild"` (still 1 error: fix the rest by hand)',
    );
  });

  it('one operation takes filters (singular)', async () => {
    const spec = file('one.json', documentWith('x'));
    const run = await runInProcess(['lint-openapi', spec]);
    expect(run.stdout).toMatch(/^1 operation takes filters, 1 with an example/m);
  });
});
