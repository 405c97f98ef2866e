import { describe, expect, it } from 'vitest';
import { createComparison, createField, createNot, createNumber, createOr } from '../../src/ast/index.js';
import { applyFixes, type Diagnostic, type Expression, parse } from '../../src/index.js';
import { defineSchema, type Schema, workflowExecutionsSchema } from '../../src/schema/index.js';
import { validate } from '../../src/validate/index.js';

const schema = defineSchema({
  fields: {
    start_time: { type: 'date-time', operators: ['eq', 'lt', 'le', 'gt', 'ge'] },
    status: { type: 'string', enum: ['Completed', 'Failed', 'Canceled'], operators: ['eq', 'ne', 'in'] },
    kind: { type: 'string', enum: ['Alpha', 'Beta'], operators: ['eq', 'sw', 'gt'] },
    name: { type: 'string', operators: ['eq', 'sw', 'co'] },
    enabled: { type: 'boolean', operators: ['eq', 'ne'] },
    priority: { type: 'integer', operators: ['eq', 'gt', 'in'] },
    score: { type: 'number', operators: ['eq', 'gt'] },
    tags: { type: 'string', collection: true, operators: ['ca', 'eq'] },
    created: { type: 'date-time', operators: ['gt', 'sw'] },
    code: { type: 'string', caseSensitive: true, enum: ['ABC', 'Def'], operators: ['eq', 'in'] },
    anything: { type: 'unknown', operators: ['eq', 'co', 'pr'] },
    'owner.id': { type: 'string', operators: ['eq'] },
  },
  composite: ['and', 'or'],
});

function check(text: string, against: Schema = schema): Diagnostic[] {
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(`test filter does not parse: ${text}`);
  return validate(parsed.ast, against, { text });
}

/** `code @ offending text => text after the fixes` for each diagnostic. */
function summary(text: string, against: Schema = schema): string[] {
  return check(text, against).map((d) => {
    const fixed = d.fixes ? ` => ${applyFixes(text, [d])}` : '';
    return `${d.code} @ ${text.slice(d.span.start, d.span.end)}${fixed}`;
  });
}

describe('validate: clean filters', () => {
  it.each([
    'status eq "Failed"',
    'status eq "failed"',
    'status in ("Completed", "Canceled") and start_time ge 2022-02-07T20:13:29.356648026+01:00',
    'name sw "Jo" or (enabled eq false and priority gt -3)',
    'kind sw "Al"',
    'kind gt "Zed"',
    'score gt 1.5',
    'tags ca ("a", "b") and tags eq "c"',
    'code eq "ABC"',
    'anything eq 5 and anything co "x" and anything pr',
    'owner.id eq "2c91"',
    'start_time lt 2025-08-01',
  ])('%s', (text) => {
    expect(check(text)).toEqual([]);
  });
});

describe('validate: one row per code', () => {
  const table: [string, string[]][] = [
    ['stauts eq "Failed"', ['unknown-field @ stauts => status eq "Failed"']],
    [
      'startTime ge 2022-02-07T20:13:29Z',
      ['unknown-field @ startTime => start_time ge 2022-02-07T20:13:29Z'],
    ],
    ['zzz eq 1', ['unknown-field @ zzz']],
    ['owner.name eq "x"', ['unknown-field @ owner.name']],
    ['status gt "Failed"', ['operator-not-allowed @ gt']],
    ['name pr', ['operator-not-allowed @ pr']],
    ['pr name', ['operator-not-allowed @ pr']],
    ['not status eq "Failed"', ['composite-not-allowed @ not']],
    ['enabled eq "true"', ['type-mismatch @ "true" => enabled eq true']],
    ['enabled eq "FALSE"', ['type-mismatch @ "FALSE" => enabled eq false']],
    ['enabled eq "yes"', ['type-mismatch @ "yes"']],
    ['enabled eq 1', ['type-mismatch @ 1']],
    ['start_time ge 1675594767', ['type-mismatch @ 1675594767']],
    [
      'start_time ge "2022-02-07T20:13:29Z"',
      ['type-mismatch @ "2022-02-07T20:13:29Z" => start_time ge 2022-02-07T20:13:29Z'],
    ],
    ['start_time ge "2022-02-30T20:13:29Z"', ['type-mismatch @ "2022-02-30T20:13:29Z"']],
    ['start_time ge true', ['type-mismatch @ true']],
    ['priority eq 1.5', ['type-mismatch @ 1.5']],
    ['priority eq "12"', ['type-mismatch @ "12" => priority eq 12']],
    ['priority eq "1.5"', ['type-mismatch @ "1.5"']],
    ['score eq "-1.5"', ['type-mismatch @ "-1.5" => score eq -1.5']],
    ['name eq 42', ['type-mismatch @ 42 => name eq "42"']],
    ['name eq 2022-02-07', ['type-mismatch @ 2022-02-07 => name eq "2022-02-07"']],
    ['created sw 2022-01-01', ['type-mismatch @ sw']],
    ['status eq "Fail"', ['unknown-enum-value @ "Fail" => status eq "Failed"']],
    ['status eq "Bogus"', ['unknown-enum-value @ "Bogus"']],
    ['code eq "abc"', ['unknown-enum-value @ "abc" => code eq "ABC"']],
    ['code eq "def"', ['unknown-enum-value @ "def" => code eq "Def"']],
    ['status in ("Failed", "Bogus")', ['unknown-enum-value @ "Bogus"']],
    ['status in ("Failed", "failed")', ['duplicate-value @ "failed"']],
    ['priority in (1, 1.0, 2)', ['duplicate-value @ 1.0']],
    ['priority eq 1.50', ['type-mismatch @ 1.50']],
    ['priority eq "3.00"', ['type-mismatch @ "3.00" => priority eq 3.00']],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(summary(text)).toEqual(expected);
  });

  it('gives each fix a result that validates cleanly', () => {
    for (const [text, expected] of table) {
      if (!expected.some((line) => line.includes(' => '))) continue;
      const fixed = applyFixes(text, check(text));
      expect(check(fixed), fixed).toEqual([]);
    }
  });

  it('reports every violation, in text order', () => {
    expect(summary('stauts eq 1 and status gt "x" or enabled eq "no" and not name eq 1')).toEqual([
      'unknown-field @ stauts => status eq 1 and status gt "x" or enabled eq "no" and not name eq 1',
      'operator-not-allowed @ gt',
      'type-mismatch @ "no"',
      'composite-not-allowed @ not',
      'type-mismatch @ 1 => stauts eq 1 and status gt "x" or enabled eq "no" and not name eq "1"',
    ]);
  });

  it('says what is allowed', () => {
    const [field] = check('stauts eq "Failed"');
    expect(field?.message).toBe(
      'Unknown field `stauts`; did you mean `status`? Fields: `start_time`, `status`, `kind`, `name`, `enabled`, `priority`, `score`, `tags`, `created`, `code`, `anything` and `owner.id`',
    );
    expect(check('status gt "Failed"')[0]?.message).toBe(
      '`gt` is not allowed on `status`; allowed: `eq`, `ne` and `in`',
    );
    expect(check('status eq "Fail"')[0]?.message).toBe(
      '`Fail` is not a value of `status`; did you mean `Failed`? Values: `Completed`, `Failed` and `Canceled`',
    );
    expect(check('code eq "x"')[0]?.message).toContain('Values (case-sensitive): `ABC` and `Def`');
  });
});

describe('validate: fields are looked up as own properties only', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'])(
    '%s is an unknown field',
    (name) => {
      expect(check(`${name} eq "x"`).map((d) => d.code)).toEqual(['unknown-field']);
      expect(check(`${name} pr`, workflowExecutionsSchema).map((d) => d.code)).toEqual(['unknown-field']);
    },
  );

  it('a schema may still declare such a name as a real field', () => {
    const odd: Schema = { fields: JSON.parse('{"__proto__": {"type": "string", "operators": ["eq"]}}') };
    expect(check('__proto__ eq "x"', odd)).toEqual([]);
    expect(check('constructor eq "x"', odd).map((d) => d.code)).toEqual(['unknown-field']);
  });
});

describe('validate: composite operators', () => {
  const andOnly: Schema = { ...schema, composite: ['and'] };
  it('points at the keyword when the text is given, at the gap between operands when not', () => {
    const text = '(status eq "Failed")  or\n(name eq "x")';
    expect(summary(text, andOnly)).toEqual(['composite-not-allowed @ or']);
    const parsed = parse(text);
    if (!parsed.ok) throw new Error('parse');
    const [withoutText] = validate(parsed.ast, andOnly);
    expect(text.slice(withoutText!.span.start, withoutText!.span.end)).toBe(')  or\n(');
  });

  it('reports one diagnostic per n-ary node, not one per keyword', () => {
    expect(summary('name eq "a" or name eq "b" or name eq "c"', andOnly)).toEqual([
      'composite-not-allowed @ or',
    ]);
  });

  it('does not mistake a field containing the keyword for it', () => {
    const fields = { ...schema.fields, order: { type: 'string', operators: ['eq'] } } as const;
    expect(summary('order eq "x" or order eq "or"', { fields, composite: ['and'] })).toEqual([
      'composite-not-allowed @ or',
    ]);
    const text = 'order eq "x" or order eq "y"';
    const [d] = check(text, { fields, composite: ['and'] });
    expect(d?.span).toEqual({ start: 13, end: 15 });
  });

  it('explains an endpoint that allows no combination', () => {
    expect(check('name eq "a" and name eq "b"', { ...schema, composite: [] })[0]?.message).toBe(
      '`and` is not allowed: this endpoint takes a single condition, not a combination',
    );
  });

  it('allows everything when composite is absent', () => {
    const { composite: _, ...open } = schema;
    expect(check('not (name eq "a" or name eq "b") and enabled eq true', open)).toEqual([]);
  });
});

describe('validate: operators that cannot apply to a type', () => {
  it('flags ordering on a boolean and co on a date-time even when a hand-built schema allows them', () => {
    const loose: Schema = {
      fields: {
        flag: { type: 'boolean', operators: ['gt'] },
        when: { type: 'date-time', operators: ['co'] },
      },
    };
    expect(summary('flag gt true and when co 2022-01-01', loose)).toEqual([
      'type-mismatch @ gt',
      'type-mismatch @ co',
    ]);
  });

  it('refuses a hand-built schema that allows ca on a non-collection, as loadSchema does', () => {
    const loose: Schema = { fields: { single: { type: 'string', operators: ['ca'] } } };
    expect(summary('single ca ("a")', loose)).toEqual(['ca-requires-collection @ ']);
  });
});

describe('validate: long and deep filters', () => {
  const at = { start: 0, end: 0 };
  function chain(name: string, terms: number): Expression {
    const operands: Expression[] = [];
    for (let i = 0; i < terms; i++) {
      const s = i * 12;
      operands.push(
        createComparison(
          createField(name, { start: s, end: s + name.length }),
          'eq',
          at,
          createNumber(String(i), { start: s + 5, end: s + 6 }),
          { start: s, end: s + 6 },
        ),
      );
    }
    return createOr(operands, { start: 0, end: terms * 12 });
  }

  it('walks a 60,000-term or chain, reporting each term once and computing the suggestion once', () => {
    const numbers: Schema = { fields: { priority: { type: 'integer', operators: ['eq'] } } };
    const started = performance.now();
    expect(validate(chain('priority', 60_000), numbers)).toEqual([]);
    const unknown = validate(chain('prority', 60_000), numbers);
    expect(unknown).toHaveLength(60_000);
    expect(unknown[59_999]?.fixes?.[0]?.edits[0]?.text).toBe('priority');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('walks 100,000 nested nots without recursion', () => {
    let node: Expression = createComparison(createField('priority', at), 'eq', at, createNumber('1', at), at);
    for (let i = 0; i < 100_000; i++) node = createNot(node, at);
    expect(validate(node, { fields: { priority: { type: 'integer', operators: ['eq'] } } })).toEqual([]);
  });

  it('caps the diagnostics when asked to', () => {
    const numbers: Schema = { fields: { priority: { type: 'integer', operators: ['eq'] } } };
    const capped = validate(chain('x', 1000), numbers, { maxDiagnostics: 10 });
    expect(capped).toHaveLength(11);
    expect(capped[10]).toMatchObject({
      code: 'too-many-errors',
      message: '990 more problems are not reported',
    });
  });
});
