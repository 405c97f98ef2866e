import { describe, expect, it } from 'vitest';
import { type CompleteOptions, type CompletionResult, complete } from '../../src/complete/index.js';
import { defineSchema, complete as fromIndex, workflowExecutionsSchema } from '../../src/index.js';

const now = new Date('2024-05-06T07:08:09.123Z');
const schema = defineSchema({
  fields: {
    status: { type: 'string', enum: ['Completed', 'Failed'], operators: ['eq', 'in', 'sw'] },
    start_time: { type: 'date-time', operators: ['ge', 'lt', 'sw'] },
    enabled: { type: 'boolean', operators: ['eq', 'pr'] },
    name: { type: 'string', operators: ['eq', 'co', 'isnull'] },
    tags: { type: 'string', operators: ['ca'], collection: true },
    count: { type: 'integer', operators: ['gt'] },
  },
  composite: ['and', 'not'],
});

/** `|` marks the cursor. */
function at(marked: string, options: CompleteOptions = { schema, now }): CompletionResult {
  const offset = marked.indexOf('|');
  return complete(marked.slice(0, offset) + marked.slice(offset + 1), offset, options);
}

function labels(result: CompletionResult): string[] {
  return result.options.map((o) => o.label);
}

function accept(marked: string, label: string): string {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const result = complete(text, offset, { schema, now });
  const option = result.options.find((o) => o.label === label);
  if (!option) throw new Error(`${label} not offered: ${labels(result).join(' ')}`);
  return text.slice(0, result.from) + (option.apply ?? option.label) + text.slice(result.to);
}

const boolList = defineSchema({ fields: { enabled: { type: 'boolean', operators: ['in'] } } });

describe('complete', () => {
  it('is exported from the package entry', () => {
    expect(fromIndex).toBe(complete);
  });

  it('offers the fields with their type and operators, then not and (, where an operand starts', () => {
    const result = at('|');
    expect(result.options.slice(0, 2)).toEqual([
      { label: 'status', kind: 'field', detail: 'string: eq in sw', apply: 'status ' },
      { label: 'start_time', kind: 'field', detail: 'date-time: ge lt sw', apply: 'start_time ' },
    ]);
    expect(labels(result)).toEqual([
      'status',
      'start_time',
      'enabled',
      'name',
      'tags',
      'count',
      'not',
      '(',
      'pr',
    ]);
    expect(result.options.find((o) => o.label === 'tags')?.detail).toBe('string collection: ca');
  });

  it('filters by what is typed, ignoring case and underscores, and replaces the whole word', () => {
    expect(at('st|')).toMatchObject({ from: 0, to: 2 });
    expect(labels(at('st|'))).toEqual(['status', 'start_time']);
    expect(labels(at('STARTT|'))).toEqual(['start_time']);
    expect(at('sta|tus eq "Failed"')).toMatchObject({ from: 0, to: 6 });
    expect(accept('sta|tus eq "Failed"', 'start_time')).toBe('start_time eq "Failed"');
  });

  it('offers only the operators the field allows, less those no value can satisfy', () => {
    expect(labels(at('status |'))).toEqual(['eq', 'in', 'sw']);
    // `sw` is declared on the date-time, but compares text: it could only end in a type-mismatch.
    expect(labels(at('start_time |'))).toEqual(['ge', 'lt']);
    expect(labels(at('enabled e|'))).toEqual(['eq']);
    expect(at('status e|')).toMatchObject({ from: 7, to: 8 });
    expect(labels(at('nosuchfield |'))).toEqual([]);
  });

  it('offers values by type: enum values quoted, booleans, a date-time template, "" for free text', () => {
    expect(labels(at('status eq |'))).toEqual(['"Completed"', '"Failed"']);
    expect(labels(at('status eq "fa|'))).toEqual(['"Failed"']);
    expect(labels(at('status eq Fa|'))).toEqual(['"Failed"']);
    expect(accept('status eq Fa|', '"Failed"')).toBe('status eq "Failed"');
    // `sw` compares with any text: the enum values and a free string.
    expect(labels(at('status sw |'))).toEqual(['"Completed"', '"Failed"', '""']);
    expect(labels(at('enabled eq |'))).toEqual(['true', 'false']);
    expect(labels(at('enabled eq f|'))).toEqual(['false']);
    expect(at('start_time ge |').options).toEqual([
      { label: '2024-05-06T07:08:09Z', kind: 'value', detail: 'date-time (now, UTC)' },
    ]);
    expect(labels(at('start_time ge 2022-02|'))).toEqual(['2022-02-01T00:00:00Z']);
    expect(labels(at('start_time ge 2022-02-3|'))).toEqual([]);
    expect(labels(at('name eq |'))).toEqual(['""']);
    expect(labels(at('count gt |'))).toEqual([]);
  });

  it('offers list brackets after in/ca, then values, then , and )', () => {
    expect(at('status in |').options).toEqual([
      { label: '(', kind: 'punctuation', detail: 'a list of values: ("a", "b")' },
    ]);
    expect(labels(at('status in (|'))).toEqual(['"Completed"', '"Failed"']);
    // A value already listed is not offered again (values compare ignoring case here).
    expect(labels(at('status in ("failed", |'))).toEqual(['"Completed"']);
    expect(labels(at('status in ("Failed", "Completed", |'))).toEqual([]);
    expect(labels(at('enabled in (true, |', { schema: boolList, now }))).toEqual(['false']);
    const sensitive = { schema: defineSchema({ ...schema, caseSensitive: true }), now };
    expect(labels(at('status in ("failed", |', sensitive))).toEqual(['"Completed"', '"Failed"']);
    expect(labels(at('status in ("Failed" |'))).toEqual([',', ')']);
    expect(labels(at('tags ca (|'))).toEqual(['""']);
  });

  it('offers the connectives the schema allows, not, and ) inside a group', () => {
    expect(labels(at('status eq "Failed" |'))).toEqual(['and']);
    expect(labels(at('(status eq "Failed" |'))).toEqual(['and', ')']);
    expect(labels(at('status eq "Failed" a|'))).toEqual(['and']);
    expect(accept('status eq "Failed"|', 'and')).toBe('status eq "Failed" and ');
    expect(labels(at('enabled pr and not |'))).toContain('not');
    const noNot = { schema: defineSchema({ fields: schema.fields, composite: [] }), now };
    expect(labels(at('|', noNot))).not.toContain('not');
    expect(labels(at('enabled pr |', noNot))).toEqual([]);
  });

  it('closes a string as typed where any text goes, not where the enum binds', () => {
    expect(at('name eq "Jo|').options).toEqual([
      { label: '"Jo"', kind: 'punctuation', detail: 'close the string' },
    ]);
    expect(labels(at("name eq 'Jo|"))).toEqual(['"Jo"']);
    expect(labels(at('status eq "Xy|'))).toEqual([]);
  });

  it("reads a half-typed word as the start of a token, not by the lexer's lookahead", () => {
    // `not le` alone would read `not` as a field and `le` as its operator.
    expect(labels(at('not no|'))).toEqual(['not']);
    const lower = {
      schema: defineSchema({ fields: { level: { type: 'integer', operators: ['eq'] } } }),
      now,
    };
    expect(labels(at('not le|', lower))).toEqual(['level']);
  });

  it('never throws and stays bounded on hostile input', () => {
    const hostile = [
      '('.repeat(60_000),
      `status eq "${'x'.repeat(60_000)}`,
      'not '.repeat(16_000),
      `status in (${'"a", '.repeat(13_000)}`,
      String.fromCharCode(...Array.from({ length: 60_000 }, (_, i) => (i * 7919) % 65_536)),
      '"\\"'.repeat(20_000),
      `${'x'.repeat(10_000_000)} eq`,
    ];
    for (const text of hostile) {
      const started = performance.now();
      const result = complete(text, text.length, { schema, now });
      // A generous bound for a shared machine: each takes a few milliseconds (bench/complete.ts).
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(result.from).toBeLessThanOrEqual(text.length);
    }
    // Deep nesting is read without recursion: the groups are counted.
    expect(labels(at(`${'('.repeat(50_000)}status pr |`))).toEqual(['and', ')']);
    // Past 1,000 lexer errors, and past maxLength, nothing is suggested.
    expect(labels(at(`${'# '.repeat(1_001)}|`))).toEqual([]);
    expect(complete('x'.repeat(70_000), 70_000, { schema }).options).toEqual([]);
    expect(labels(complete('status ', 7, { schema, maxLength: 6 }))).toEqual([]);
    expect(complete('status', Number.NaN, { schema, now })).toMatchObject({ from: 0, to: 6 });
    expect(complete('status', -4, { schema, now }).from).toBe(0);
    expect(complete(42 as unknown as string, 0, { schema })).toEqual({ from: 0, to: 0, options: [] });
    expect(complete('a', 1, { schema: null as unknown as typeof schema })).toEqual({
      from: 1,
      to: 1,
      options: [],
    });
    expect(labels(complete('__proto__ ', 10, { schema }))).toEqual([]);
    const throwing = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('hostile');
        },
      },
    );
    expect(complete('a', 1, { schema: { fields: throwing } })).toEqual({ from: 1, to: 1, options: [] });
    const getter = {
      get fields(): never {
        throw new Error('hostile');
      },
    };
    expect(complete('a', 1, { schema: getter })).toEqual({ from: 1, to: 1, options: [] });
    expect(labels(complete('start_time ge ', 14, { schema, now: 'soon' as unknown as Date }))).toHaveLength(
      1,
    );
  });

  it('works with the built-in seed schema', () => {
    expect(labels(complete('status eq "Fa', 13, { schema: workflowExecutionsSchema }))).toEqual(['"Failed"']);
  });
});
