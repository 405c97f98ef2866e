import { describe, expect, it } from 'vitest';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { validate } from '../../src/validate/index.js';

const values = Array.from({ length: 10_000 }, (_, i) => `VALUE_${i.toString(36).padStart(4, 'x')}`);
const schema: Schema = { fields: { kind: { type: 'string', enum: values, operators: ['eq', 'in'] } } };

function check(text: string) {
  const parsed = parse(text, { limits: { maxComparisons: 1000, maxListValues: 1000, maxLength: 1_000_000 } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  const started = performance.now();
  const found = validate(parsed.ast, schema);
  return { found, elapsed: performance.now() - started };
}

describe('"did you mean" for enum values is computed once per misspelling, within a budget', () => {
  it('180 repeats of one misspelling against a 10,000-value enum cost one search', () => {
    const one = check('kind eq "VALUE_xx1z!"').elapsed;
    const { found, elapsed } = check(Array.from({ length: 180 }, () => 'kind eq "VALUE_xx1z!"').join(' or '));
    expect(found).toHaveLength(180);
    // Each keeps its suggestion: the memo answers what the first search found.
    const fix = found[0]!.fixes?.[0]?.edits[0]?.text;
    expect(fix).toMatch(/^"VALUE_/);
    for (const d of found) expect(d.fixes?.[0]?.edits[0]?.text).toBe(fix);
    expect(found[0]!.message).toContain('did you mean');
    // One search, so about the time of one occurrence; before, 180 searches (180 times as long).
    expect(elapsed).toBeLessThan(one * 10 + 50);
  });

  it('180 distinct misspellings stay bounded (suggestions stop when the budget is spent)', () => {
    const one = check('kind eq "VALUE_xx2z!"').elapsed;
    const { found, elapsed } = check(
      Array.from({ length: 180 }, (_, i) => `kind eq "${values[i * 50]}!"`).join(' or '),
    );
    expect(found).toHaveLength(180);
    expect(found.every((d) => d.code === 'unknown-enum-value')).toBe(true);
    expect(found.filter((d) => d.message.includes('did you mean')).length).toBeGreaterThan(0);
    // At most five searches (50,000 comparisons); before, 180.
    expect(elapsed).toBeLessThan(one * 20 + 50);
  });
});
