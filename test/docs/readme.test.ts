import { describe, expect, it } from 'vitest';
import { applyFixes, DEFAULT_LIMITS, MAX_LIMITS, parse, SYNTAX_CODES } from '../../src/index.js';
import { readManual } from '../support/manual.js';

const readme = readManual();

describe('the manual stays in step with the code', () => {
  it('lists every syntax diagnostic code in its table', () => {
    const missing = Object.keys(SYNTAX_CODES).filter((code) => !readme.includes(`| \`${code}\` |`));
    expect(missing).toEqual([]);
  });

  it('states the limits the code applies', () => {
    const thousands = (n: number): string => n.toLocaleString('en-US');
    for (const key of Object.keys(DEFAULT_LIMITS) as (keyof typeof DEFAULT_LIMITS)[]) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${key}\``));
      expect(row, key).toBeDefined();
      expect(row).toContain(`| ${thousands(DEFAULT_LIMITS[key])} | ${thousands(MAX_LIMITS[key])} |`);
    }
  });

  it('shows the real result of its broken-filter example', () => {
    const text = `filters=status EQ 'Failed', start_time ge 2022-02-07T20:13:29Z`;
    const { diagnostics } = parse(text);
    expect(readme).toContain(
      `// ${JSON.stringify(diagnostics.map((d) => d.code))
        .replace(/"/g, "'")
        .replace(/,/g, ', ')}`,
    );
    expect(readme).toContain(`// '${applyFixes(text, diagnostics)}'`);
  });
});
