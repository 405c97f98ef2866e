import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DIAGRAMS_PATH, diagramsHtml } from '../../scripts/diagrams.js';
import { sharedParser } from '../../src/syntax/full/parser.js';

const committed = readFileSync(new URL(`../../${DIAGRAMS_PATH}`, import.meta.url), 'utf8');
const generated = diagramsHtml();
const ruleNames = Object.keys(sharedParser().getGAstProductions());

/** Runs the page's scripts against a stand-in document and returns what they draw. */
function render(html: string): string {
  const target = { innerHTML: '' };
  const document = {
    getElementById: () => target,
    getElementsByClassName: () => [],
    querySelectorAll: () => [],
  };
  const context: Record<string, unknown> = { document, console };
  context.window = context;
  for (const [, code] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) runInNewContext(code!, context);
  return target.innerHTML;
}

describe('grammar/diagrams.html', () => {
  it('is what the parser generates now', () => {
    // Compared as a boolean first so that a stale page fails with the remedy, not a 50 KB diff.
    expect(committed === generated, `${DIAGRAMS_PATH} is stale: run \`npm run grammar\``).toBe(true);
  });

  it('is self-contained: it loads nothing from the network or the disk', () => {
    expect(generated).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(generated).not.toMatch(/<link/i);
    expect(generated).not.toContain('unpkg.com');
  });

  it('draws one diagram per parser rule, with EBNF names on the terminals', () => {
    const drawn = render(generated);
    expect(drawn.match(/<svg/g)?.length).toBe(ruleNames.length);
    for (const rule of ruleNames) expect(drawn).toContain(`>${rule}</`);
    for (const terminal of ['compare-op', 'list-op', 'value', 'field', 'isnull', 'not', 'pr']) {
      expect(drawn).toContain(`>${terminal}</text>`);
    }
    // No token label leaks in its message form (`and`, "a field name").
    expect(drawn).not.toContain('&#96;');
    expect(drawn).not.toContain('a field name');
  });
});
