import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, it, vi } from 'vitest';
import { createFilterBuilder } from '../../src/builder/api.js';
import { complete } from '../../src/complete/index.js';
import { format, parse } from '../../src/index.js';
import { hoverAt, v3Filters } from '../../src/integrations/codemirror/index.js';
import { filterTokens } from '../../src/integrations/codemirror/language.js';
import { KEYWORDS, PRIMITIVE_OPERATORS } from '../../src/language/operators.js';
import { defineSchema, type Schema } from '../../src/schema/index.js';
import { fastLex, parseWithoutFastPath } from '../../src/syntax/internal.js';
import { DEFAULT_LIMITS } from '../../src/syntax/limits.js';
import { validate } from '../../src/validate/index.js';

/**
 * One row more in the language's operator table, of each kind, with its meaning: a comparison
 * (`ew`), a list (`ni`, two letters like most) and a presence test (`isempty`, a long word that
 * starts like `isnull`). Nothing else is edited: the rest of the library must read them from the
 * table.
 */
vi.mock('../../src/language/operator-table.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/language/operator-table.js')>();
  const plain = { textOnly: false, orders: false, collectionOnly: false, enumMembers: false };
  const rows = [
    { ...plain, word: 'ew', kind: 'comparison', textOnly: true },
    { ...plain, word: 'ni', kind: 'list', enumMembers: true },
    { ...plain, word: 'isempty', kind: 'presence' },
  ];
  const meanings = { ew: 'ends with (text)', ni: 'equals none of a list', isempty: 'is an empty string' };
  return {
    ...original,
    OPERATOR_RULES: [...original.OPERATOR_RULES, ...rows],
    OPERATOR_MEANINGS: { ...original.OPERATOR_MEANINGS, ...meanings },
    OPERATOR_TABLE: [
      ...original.OPERATOR_TABLE,
      ...rows.map((row) => ({ ...row, meaning: meanings[row.word as keyof typeof meanings] })),
    ],
  };
});

const NEW = ['ew', 'ni', 'isempty'] as const;

const schema: Schema = defineSchema({
  fields: { name: { type: 'string', operators: ['eq', ...NEW] as never } },
});

const FILTERS = ['name ew "x"', 'name ni ("a", "b")', 'name isempty', 'not name isempty and name ew "y"'];

describe('a row added to the operator table, and nothing else edited', () => {
  it('is a keyword and a primitive operator', () => {
    expect(PRIMITIVE_OPERATORS.slice(-3)).toEqual(NEW);
    for (const word of NEW) expect(KEYWORDS).toContain(word);
  });

  it('parses on the fast path and on the full path to the same tree, and prints back', () => {
    for (const text of FILTERS) {
      const fast = parse(text);
      const full = parseWithoutFastPath(text);
      expect(fast.ok, text).toBe(true);
      // The fast path reads it itself (it does not hand it to the full path).
      expect(fastLex(text, DEFAULT_LIMITS), text).toBeDefined();
      expect(fast).toEqual(full);
      if (fast.ok) expect(format(fast.ast)).toBe(text);
    }
    const list = parse('name ni ("a")');
    expect(list.ok && list.ast.kind === 'list' && list.ast.operator).toBe('ni');
    const presence = parse('name isempty');
    expect(presence.ok && presence.ast.kind === 'presence' && presence.ast.operator).toBe('isempty');
  });

  it('is named in the messages that list the operators, and repaired when written in capitals', () => {
    const unknown = parse('name xx "a"').diagnostics.find((d) => d.code === 'unknown-operator');
    expect(unknown?.message).toMatch(/pr, isnull, ew, ni or isempty$/);
    const missing = parse('name').diagnostics.find((d) => d.code === 'missing-operator');
    expect(missing?.message).toContain('`isnull`, `ew`, `ni` or `isempty`');
    expect(parse('name EW "x"').diagnostics.map((d) => [d.code, d.fixes?.[0]?.edits[0]?.text])).toEqual([
      ['operator-case', 'ew'],
    ]);
    // A list operator takes its parentheses, a presence operator ends an operand.
    expect(parse('name ni "a"').diagnostics.map((d) => d.code)).toEqual(['expected-list']);
    expect(parse('name isempty name eq "a"').diagnostics.map((d) => d.code)).toEqual(['missing-connective']);
  });

  it('is checked by the schema rules and validate, and built by the builder', () => {
    const parsed = parse('name ni ("a", "a")');
    expect(parsed.ok && validate(parsed.ast, schema).map((d) => d.code)).toEqual(['duplicate-value']);
    const f = createFilterBuilder(schema) as unknown as Record<string, (...args: unknown[]) => unknown>;
    expect(String(f.ew!('name', 'x'))).toBe('name ew "x"');
    expect(String(f.ni!('name', ['a', 'b']))).toBe('name ni ("a", "b")');
    expect(String(f.isempty!('name'))).toBe('name isempty');
  });

  it('is highlighted, explained on hover and offered by completion with its meaning', () => {
    const text = 'name isempty and name ew "x"';
    expect(
      filterTokens(text)
        .filter((t) => t.name === 'Operator')
        .map((t) => text.slice(t.from, t.to)),
    ).toEqual(['isempty', 'ew']);
    const state = EditorState.create({ doc: text, extensions: [v3Filters({ schema })] });
    ensureSyntaxTree(state, text.length, 5000);
    const hover = hoverAt(state, schema, text.indexOf('ew') + 1, 1);
    expect(hover?.pos).toBe(text.indexOf('ew'));
    const offered = complete('name ', 5, { schema }).options.map((o) => [o.label, o.detail]);
    expect(offered).toEqual([
      ['eq', 'equals'],
      ['ew', 'ends with (text)'],
      ['ni', 'equals none of a list'],
      ['isempty', 'is an empty string'],
    ]);
    expect(complete('name ni (', 9, { schema }).options.map((o) => o.kind)).toEqual(['value']);
  });
});
