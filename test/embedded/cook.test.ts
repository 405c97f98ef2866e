import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  type CookedText,
  cookedOffset,
  cookLiteral,
  type LiteralKind,
  sourceSpan,
} from '../../src/embedded/cook.js';

/**
 * The oracle is TypeScript's own scanner: it reads a whole literal and gives its value. The
 * cooking under test must give the same text, and every code unit must map to a run of source
 * that, read alone by the scanner, gives exactly the units mapped to it (what lies between two
 * runs gives nothing: a line continuation).
 */
function scannerValue(body: string, kind: LiteralKind): string | undefined {
  const delimiter = kind === 'string' ? '"' : '`';
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, undefined);
  let failed = false;
  scanner.setOnError(() => {
    failed = true;
  });
  scanner.setText(`${delimiter}${body}${delimiter}`);
  const token = scanner.scan();
  const expected =
    kind === 'string' ? ts.SyntaxKind.StringLiteral : ts.SyntaxKind.NoSubstitutionTemplateLiteral;
  if (token !== expected || scanner.getTokenEnd() !== body.length + 2) return undefined;
  // Legacy octal escapes are errors in strict code but still have their value.
  return failed && kind === 'template' ? undefined : scanner.getTokenValue();
}

const plain = (kind: LiteralKind) =>
  fc.constantFrom(
    ...['a', 'Z', ' ', '=', '(', ')', ',', '.', "'", 'é', '😀', '\u00a0', '\u2028', '\u2029', '\t'],
    ...(kind === 'string' ? ['1', '7', '8'] : ['"', '\n', '\r\n', '\r', '$', '}']),
  );

const escapes = (kind: LiteralKind) =>
  fc.constantFrom(
    ...[
      '\\n',
      '\\t',
      '\\b',
      '\\f',
      '\\v',
      '\\r',
      '\\"',
      "\\'",
      '\\`',
      '\\\\',
      '\\$',
      '\\{',
      '\\q',
      '\\é',
      '\\😀',
    ],
    ...['\\x41', '\\x7e', '\\u0041', '\\u00e9', '\\uD83D', '\\uDE00', '\\u{1F600}', '\\u{0}', '\\u{00041}'],
    ...['\\\n', '\\\r\n', '\\\r', '\\\u2028', '\\\u2029'],
    ...(kind === 'string' ? ['\\0', '\\12', '\\377', '\\400', '\\8', '\\9', '\\08', '\\7'] : ['\\0']),
  );

const body = (kind: LiteralKind) =>
  fc.array(fc.oneof(plain(kind), escapes(kind)), { maxLength: 24 }).map((parts) => parts.join(''));

/** The runs of source that produced the cooked units, grouped where units share one run. */
function runs(cooked: CookedText): { start: number; end: number; units: string }[] {
  const out: { start: number; end: number; units: string }[] = [];
  for (let i = 0; i < cooked.text.length; i++) {
    const last = out[out.length - 1];
    if (last && last.start === cooked.starts[i] && last.end === cooked.ends[i]) last.units += cooked.text[i];
    else out.push({ start: cooked.starts[i]!, end: cooked.ends[i]!, units: cooked.text[i]! });
  }
  return out;
}

function expectMapsLikeTheScanner(
  source: string,
  cooked: CookedText,
  from: number,
  to: number,
  kind: LiteralKind,
) {
  let at = from;
  for (const run of runs(cooked)) {
    expect(run.start).toBeGreaterThanOrEqual(at);
    expect(scannerValue(source.slice(at, run.start), kind)).toBe('');
    expect(scannerValue(source.slice(run.start, run.end), kind)).toBe(run.units);
    at = run.end;
  }
  expect(scannerValue(source.slice(at, to), kind)).toBe('');
}

describe('cookLiteral', () => {
  for (const kind of ['string', 'template'] as const) {
    it(`gives a ${kind} literal's value as TypeScript's scanner reads it`, () => {
      fc.assert(
        fc.property(body(kind), (raw) => {
          const expected = scannerValue(raw, kind);
          fc.pre(expected !== undefined);
          const source = `x(${raw});`;
          const cooked = cookLiteral(source, [{ start: 2, end: 2 + raw.length }], kind);
          expect(cooked?.text).toBe(expected);
          expectMapsLikeTheScanner(source, cooked!, 2, 2 + raw.length, kind);
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('maps the units of a template with substitutions, placeholders mapped to the whole substitution', () => {
    fc.assert(
      fc.property(fc.array(body('template'), { minLength: 1, maxLength: 4 }), (parts) => {
        fc.pre(parts.every((part) => scannerValue(part, 'template') !== undefined));
        let source = '`';
        const pieces: { start: number; end: number }[] = [];
        for (const [index, part] of parts.entries()) {
          if (index > 0) source += `\${ value${index} }`;
          pieces.push({ start: source.length, end: source.length + part.length });
          source += part;
        }
        source += '`';
        const cooked = cookLiteral(source, pieces, 'template', (prefix) => `<${prefix.length}>`)!;
        let expected = '';
        for (const [index, part] of parts.entries()) {
          if (index > 0) expected += `<${expected.length}>`;
          expected += scannerValue(part, 'template');
        }
        expect(cooked.text).toBe(expected);
        expect(cooked.holeSources.map((hole) => source.slice(hole.start, hole.end))).toEqual(
          parts.slice(1).map((_, index) => `\${ value${index + 1} }`),
        );
        for (const [index, hole] of cooked.holes.entries()) {
          const mapped = sourceSpan(cooked, hole);
          expect(mapped).toEqual(cooked.holeSources[index]);
        }
        for (const [index, piece] of pieces.entries()) {
          const pieceCooked = cookLiteral(source, [piece], 'template')!;
          expectMapsLikeTheScanner(source, pieceCooked, piece.start, piece.end, 'template');
          expect(pieceCooked.text).toBe(scannerValue(parts[index]!, 'template'));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('maps spans back and cursors forth: a unit starts at its source and a cursor there finds it', () => {
    fc.assert(
      fc.property(body('string'), fc.nat(), fc.nat(), (raw, a, b) => {
        const source = `"${raw}"`;
        const cooked = cookLiteral(source, [{ start: 1, end: 1 + raw.length }], 'string');
        fc.pre(cooked !== undefined && cooked.text.length > 0);
        const length = cooked!.text.length;
        const start = a % length;
        const end = start + (b % (length - start + 1));
        const mapped = sourceSpan(cooked!, { start, end });
        expect(mapped.start).toBe(cooked!.starts[start]);
        if (end > start) expect(mapped.end).toBe(cooked!.ends[end - 1]);
        const unit = cookedOffset(cooked!, cooked!.starts[start]!)!;
        expect(cooked!.starts[unit]).toBe(cooked!.starts[start]);
        expect(cookedOffset(cooked!, 1 + raw.length)).toBe(length);
        expect(cookedOffset(cooked!, 0)).toBeUndefined();
      }),
    );
  });

  it('refuses malformed escapes and pieces out of order', () => {
    for (const raw of ['\\x4', '\\u12', '\\u{110000}', '\\u{}', '\\']) {
      expect(cookLiteral(`"${raw}"`, [{ start: 1, end: 1 + raw.length }], 'string'), raw).toBeUndefined();
    }
    expect(cookLiteral('`\\01`', [{ start: 1, end: 4 }], 'template')).toBeUndefined();
    expect(
      cookLiteral(
        `\`a\${x}b\``,
        [
          { start: 6, end: 7 },
          { start: 1, end: 2 },
        ],
        'template',
      ),
    ).toBeUndefined();
  });
});
