import { describe, expect, it } from 'vitest';
import { lex } from '../../src/syntax/full/lexer.js';
import { FilterParser, sharedParser } from '../../src/syntax/full/parser.js';

/**
 * `parse` builds its Chevrotain parser with `skipValidations` (a faster first filter with a
 * mistake); here it is built with Chevrotain's grammar validations (ambiguities, left recursion,
 * duplicate rules...), which throw on a grammar they reject.
 */
describe('the Chevrotain grammar', () => {
  it('passes all of Chevrotain’s grammar validations (performSelfAnalysis throws on a failure)', () => {
    expect(() => new FilterParser({ validateGrammar: true })).not.toThrow();
  });

  it('the validated parser and the shared one read the same trees and report the same errors', () => {
    const validated = new FilterParser({ validateGrammar: true });
    const shared = sharedParser();
    const read = (parser: FilterParser, text: string) => {
      parser.input = lex(text, 100).tokens as typeof parser.input;
      const ast = parser.filter();
      return { ast, errors: parser.errors.map((e) => [e.name, e.message, e.token.startOffset]) };
    };
    for (const text of ['a eq 1 and (b pr or not c in (1, 2))', 'a eq', '(a eq 1', 'a eq 1 b eq 2', 'not']) {
      const expected = read(validated, text);
      expect(read(shared, text), text).toEqual(expected);
      if (text !== 'a eq 1 and (b pr or not c in (1, 2))')
        expect(expected.errors.length, text).toBeGreaterThan(0);
    }
  });
});
