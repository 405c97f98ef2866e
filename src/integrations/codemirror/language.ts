import { defineLanguageFacet, HighlightStyle, Language, languageDataProp } from '@codemirror/language';
import {
  type Input,
  NodeProp,
  NodeSet,
  NodeType,
  Parser,
  type PartialParse,
  Tree,
  type TreeFragment,
} from '@lezer/common';
import { styleTags, tags } from '@lezer/highlight';
import { loadFullParse } from '../../syntax/full-path-loader.js';
import { MAX_LIMITS } from '../../syntax/limits.js';

/**
 * The editor's syntax tree is built from the project's own lexer (`src/syntax/full/lexer.ts`), not
 * from a second grammar: a flat list of token nodes under one `Filter` node. Why a Lezer `Parser`
 * and not a ViewPlugin of mark decorations or a `StreamLanguage`: the lexer is stateful across
 * the whole text (a word after `eq` is a value, after a field an operator, inside `in (...)` a
 * list item), which a line-by-line stream tokenizer cannot express, while a real syntax tree
 * makes highlighting follow the user's theme (`HighlightStyle`), gives bracket matching through
 * `NodeProp.closedBy`, and lets completion and hover ask `syntaxTree()` what sits at a position,
 * exactly as the `@codemirror/lang-*` packages do. Filters are short (4,096 characters by default),
 * and the lexer is linear, so the text is re-lexed on each change, up to {@link EDITOR_MAX_LENGTH}:
 * the rest of a longer document is left plain (and lint and completion stop there too), so that a
 * pasted megabyte costs each keystroke no more than 64 KiB does.
 */

/**
 * The most characters the editor reads: its syntax tree (highlighting, bracket matching, hover)
 * covers the first 65,536 only, lint answers a longer document with one notice instead of
 * checking it, and completion offers nothing past it. 16 times the parser's default `maxLength`,
 * as `complete`'s own default.
 */
export const EDITOR_MAX_LENGTH = 65_536;

/** The node names of the editor's syntax tree, one per token class. */
export const NODE_NAMES = [
  'Filter',
  'Field',
  'Operator',
  'Connective',
  'Not',
  'String',
  'Number',
  'DateTime',
  'Boolean',
  '(',
  ')',
  ',',
] as const;

/** The name of a node of the editor's syntax tree. */
export type FilterNodeName = (typeof NODE_NAMES)[number];

const id = (name: FilterNodeName): number => NODE_NAMES.indexOf(name);

const languageData = defineLanguageFacet({
  closeBrackets: { brackets: ['(', '"'] },
  // Field names are dotted paths with `_` and `-`: completion words include them.
  wordChars: '._-',
});

const nodeSet = new NodeSet(
  NODE_NAMES.map((name, index) =>
    NodeType.define({
      id: index,
      name,
      top: index === 0,
      props:
        name === '('
          ? [[NodeProp.closedBy, [')']]]
          : name === ')'
            ? [[NodeProp.openedBy, ['(']]]
            : index === 0
              ? [[languageDataProp, languageData]]
              : [],
    }),
  ),
).extend(
  styleTags({
    Field: tags.propertyName,
    Operator: tags.operatorKeyword,
    'Connective Not': tags.controlKeyword,
    String: tags.string,
    Number: tags.number,
    DateTime: tags.literal,
    Boolean: tags.bool,
    '( )': tags.paren,
    ',': tags.separator,
  }),
);

let nodeOfTokenCache: ReadonlyMap<unknown, number> | undefined;

/**
 * The tree node of each token type, made on first use: the token types come with Chevrotain,
 * which the package loads lazily (through the same boundary as `parse`'s full pipeline), so
 * that importing `v3-filters` beside this entry does not load it.
 */
function nodeOfToken(): ReadonlyMap<unknown, number> {
  if (nodeOfTokenCache) return nodeOfTokenCache;
  const T = loadFullParse().tokens;
  nodeOfTokenCache = new Map<unknown, number>([
    [T.Identifier, id('Field')],
    [T.And, id('Connective')],
    [T.Or, id('Connective')],
    [T.Not, id('Not')],
    [T.StringLiteral, id('String')],
    [T.NumberLiteral, id('Number')],
    [T.DateTimeLiteral, id('DateTime')],
    [T.True, id('Boolean')],
    [T.False, id('Boolean')],
    [T.LParen, id('(')],
    [T.RParen, id(')')],
    [T.Comma, id(',')],
    // Every primitive operator of the language's table.
    ...[...T.primitiveOperatorTokens].map((type) => [type, id('Operator')] as [unknown, number]),
  ]);
  return nodeOfTokenCache;
}

/** One classified token: what the highlighter and the tree see. */
export interface FilterToken {
  readonly name: Exclude<FilterNodeName, 'Filter'>;
  readonly from: number;
  readonly to: number;
}

/**
 * The tokens of `text` as the project's lexer reads them, repairs included (`EQ` is an operator,
 * a bare word after `eq` a string), in order, without overlaps or empty tokens. Linear in the
 * text; on more than the lexer's maximum number of errors the rest is left untokenized.
 */
export function filterTokens(text: string): FilterToken[] {
  const { tokens } = loadFullParse().lex(text, MAX_LIMITS.maxErrors);
  const nodes = nodeOfToken();
  const out: FilterToken[] = [];
  let last = 0;
  for (const token of tokens) {
    const from = token.startOffset;
    const to = (token.endOffset ?? from) + 1;
    const node = nodes.get(token.tokenType);
    // Zero-width repairs (a missing `,`) and anything out of order carry no text to colour.
    if (node === undefined || to <= from || from < last) continue;
    out.push({ name: NODE_NAMES[node] as FilterToken['name'], from, to });
    last = to;
  }
  return out;
}

/** The tree of a document of `length` characters, from the tokens of its first part, `text`. */
function buildTree(text: string, length: number): Tree {
  const buffer: number[] = [];
  for (const token of filterTokens(text)) buffer.push(id(token.name), token.from, token.to, 4);
  return Tree.build({ buffer, nodeSet, topID: id('Filter'), length });
}

/** A one-shot parse: the lexer reads the document (its first {@link EDITOR_MAX_LENGTH} characters) at once. */
class FilterParse implements PartialParse {
  parsedPos = 0;
  stoppedAt: number | null = null;

  constructor(private readonly input: Input) {}

  advance(): Tree {
    const length = this.input.length;
    const text = this.input.read(0, Math.min(length, EDITOR_MAX_LENGTH));
    this.parsedPos = length;
    return buildTree(text, length);
  }

  stopAt(pos: number): void {
    this.stoppedAt = pos;
  }
}

class FilterParser extends Parser {
  override createParse(
    input: Input,
    _fragments: readonly TreeFragment[],
    _ranges: readonly { from: number; to: number }[],
  ): PartialParse {
    return new FilterParse(input);
  }
}

/** The `filters` language for CodeMirror 6: its syntax tree comes from the project's lexer. */
export const filtersLanguage = new Language(languageData, new FilterParser(), [], 'v3-filters');

/**
 * Colours for the tags the language uses, for editors without a theme that styles them
 * (CodeMirror's default style leaves property names plain). Add it with
 * `syntaxHighlighting(filtersHighlightStyle)`.
 */
export const filtersHighlightStyle = HighlightStyle.define([
  { tag: tags.propertyName, color: '#1f5fa8' },
  { tag: tags.operatorKeyword, color: '#8a2be2', fontWeight: 'bold' },
  { tag: tags.controlKeyword, color: '#a4237a', fontWeight: 'bold' },
  { tag: tags.string, color: '#a11' },
  { tag: tags.number, color: '#164' },
  { tag: tags.literal, color: '#0b7261' },
  { tag: tags.bool, color: '#219' },
  { tag: [tags.paren, tags.separator], color: '#555' },
]);
