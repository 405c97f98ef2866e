import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expression } from '../../src/ast/index.js';
import { type CompletionResult, complete } from '../../src/complete/index.js';
import { importOpenApi } from '../../src/openapi/index.js';
import { workflowExecutionsSchema } from '../../src/schema/index.js';
import type { Schema } from '../../src/schema/types.js';
import { parse } from '../../src/syntax/parse.js';
import { validate } from '../../src/validate/index.js';
import { validSchema } from '../schema/schema-arbitraries.js';
import { type GeneratedFilter, usablePairs, validFilter, validTail } from './support/filters.js';

const specPath = fileURLToPath(new URL('../fixtures/openapi/sailpoint-api.v3.json', import.meta.url));
const sailpoint = importOpenApi(readFileSync(specPath, 'utf8')).endpoints.map((e) => e.schema);
const now = new Date('2024-05-06T07:08:09.123Z');

/** Generated schemas, SailPoint's 44 and the seed endpoint's; each with at least one usable field. */
const schemas: fc.Arbitrary<Schema> = fc
  .oneof(validSchema, fc.constantFrom(...sailpoint, workflowExecutionsSchema))
  .filter((schema) => usablePairs(schema).length > 0);

const cases = schemas.chain((schema) => validFilter(schema).map((filter) => ({ schema, filter })));

/** The tree of `text`, which must parse (the test fails with the diagnostics otherwise). */
function parsedAst(text: string): Expression {
  const parsed = parse(text);
  if (!parsed.ok) expect.fail(`${text}: ${JSON.stringify(parsed.diagnostics)}`);
  return parsed.ast;
}

function applied(text: string, result: CompletionResult, insert: string): string {
  return text.slice(0, result.from) + insert + text.slice(result.to);
}

/** The piece that follows a cut: the one the cut is in, the word it ends, or the next one. */
function following(filter: GeneratedFilter, cut: number): { index: number; typing: boolean } | undefined {
  const { pieces, starts } = filter;
  for (let i = 0; i < pieces.length; i++) {
    const start = starts[i]!;
    const end = start + pieces[i]!.text.length;
    if (start < cut && cut < end) return { index: i, typing: true };
    // A cut right after a word (not after punctuation or a closed string) is still typing it.
    const word = !'(),'.includes(pieces[i]!.text) && !pieces[i]!.quoted;
    if (end === cut && word) return { index: i, typing: true };
    if (start >= cut) return { index: i, typing: false };
  }
  return undefined;
}

describe('complete: properties', () => {
  it('(a) completeness: at any cut of a valid filter, the token that follows is offered', () => {
    fc.assert(
      fc.property(
        cases.chain(({ schema, filter }) =>
          fc.nat({ max: filter.text.length }).map((cut) => ({ schema, filter, cut })),
        ),
        ({ schema, filter, cut }) => {
          const prefix = filter.text.slice(0, cut);
          const result = complete(prefix, cut, { schema, now });
          const next = following(filter, cut);
          // A cut at the very end has no token after it.
          fc.pre(next !== undefined);
          const piece = filter.pieces[next.index]!;
          const start = filter.starts[next.index]!;
          expect(result.from).toBe(next.typing ? start : cut);
          expect(result.to).toBe(cut);
          const inserted = result.options.map((o) => (o.apply ?? o.label).trim());
          if (!piece.free) {
            expect(inserted.some((text) => text.startsWith(piece.text))).toBe(true);
          } else if (!next.typing && piece.free === 'string') {
            // Free text cannot be guessed: an empty string is offered to start it.
            expect(inserted).toContain('""');
          } else if (!next.typing && piece.free === 'date-time') {
            expect(result.options.some((o) => o.kind === 'value' && o.detail?.startsWith('date-time'))).toBe(
              true,
            );
          } else if (next.typing && piece.free === 'string') {
            // Inside free text, closing the string as typed is offered.
            expect(result.options.some((o) => o.kind === 'punctuation' && o.label.startsWith('"'))).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 600 },
    );
  });

  it('(a) completeness with the whole text: the cursor anywhere, the word it is in replaced whole', () => {
    fc.assert(
      fc.property(
        cases.chain(({ schema, filter }) =>
          fc.nat({ max: filter.text.length }).map((cut) => ({ schema, filter, cut })),
        ),
        ({ schema, filter, cut }) => {
          const result = complete(filter.text, cut, { schema, now });
          const next = following(filter, cut);
          // A cut inside a token that can be offered (not free text, a number or a date-time).
          fc.pre(next?.typing === true && !filter.pieces[next.index]!.free);
          const piece = filter.pieces[next.index]!;
          // The replaced range is the whole token, and putting the token back gives the filter again.
          const start = filter.starts[next.index]!;
          expect([result.from, result.to]).toEqual([start, start + piece.text.length]);
          const same = result.options.find((o) => (o.apply ?? o.label).trim() === piece.text);
          expect(same).toBeDefined();
          expect(applied(filter.text, result, piece.text)).toBe(filter.text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('(b) soundness: an accepted field, operator or value never brings unknown-field, operator-not-allowed or unknown-enum-value', () => {
    const unsound = new Set(['unknown-field', 'operator-not-allowed', 'unknown-enum-value', 'type-mismatch']);
    fc.assert(
      fc.property(
        cases
          .filter(({ filter }) => filter.comparisons.length > 0)
          .chain(({ schema, filter }) =>
            fc.record({
              schema: fc.constant(schema),
              filter: fc.constant(filter),
              comparison: fc.nat({ max: filter.comparisons.length - 1 }),
              role: fc.constantFrom('field', 'operator', 'value'),
              typed: fc.nat({ max: 3 }),
              choice: fc.nat(),
            }),
          ),
        ({ schema, filter, comparison, role, typed, choice }) => {
          const spots = filter.comparisons[comparison]!;
          const index =
            role === 'field'
              ? spots.fieldPiece
              : role === 'operator'
                ? spots.operatorPiece
                : spots.valuePieces[choice % Math.max(1, spots.valuePieces.length)];
          // A presence test has no value to delete and retype.
          fc.pre(index !== undefined);
          const piece = filter.pieces[index]!;
          // The user deleted the part and typed its first characters again (or none).
          const kept = piece.text.slice(0, Math.min(typed, piece.text.length));
          const start = filter.starts[index]!;
          const restFrom =
            role === 'value' ? start + piece.text.length : endOfPiece(filter, spots.endPiece - 1);
          const before = filter.text.slice(0, start) + kept;
          const rest = filter.text.slice(restFrom);
          const result = complete(before + rest, before.length, { schema, now });
          const offered = result.options.filter((o) => o.kind === role);
          for (const option of offered) {
            const word = (option.apply ?? option.label).trimEnd();
            let tail = '';
            if (role === 'field') {
              const field = schema.fields[option.label]!;
              const operator = spots.operatorPiece === undefined ? 'pr' : usableFirst(field);
              tail =
                spots.operatorPiece === undefined
                  ? ''
                  : ` ${operator} ${validTail(field, operator)}`.trimEnd();
            } else if (role === 'operator') {
              tail = ` ${validTail(schema.fields[spots.field]!, option.label as never)}`.trimEnd();
            }
            const text = before.slice(0, result.from) + word + tail + (before + rest).slice(result.to);
            const problems = validate(parsedAst(text), schema, { text }).filter((d) => unsound.has(d.code));
            expect(problems, text).toEqual([]);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('(c) never throws, answers a well-formed result on any text and offset', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({
            unit: fc.constantFrom(...'ab "\\()\',=! \t\n'.split(''), 'eq', 'in', 'and', 'not', 'pr'),
            maxLength: 60,
          }),
        ),
        fc.integer({ min: -5, max: 300 }),
        schemas,
        (text, offset, schema) => {
          const result = complete(text, offset, { schema, now });
          const clamped = Math.min(Math.max(offset, 0), text.length);
          // A cursor between the halves of a surrogate pair stands before the character.
          const between =
            /[\uD800-\uDBFF]/.test(text[clamped - 1] ?? '') && /[\uDC00-\uDFFF]/.test(text[clamped] ?? '');
          const at = between ? clamped - 1 : clamped;
          expect(result.from).toBeGreaterThanOrEqual(0);
          expect(result.from).toBeLessThanOrEqual(at);
          expect(result.to).toBeGreaterThanOrEqual(at);
          expect(result.to).toBeLessThanOrEqual(text.length);
          for (const option of result.options) {
            expect(typeof option.label).toBe('string');
            expect(['field', 'operator', 'value', 'keyword', 'punctuation']).toContain(option.kind);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

function endOfPiece(filter: GeneratedFilter, index: number): number {
  return filter.starts[index]! + filter.pieces[index]!.text.length;
}

function usableFirst(field: Schema['fields'][string]) {
  return usablePairs({ fields: { f: field } })[0]![1];
}
