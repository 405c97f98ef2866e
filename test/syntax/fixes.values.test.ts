import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixFilter } from '../../src/cli/check.js';
import { applyFixes, type Expression, parse } from '../../src/index.js';

/**
 * A fix never changes a value the writer meant. The oracle is a model of what a reader of the
 * input sees (fields, operators and the exact values), written out by hand in each quote style
 * and mutated as people mistype; after every certain fix (`lint --fix`, and `applyFixes` round
 * after round), a filter that parses must hold exactly the model's values and structure. A fix
 * that cannot promise that is a suggestion, and neither path applies it.
 */

interface Comparison {
  readonly field: string;
  readonly operator: string;
  readonly value: string;
}

interface Model {
  readonly connective: 'and' | 'or';
  readonly comparisons: readonly Comparison[];
}

const LIMITS = { limits: { maxErrors: 100 } };

/** Pieces of values: URL escapes, `+`, backslashes and every quote style. */
const PIECES = [
  'a',
  'B',
  '1',
  '0',
  ' ',
  '%',
  '%20',
  '%41',
  '%2B',
  '%22',
  '%27',
  '+',
  '++',
  '\\',
  '\\\\',
  '"',
  "'",
  '\u201c',
  '\u201d',
  '\u2018',
  '\u2019',
  '.',
  ',',
  '(',
  ')',
  'é',
  '😀',
  'and',
  'eq',
];

const model: fc.Arbitrary<Model> = fc.record({
  connective: fc.constantFrom('and' as const, 'or' as const),
  comparisons: fc.array(
    fc.record({
      field: fc.constantFrom('name', 'path', 'd', 'a.b'),
      operator: fc.constantFrom('eq', 'ne', 'co', 'sw', 'gt'),
      value: fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((pieces) => pieces.join('')),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

/**
 * Writes `value` between `open` and `close`: `close` and backslashes escaped with a backslash; in
 * a loose writer a backslash is left raw unless an escape would follow (as people write `C:\`).
 * At the end of the filter, a loose writer gives `"C:\"` for `C:\` (a reader sees the backslash
 * and the closing quote); elsewhere that text is valid and means an escaped quote, so there the
 * loose writer escapes that backslash.
 */
function writeString(value: string, style: Style, last: boolean): string {
  const [open, close, loose] = style;
  let out = open;
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    const next = value[i + 1];
    const raw = loose && next !== close && next !== '\\' && (next !== undefined || last);
    if (char === close) out += `\\${close}`;
    else if (char === '\\') out += raw ? '\\' : '\\\\';
    else out += char;
  }
  return out + close;
}

type Style = readonly [open: string, close: string, loose: boolean];
const STYLES: readonly Style[] = [
  ['"', '"', false],
  ['"', '"', true],
  ["'", "'", false],
  ["'", "'", true],
  ['\u201c', '\u201d', false],
  ['\u2018', '\u2019', false],
];

/** Mistakes made to a whole written filter; each keeps the model as what the writer meant. */
const MUTATIONS: Readonly<Record<string, (text: string) => string>> = {
  none: (text) => text,
  'closing quote dropped': (text) => text.slice(0, -1),
  'operators in upper case': (text) => text.replace(/ (eq|ne|co|sw|gt|and|or) /g, (w) => w.toUpperCase()),
  'URL-encoded (encodeURIComponent)': (text) => encodeURIComponent(text),
  'URL-encoded (a form)': (text) => new URLSearchParams({ f: text }).toString().slice(2),
  'filters= before it': (text) => `filters=${text}`,
};

function write(m: Model, styles: readonly Style[]): string {
  return m.comparisons
    .map((c, i) => {
      const last = i === m.comparisons.length - 1;
      return `${c.field} ${c.operator} ${writeString(c.value, styles[i % styles.length]!, last)}`;
    })
    .join(` ${m.connective} `);
}

/** What a parsed filter holds, in the model's terms (undefined for any other shape). */
function read(ast: Expression): Model | undefined {
  const operands = ast.kind === 'and' || ast.kind === 'or' ? ast.operands : [ast];
  const comparisons: Comparison[] = [];
  for (const operand of operands) {
    if (operand.kind !== 'comparison' || operand.value.kind !== 'string') return undefined;
    comparisons.push({ field: operand.field.name, operator: operand.operator, value: operand.value.value });
  }
  return { connective: ast.kind === 'or' ? 'or' : 'and', comparisons };
}

/**
 * Whether the fixed text parses; if it does, and the fixes changed the input, it must hold what
 * the writer meant. (An input that parses as written is the language's reading, not a fix's.)
 */
function expectIntent(fixed: string, meant: Model, input: string): boolean {
  const result = parse(fixed, LIMITS);
  if (!result.ok) return false;
  if (fixed === input) return true;
  const got = read(result.ast);
  const expected = meant.comparisons.length === 1 ? { ...meant, connective: 'and' } : meant;
  expect({ input, fixed, got }).toEqual({ input, fixed, got: expected });
  return true;
}

/** `applyFixes` as a library user runs it: round after round while the text changes. */
function libraryFix(text: string): string {
  let current = text;
  for (let round = 0; round < 5; round++) {
    const next = applyFixes(current, parse(current, LIMITS).diagnostics);
    if (next === current) break;
    current = next;
  }
  return current;
}

describe('a fix never changes a value the writer meant', () => {
  it('over written and mistyped filters with %, +, backslashes and every quote style', () => {
    let runs = 0;
    let parsed = 0;
    fc.assert(
      fc.property(
        model,
        fc.array(fc.constantFrom(...STYLES), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...Object.keys(MUTATIONS)),
        (m, styles, mutation) => {
          const input = MUTATIONS[mutation]!(write(m, styles));
          runs++;
          const viaCli = expectIntent(fixFilter(input, LIMITS, false).text, m, input);
          const viaLibrary = expectIntent(libraryFix(input), m, input);
          if (viaCli) parsed++;
          // Both paths apply the same certain fixes.
          expect(viaLibrary).toBe(viaCli);
        },
      ),
      { numRuns: 3000 },
    );
    // Not vacuous: most inputs are repaired to a filter that parses.
    expect(parsed / runs).toBeGreaterThan(0.5);
  });

  it.each([
    [`name eq 'C++'`, 'name eq "C++"'],
    [`name eq 'a%20b'`, 'name eq "a%20b"'],
    [`name eq 'it"s' and d co "%41%42"`, 'name eq "it\\"s" and d co "%41%42"'],
    [`name eq \u2018a+b\u2019`, 'name eq "a+b"'],
    ['status%20eq%20%22Failed%22', 'status eq "Failed"'],
    ['status+eq+%22C%2B%2B%22', 'status eq "C++"'],
    ['path sw "C:\\', 'path sw "C:\\\\"'],
    ['path sw "C:\\\\', 'path sw "C:\\\\"'],
    ['name eq "abc', 'name eq "abc"'],
  ])('--fix on %s gives %s', (input, expected) => {
    expect(fixFilter(input, LIMITS, false).text).toBe(expected);
  });

  it('leaves a string ending in an escaped quote to the writer: two readings, two suggestions', () => {
    for (const input of ['path sw "C:\\"', 'path sw "C:\\" and x eq 1', 'name eq "say \\"hi\\"']) {
      const result = parse(input, LIMITS);
      const unterminated = result.diagnostics.find((d) => d.code === 'unterminated-string');
      expect(unterminated?.fixes?.map((f) => f.suggestion)).toEqual([true, true]);
      expect(fixFilter(input, LIMITS, false).text).toBe(input);
    }
    const readings = (input: string) =>
      parse(input, LIMITS)
        .diagnostics.find((d) => d.code === 'unterminated-string')!
        .fixes!.map((fix) =>
          applyFixes(input, [{ ...parse(input).diagnostics[0]!, fixes: [fix] }], { suggestions: true }),
        );
    expect(readings('path sw "C:\\"')).toEqual(['path sw "C:\\\\"', 'path sw "C:\\""']);
    expect(readings('path sw "C:\\" and x eq 1')).toEqual([
      'path sw "C:\\\\" and x eq 1',
      'path sw "C:\\" and x eq 1"',
    ]);
    // With escaped quotes before it, an escaped quote still to be closed is the likelier reading.
    expect(readings('name eq "say \\"hi\\"')[0]).toBe('name eq "say \\"hi\\""');
  });

  it('decodes only the escapes outside strings of a filter not wholly encoded, as a suggestion', () => {
    const input = "status eq %22Fa+iled%22 and name eq 'a%20b'";
    const result = parse(input, LIMITS);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['url-encoded']);
    const fix = result.diagnostics[0]!.fixes![0]!;
    expect(fix.suggestion).toBe(true);
    expect(applyFixes(input, result.diagnostics)).toBe(input);
    expect(applyFixes(input, result.diagnostics, { suggestions: true })).toBe(
      'status eq "Fa iled" and name eq \'a%20b\'',
    );
    expect(fixFilter(input, LIMITS, true).text).toBe('status eq "Fa iled" and name eq "a%20b"');
  });

  it('takes a fix whole or not at all', () => {
    const text = 'abcdef';
    const at = (start: number, end: number, replacement: string) => ({
      span: { start, end },
      text: replacement,
    });
    const diagnostic = (edits: ReturnType<typeof at>[]) => ({
      code: 'url-encoded' as const,
      severity: 'error' as const,
      message: '',
      span: { start: 0, end: 0 },
      fixes: [{ message: '', edits }],
    });
    // The second fix's first edit overlaps the first fix: none of its edits is applied.
    expect(applyFixes(text, [diagnostic([at(1, 3, 'X')]), diagnostic([at(2, 3, 'Y'), at(5, 6, 'Z')])])).toBe(
      'aXdef',
    );
  });
});
