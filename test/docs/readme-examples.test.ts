import { describe, expect, it } from 'vitest';
import {
  compilePredicate,
  compileSql,
  parse,
  parseCollectionQuery,
  type SqlDialectName,
  type SqlOptions,
  toV3ErrorResponse,
  validate,
  workflowExecutionsSchema,
} from '../../src/index.js';
import { readManual } from '../support/manual.js';

/**
 * The README's worked examples say "real output": these tests recompute each one with the
 * library and compare, so the README cannot drift from the code.
 */
const readme = readManual();

/** The body of the first fenced block of `language` that follows `marker` in the README. */
function blockAfter(marker: string, language: string): string {
  const at = readme.indexOf(marker);
  expect(at, marker).toBeGreaterThanOrEqual(0);
  const open = readme.indexOf(`\`\`\`${language}\n`, at);
  const close = readme.indexOf('\n```', open + 4);
  return readme.slice(open + language.length + 4, close + 1);
}

function ast(text: string) {
  const result = parse(text);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.ast;
}

/** `{ caseFolding: 'unicode', parameterOffset: 2 }` as the README writes options, read as JSON. */
function readOptions(text: string): Partial<SqlOptions> {
  return JSON.parse(text.replace(/(\w+):/g, '"$1":').replace(/'/g, '"')) as Partial<SqlOptions>;
}

describe('the README SQL worked examples are real compileSql output', () => {
  for (const [heading, dialect] of [
    ['**PostgreSQL**', 'postgres'],
    ['**SQLite**', 'sqlite'],
  ] as const satisfies readonly (readonly [string, SqlDialectName])[]) {
    it(dialect, () => {
      const entries = blockAfter(heading, 'text').trim().split('\n\n');
      expect(entries.length).toBeGreaterThanOrEqual(2);
      for (const entry of entries) {
        const [head, sqlLine, paramsLine] = entry.split('\n') as [string, string, string];
        const withOptions = /^(.*?)\s{2,}with (\{.*\})$/.exec(head);
        const filter = withOptions ? withOptions[1]! : head;
        const extra = withOptions ? readOptions(withOptions[2]!) : {};
        const compiled = compileSql(ast(filter), { schema: workflowExecutionsSchema, dialect, ...extra });
        expect(`  sql:    ${compiled.sql}`, filter).toBe(sqlLine);
        expect(`  params: ${JSON.stringify(compiled.params).replace(/","/g, '", "')}`, filter).toBe(
          paramsLine,
        );
      }
    });
  }
});

describe('the README schema worked example is real output', () => {
  const text = 'status eq "Fail" and startTime ge 2022-02-07T20:13:29Z';
  const parsed = parse(text);
  const problems = parsed.ok ? validate(parsed.ast, workflowExecutionsSchema, { text }) : parsed.diagnostics;

  it('validate', () => {
    expect(readme).toContain(`const text = '${text}';`);
    expect(problems).toEqual(JSON.parse(blockAfter('`problems` (real output):', 'json')));
  });

  it('toV3ErrorResponse', () => {
    const expected = JSON.parse(blockAfter('builds the documented `400` body', 'json'));
    expect(toV3ErrorResponse(problems, { text, trackingId: expected.trackingId })).toEqual(expected);
  });

  it('parseCollectionQuery', () => {
    const good = parseCollectionQuery(
      'filters=status+eq+%22Failed%22&limit=50&offset=100&count=true',
      workflowExecutionsSchema,
    );
    expect(good).toMatchObject({
      ok: true,
      sorters: [],
      limit: 50,
      offset: 100,
      count: true,
      diagnostics: [],
    });
    expect(good.ok && good.filters).toEqual(parse('status eq "Failed"').ok && ast('status eq "Failed"'));

    const query = 'filters=start_time+ge+2022-02-07T20:13:29+01:00&limit=500&sorters=-start_time';
    expect(readme).toContain(`For \`${query}\` the messages are:`);
    const bad = parseCollectionQuery(query, workflowExecutionsSchema);
    expect(bad.ok).toBe(false);
    const messages = toV3ErrorResponse(bad.diagnostics, { text: bad.parameters }).messages.map((m) => m.text);
    expect(messages).toEqual(JSON.parse(blockAfter(`For \`${query}\``, 'json')));
  });
});

describe('the README predicate example is real output', () => {
  it('compilePredicate', () => {
    const snippet = blockAfter('## Semantics', 'ts');
    const matches = compilePredicate(ast('status eq "failed" and start_time ge 2022-02-07T20:13:29Z'), {
      schema: workflowExecutionsSchema,
    });
    const records: readonly [string, unknown][] = [
      [
        "{ status: 'Failed', startTime: '2022-02-07T21:13:29.000000001+01:00' }",
        { status: 'Failed', startTime: '2022-02-07T21:13:29.000000001+01:00' },
      ],
      [
        "{ status: 'Failed', startTime: new Date('2022-02-07T20:13:28.999Z') }",
        { status: 'Failed', startTime: new Date('2022-02-07T20:13:28.999Z') },
      ],
      [
        "{ status: null, startTime: '2022-02-08T00:00:00Z' }",
        { status: null, startTime: '2022-02-08T00:00:00Z' },
      ],
    ];
    for (const [written, record] of records) {
      const line = snippet.split('\n').find((l) => l.startsWith(`matches(${written});`));
      expect(line, written).toBeDefined();
      expect(line!.trimEnd().endsWith(`// ${matches(record)}`), line).toBe(true);
    }
  });
});

describe('the README collection snippet reads the whole raw query string', () => {
  // The lines of the snippet up to the call, run as written (they are plain JavaScript).
  const snippet = blockAfter('Or let the library read the whole query string:', 'ts');
  const upToCall = snippet.slice(0, snippet.indexOf('if (!result.ok)'));
  const run = new Function(
    'request',
    'parseCollectionQuery',
    'workflowExecutionsSchema',
    `${upToCall}\nreturn result;`,
  ) as (
    request: { url: string },
    parse: typeof parseCollectionQuery,
    schema: typeof workflowExecutionsSchema,
  ) => ReturnType<typeof parseCollectionQuery>;
  const served = (url: string) => run({ url }, parseCollectionQuery, workflowExecutionsSchema);

  it('a `?` inside a value stays in the query (split at the first `?` only)', () => {
    const query = 'filters=status+eq+%22Failed%22+or+status+eq+%22Why?%22&limit=5&count=true';
    expect(query.split('?').length).toBe(2); // the text holds a second `?`: a naive split would cut it
    const result = served(`/workflows/w1/executions?${query}`);
    expect(result).toEqual(parseCollectionQuery(query, workflowExecutionsSchema));
    // The whole value reached the validator: `Why?` is judged as a status, not cut at its `?`.
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result.diagnostics)).toContain('`Why?` is not a value of `status`');
  });

  it('a URL without a query string is an empty query', () => {
    expect(served('/workflows/w1/executions')).toEqual(parseCollectionQuery('', workflowExecutionsSchema));
  });
});
