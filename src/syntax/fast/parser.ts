import {
  type CompareOperator,
  createList,
  createPresence,
  type Expression,
  type FieldNode,
  type ListOperator,
  type PresenceOperator,
  type ValueNode,
} from '../../ast/index.js';
import { MAX_LIMITS, type ParseLimits } from '../limits.js';
import { Chain } from './chain.js';
import {
  AND_CODE,
  CLOSE_CODE,
  COMMA_CODE,
  COMPARISON,
  FIELD_CODE,
  LIST,
  NOT_AN_OPERATOR,
  NOT_CODE,
  OPEN_CODE,
  OPERATOR_KINDS,
  OR_CODE,
  PR_CODE,
  type TokenSink,
  WORDS,
} from './token-codes.js';
import { readString, readValue } from './values.js';
import {
  connectiveAt,
  KEYWORD_LENGTHS,
  keywordAt,
  keywordStandsHere,
  lastWordIsPath,
  operatorAt,
  spellsConnective,
  twoLetterKeyword,
  wordEnd,
} from './words.js';

/**
 * The fast path of `parse`: one pass over the text that reads a well-formed filter straight into
 * its tree, with no token objects, no token buffer and no Chevrotain. It is the grammar of
 * `FilterParser` (full/parser.ts), written by hand for filters that are written correctly:
 *
 *   expression = operand { ("and" | "or") operand }
 *   operand    = { "not" } ( "(" expression ")" | "pr" field
 *              | field ( compare-op value | list-op "(" value {"," value} ")" | presence-op ) )
 *
 * Every choice is made on the next character or word (the grammar is LL(1)), and it reads a token
 * only where the full lexer would read the same token and say nothing. At the first character or
 * word the full lexer would treat with a diagnostic, a heuristic or a repair (wrong case, foreign
 * operators, single quotes, bare words, a keyword used as a field, a bad escape, an impossible
 * date...), at the first syntax error, and where a limit might be exceeded, it returns undefined,
 * and `parse` reads the filter again on the full path, which alone writes diagnostics. Its limits
 * are measured as the structure pass measures them: depth as open parentheses plus pending
 * `not`s, every operator token against `maxComparisons`, the values of each list.
 *
 * It never recurses: an open parenthesis pushes a {@link Chain} on an explicit stack and its `)`
 * pops it, and the `not`s before an operand are kept in an array until the operand ends, so the
 * call stack it needs is the same at any depth. Everything it reuses between parses (the chains,
 * the `not`s) is module state: a parse runs to its end before the next starts.
 *
 * `sink`, when given, receives every token read (internal.ts: the test that holds them to the
 * full lexer's). Returns the tree, or undefined where the full path must read the filter.
 */
export function fastParseText(text: string, limits: ParseLimits, sink?: TokenSink): Expression | undefined {
  const n = text.length;
  const { maxDepth, maxComparisons } = limits;
  let comparisons = 0;
  let depth = 0;
  let notCount = 0;
  let pos = skipSpaces(text, 0);
  let chain = chains[0]!;
  chain.reset(pos, 0);
  for (;;) {
    // An operand: `not`s and `(`s, then a predicate or `pr field`.
    let end: number;
    let code: number;
    for (;;) {
      if (pos < n && text.charCodeAt(pos) === 40) {
        if (++depth + notCount > maxDepth) return undefined;
        if (sink !== undefined) sink.token(OPEN_CODE, pos, pos + 1, undefined);
        pos++;
        if (pos < n && text.charCodeAt(pos) <= 32) pos = skipSpaces(text, pos);
        if (depth === chains.length) chains.push(new Chain());
        chain = chains[depth]!;
        chain.reset(pos, notCount);
        continue;
      }
      end = wordEnd(text, pos);
      if (end === pos) return undefined;
      code = keywordAt(text, pos, end);
      if (code !== NOT_CODE) break;
      if (!keywordStandsHere(text, true, end)) return undefined;
      notStarts[notCount++] = pos;
      if (depth + notCount > maxDepth) return undefined;
      if (sink !== undefined) sink.token(NOT_CODE, pos, end, undefined);
      pos = end < n && text.charCodeAt(end) === 32 ? end + 1 : end;
      if (pos < n && text.charCodeAt(pos) <= 32) pos = skipSpaces(text, pos);
    }
    const start = pos;
    let operand: Expression;
    if (code === PR_CODE) {
      // `pr field`
      if (!keywordStandsHere(text, false, end) || ++comparisons > maxComparisons) return undefined;
      if (sink !== undefined) sink.token(PR_CODE, start, end, undefined);
      const fieldStart = skipSpaces(text, end);
      pos = wordEnd(text, fieldStart);
      const field = keywordAt(text, fieldStart, pos) < 0 ? readField(text, fieldStart, pos, sink) : undefined;
      if (field === undefined) return undefined;
      operand = createPresence(field, 'pr', { start, end }, { start, end: pos });
    } else {
      const field = code < 0 ? readField(text, start, end, sink) : undefined;
      if (field === undefined) return undefined;
      // Tokens are mostly one space apart: that space is stepped over here, without a call.
      let opStart = end < n && text.charCodeAt(end) === 32 ? end + 1 : end;
      if (opStart < n && text.charCodeAt(opStart) <= 32) opStart = skipSpaces(text, opStart);
      // A two-letter operator and a space, the common case, by the letters' table without a call.
      const op =
        opStart + 2 < n && text.charCodeAt(opStart + 2) === 32
          ? twoLetterKeyword(text.charCodeAt(opStart), text.charCodeAt(opStart + 1))
          : operatorAt(text, opStart);
      // What the operator builds comes from the operator table, by code (-1: no keyword here).
      const kind = op < 0 ? NOT_AN_OPERATOR : OPERATOR_KINDS[op]!;
      if (kind === NOT_AN_OPERATOR || ++comparisons > maxComparisons) return undefined;
      const opEnd = opStart + KEYWORD_LENGTHS[op]!;
      if (sink !== undefined) sink.token(op, opStart, opEnd, undefined);
      const opSpan = { start: opStart, end: opEnd };
      if (kind === COMPARISON) {
        let valueStart = opEnd < n && text.charCodeAt(opEnd) === 32 ? opEnd + 1 : opEnd;
        if (valueStart < n && text.charCodeAt(valueStart) <= 32) valueStart = skipSpaces(text, valueStart);
        // A string, the most common value, without the call that dispatches on the first character.
        const value =
          valueStart < n && text.charCodeAt(valueStart) === 34
            ? readString(text, valueStart, sink)
            : readValue(text, valueStart, sink);
        if (value === undefined) return undefined;
        pos = value.span.end;
        operand = {
          kind: 'comparison',
          field,
          operator: WORDS[op] as CompareOperator,
          operatorSpan: opSpan,
          value,
          span: { start, end: pos },
        };
      } else if (kind === LIST) {
        const values = readList(text, skipSpaces(text, opEnd), limits.maxListValues, sink);
        if (values === undefined) return undefined;
        pos = listEnd;
        operand = createList(field, WORDS[op] as ListOperator, opSpan, values, { start, end: pos });
      } else {
        pos = opEnd;
        operand = createPresence(field, WORDS[op] as PresenceOperator, opSpan, { start, end: pos });
      }
    }
    // After an operand: its `not`s apply, `)`s close groups, a connective calls for the next one.
    let operandEnd = pos;
    for (;;) {
      while (notCount > chain.notMark) {
        operand = { kind: 'not', operand, span: { start: notStarts[--notCount]!, end: operandEnd } };
      }
      chain.add(operand, operandEnd);
      if (pos < n && text.charCodeAt(pos) === 32) pos++;
      if (pos < n && text.charCodeAt(pos) <= 32) pos = skipSpaces(text, pos);
      if (pos === n) return depth === 0 ? chain.close() : undefined;
      if (text.charCodeAt(pos) === 41) {
        if (depth === 0) return undefined;
        if (sink !== undefined) sink.token(CLOSE_CODE, pos, pos + 1, undefined);
        operand = chain.close();
        chain = chains[--depth]!;
        operandEnd = ++pos;
        continue;
      }
      // `and ` or `or `, the common case, spelled here without a call.
      const c0 = text.charCodeAt(pos);
      const connective =
        pos + 3 < n && c0 === 111 && text.charCodeAt(pos + 1) === 114 && text.charCodeAt(pos + 2) === 32
          ? OR_CODE
          : pos + 4 < n &&
              c0 === 97 &&
              text.charCodeAt(pos + 1) === 110 &&
              text.charCodeAt(pos + 2) === 100 &&
              text.charCodeAt(pos + 3) === 32
            ? AND_CODE
            : connectiveAt(text, pos);
      if (connective < 0) return undefined;
      const wordEndAt = pos + (connective === AND_CODE ? 3 : 2);
      if (sink !== undefined) sink.token(connective, pos, wordEndAt, undefined);
      chain.connective(connective === AND_CODE);
      pos = wordEndAt < n && text.charCodeAt(wordEndAt) === 32 ? wordEndAt + 1 : wordEndAt;
      if (pos < n && text.charCodeAt(pos) <= 32) pos = skipSpaces(text, pos);
      chain.operandStart = pos;
      break;
    }
  }
}

/** The chain at each depth, `chains[0]` for the whole filter. */
const chains: Chain[] = [new Chain()];

/**
 * The start offsets of the `not`s read and not yet applied, at every level, innermost last. The
 * parse stops at a depth above `maxDepth`, and these count towards it: MAX_LIMITS bounds them.
 */
const notStarts = new Int32Array(MAX_LIMITS.maxDepth + 2);

/** The offset after the `)` of the last list {@link readList} read. */
let listEnd = 0;

/**
 * The offset of the first character at or after `pos` that is no space, tab or line break (or the
 * end). No read here, nor anywhere on the fast path, goes past the end of the text: `charCodeAt`
 * out of range answers NaN, but deoptimizes the function that does it (V8), which then runs slower.
 */
function skipSpaces(text: string, pos: number): number {
  let i = pos;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i++;
  }
  return i;
}

/**
 * The field of the word `text[start, end)`, no keyword (the caller knows), as {@link wordEnd}
 * just read it; undefined where the full lexer reads no plain field: no field path, or `AND`,
 * `Or`, `NOT`.
 */
function readField(
  text: string,
  start: number,
  end: number,
  sink: TokenSink | undefined,
): FieldNode | undefined {
  if (end === start || !lastWordIsPath()) return undefined;
  // `AND`, `Or`, `NOT` are two or three letters: longer fields need no call to rule them out.
  if (end - start < 4 && spellsConnective(text, start, end)) return undefined;
  const name = text.slice(start, end);
  if (sink !== undefined) sink.token(FIELD_CODE, start, end, name);
  return { kind: 'field', name, span: { start, end } };
}

/**
 * The values of the list whose `(` is at `open`, or undefined where it is no well-formed list of
 * at most `maxListValues` values. Sets {@link listEnd}.
 */
function readList(
  text: string,
  open: number,
  maxListValues: number,
  sink: TokenSink | undefined,
): ValueNode[] | undefined {
  if (open === text.length || text.charCodeAt(open) !== 40) return undefined;
  if (sink !== undefined) sink.token(OPEN_CODE, open, open + 1, undefined);
  const values: ValueNode[] = [];
  let pos = open;
  for (;;) {
    if (values.length === maxListValues) return undefined;
    const value = readValue(text, skipSpaces(text, pos + 1), sink);
    if (value === undefined) return undefined;
    values.push(value);
    pos = skipSpaces(text, value.span.end);
    const c = pos < text.length ? text.charCodeAt(pos) : -1;
    if (c === 41) break;
    if (c !== 44) return undefined;
    if (sink !== undefined) sink.token(COMMA_CODE, pos, pos + 1, undefined);
  }
  if (sink !== undefined) sink.token(CLOSE_CODE, pos, pos + 1, undefined);
  listEnd = pos + 1;
  return values;
}
