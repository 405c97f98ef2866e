import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { error, warning } from '../../src/diagnostic/diagnostic.js';
import { type Diagnostic, parse } from '../../src/index.js';
import { workflowExecutionsSchema } from '../../src/schema/index.js';
import { generateTrackingId, toV3ErrorResponse } from '../../src/v3-error/index.js';
import { validate } from '../../src/validate/index.js';

const seedPath = fileURLToPath(new URL('../fixtures/seed/list-workflow-executions.txt', import.meta.url));

/** The seed's 400 body, cut out of the page text. */
function seedBody(): Record<string, unknown> {
  const page = readFileSync(seedPath, 'utf8');
  const start = page.indexOf('{\n"detailCode": "400.1 Bad Request Content"');
  const end = page.indexOf('\n]\n}', start) + 4;
  return JSON.parse(page.slice(start, end));
}

function problems(text: string): Diagnostic[] {
  const parsed = parse(text);
  return parsed.ok ? validate(parsed.ast, workflowExecutionsSchema, { text }) : [...parsed.diagnostics];
}

describe('toV3ErrorResponse', () => {
  it('builds exactly the seed body (same keys, order and texts) when given no diagnostic', () => {
    const seed = seedBody();
    const body = toV3ErrorResponse([], { trackingId: seed.trackingId as string });
    expect(JSON.stringify(body)).toBe(JSON.stringify(seed));
  });

  it('has the seed shape for real problems: detail code, tracking id, localized messages and causes', () => {
    const seed = seedBody();
    const body = toV3ErrorResponse(problems('status eq "Fail"'));
    expect(Object.keys(body)).toEqual(Object.keys(seed));
    expect(body.detailCode).toBe('400.1 Bad Request Content');
    expect(body.trackingId).toMatch(/^[0-9a-f]{32}$/);
    const seedMessage = (seed.messages as Record<string, unknown>[])[0]!;
    for (const entry of [...body.messages, ...body.causes]) {
      expect(Object.keys(entry)).toEqual(Object.keys(seedMessage));
      expect(entry).toMatchObject({ locale: 'en-US', localeOrigin: 'DEFAULT' });
    }
  });

  it('names each problem, its column and the offending text, and gives the fix as the cause', () => {
    const text = 'status eq "Fail" and startTime ge 2022-02-07T20:13:29Z';
    const body = toV3ErrorResponse(problems(text), { text, trackingId: 't' });
    expect(body.messages.map((m) => m.text)).toEqual([
      'At column 11 (`"Fail"`): `Fail` is not a value of `status`; did you mean `Failed`? Values: `Completed`, `Failed`, `Canceled` and `Executing`.',
      'At column 22: Unknown field `startTime`; did you mean `start_time`? Fields: `start_time` and `status`.',
    ]);
    expect(body.causes.map((m) => m.text)).toEqual([
      `${body.messages[0]!.text} Suggested fix: Use \`"Failed"\`.`,
      `${body.messages[1]!.text} Suggested fix: Use \`start_time\`.`,
    ]);
  });

  it('reports parse errors the same way', () => {
    const text = 'name sw Joe';
    expect(toV3ErrorResponse(problems(text), { text }).messages[0]?.text).toBe(
      'At column 9: Text values are double-quoted: write `"Joe"`.',
    );
  });

  it('says line and column for text with line breaks, and "at the end" past the last character', () => {
    const text = 'status eq "Failed"\n  and x eq 1';
    const at = (start: number, end: number) => [error('unknown-field', 'Problem', { start, end })];
    expect(toV3ErrorResponse(at(25, 26), { text }).messages[0]?.text).toBe(
      'At line 2, column 7 (`x`): Problem.',
    );
    expect(toV3ErrorResponse(at(text.length, text.length), { text }).messages[0]?.text).toBe(
      'At the end of the filter: Problem.',
    );
    expect(toV3ErrorResponse(at(4, 5)).messages[0]?.text).toBe('At column 5: Problem.');
  });

  it('names the parameter when diagnostics carry one, using that parameter text', () => {
    const diagnostics = [
      { ...error('invalid-limit', '`limit` is too large', { start: 0, end: 3 }), parameter: 'limit' },
      { ...error('invalid-sorters', 'Bad', { start: 2, end: 4 }), parameter: 'sorters' },
    ];
    const body = toV3ErrorResponse(diagnostics, { text: { limit: '999', sorters: 'a,bb' } });
    expect(body.messages.map((m) => m.text)).toEqual([
      'In `limit` at column 1 (`999`): `limit` is too large.',
      'In `sorters` at column 3 (`bb`): Bad.',
    ]);
  });

  it('quotes offending text safely (control and bidi characters escaped, long text cut)', () => {
    const text = `name eq "a\u202eb" or ${'x'.repeat(100)} eq 1`;
    const body = toV3ErrorResponse(
      [
        error('unknown-field', 'Problem', { start: 8, end: 13 }),
        error('type-mismatch', 'Problem', { start: 17, end: 117 }),
      ],
      { text },
    );
    expect(body.messages[0]?.text).toBe('At column 9 (`"a\\u{202e}b"`): Problem.');
    expect(body.messages[1]?.text).toBe(`At column 18 (\`${'x'.repeat(40)}…\`): Problem.`);
  });

  it('reports errors only unless asked, and passes locale and origin through', () => {
    const diagnostics = [
      warning('duplicate-value', 'Just a warning', { start: 0, end: 1 }),
      error('unknown-field', 'An error', { start: 1, end: 2 }),
    ];
    expect(toV3ErrorResponse(diagnostics).messages.map((m) => m.text)).toEqual(['At column 2: An error.']);
    const both = toV3ErrorResponse(diagnostics, {
      severities: ['error', 'warning'],
      locale: 'fr-FR',
      localeOrigin: 'REQUEST',
    });
    expect(both.messages).toHaveLength(2);
    expect(both.causes[0]).toMatchObject({ locale: 'fr-FR', localeOrigin: 'REQUEST' });
  });

  it('lists at most maxMessages entries, the last one counting the rest', () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      error('unknown-field', `Problem ${i}`, { start: i, end: i + 1 }),
    );
    const body = toV3ErrorResponse(many, { maxMessages: 5 });
    expect(body.messages.map((m) => m.text)).toEqual([
      'At column 1: Problem 0.',
      'At column 2: Problem 1.',
      'At column 3: Problem 2.',
      'At column 4: Problem 3.',
      '46 more problems are not listed.',
    ]);
    expect(toV3ErrorResponse(many).messages).toHaveLength(20);
  });

  it('generates distinct 32-hex-digit tracking ids', () => {
    const ids = new Set(Array.from({ length: 200 }, () => generateTrackingId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives one message per error, each with the column of its span, for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const found = problems(text).filter((d) => d.severity === 'error');
        const body = toV3ErrorResponse(found, { text });
        expect(body.messages.length).toBe(Math.max(1, Math.min(found.length, 20)));
        found.slice(0, 19).forEach((d, i) => {
          const message = body.messages[i]!.text;
          if (d.span.start >= text.length && text.length > 0)
            expect(message).toMatch(/^At the end of the filter: /);
          else
            expect(message).toContain(
              `column ${d.span.start - Math.max(text.lastIndexOf('\n', d.span.start - 1), text.lastIndexOf('\r', d.span.start - 1))}`,
            );
        });
        expect(JSON.parse(JSON.stringify(body))).toEqual(body);
      }),
    );
  });
});
