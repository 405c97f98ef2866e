import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/integrations/eslint/index.js';

/**
 * Hostile source: huge literals, deep nesting, thousands of substitutions, control characters
 * and lone surrogates. Every one is answered with the library's diagnostics (its limits hold
 * inside a literal too), and nothing throws.
 */
const linter = new Linter();
const config = [plugin.configs.recommended];
const lint = (code: string) =>
  linter
    .verify(code, config)
    .map((m) => `${m.ruleId ?? 'fatal'} ${m.line}:${m.column} ${m.message.slice(0, 60)}`);
const PARSE = "import { parse } from 'v3-filters';\nimport { v3f } from 'v3-filters';\n";

describe('the rules on hostile source', () => {
  it('a literal over the length limit: one input-too-long report at the literal', () => {
    const reports = lint(`${PARSE}parse('${'a eq 1 and '.repeat(200_000)}a eq 1');`);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/^v3-filters\/valid-filters 3:\d+ The filter is \d+ characters long/);
  });

  it('nesting past the depth limit, and a flat filter of as many comparisons as the limit allows', () => {
    const deep = lint(`${PARSE}parse('${'('.repeat(50_000)}a eq 1${')'.repeat(50_000)}');`);
    expect(deep.length).toBeGreaterThan(0);
    for (const report of deep) expect(report).toMatch(/^v3-filters\/valid-filters 3:\d+ /);
    expect(
      lint(`${PARSE}parse('${Array.from({ length: 100 }, (_, i) => `f${i} eq ${i}`).join(' or ')}');`),
    ).toEqual([]);
  });

  it('thousands of substitutions in a v3f template and in an untagged one', () => {
    const holes = Array.from({ length: 5_000 }, (_, i) => `f${i} eq \${v${i}}`).join(' or ');
    expect(lint(`${PARSE}v3f\`${holes}\`;`)).toEqual([]);
    const reports = lint(`${PARSE}parse(\`${holes}\`);`);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/^v3-filters\/no-unsafe-interpolation 3:14 /);
    const bad = lint(`${PARSE}v3f\`${holes} or \${field} eq 1\`;`);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(/^v3-filters\/valid-filters 3:\d+ v3f throws FilterBuildError/);
  });

  it('control characters, NUL and lone surrogates in the literal', () => {
    const reports = lint(`${PARSE}parse("a eq \\"\\0\\uD800\\x07\\" and b\\u0000 eq 1");`);
    expect(reports.length).toBeGreaterThan(0);
    for (const report of reports) expect(report).toMatch(/^v3-filters\/valid-filters 3:\d+ /);
  });
});
