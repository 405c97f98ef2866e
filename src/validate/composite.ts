import type { AndNode, CompositeOperator, NotNode, OrNode, Span } from '../ast/index.js';
import { type Diagnostic, quote } from '../diagnostic/index.js';
import { listWords } from '../schema/suggest.js';
import { validationError } from './codes.js';

function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
  );
}

/**
 * Where the first `and`/`or` keyword of a node is written: found in the text between its first
 * two operands when the text is known, else that whole gap (which holds the keyword and any
 * parentheses around it).
 */
export function keywordSpan(node: AndNode | OrNode, text: string | undefined): Span {
  const first = node.operands[0];
  const second = node.operands[1];
  if (!first || !second) return node.span;
  const gap = { start: first.span.end, end: second.span.start };
  if (text === undefined) return gap;
  const keyword = node.kind;
  for (
    let at = text.indexOf(keyword, gap.start);
    at >= 0 && at + keyword.length <= gap.end;
    at = text.indexOf(keyword, at + 1)
  ) {
    const before = at > 0 ? text.charCodeAt(at - 1) : Number.NaN;
    const after = text.charCodeAt(at + keyword.length);
    if (!isWordChar(before) && !isWordChar(after)) return { start: at, end: at + keyword.length };
  }
  return gap;
}

/** A composite-not-allowed diagnostic for `node`, or undefined when its operator is allowed. */
export function checkComposite(
  node: AndNode | OrNode | NotNode,
  allowed: readonly CompositeOperator[] | undefined,
  text: string | undefined,
): Diagnostic | undefined {
  if (!allowed || allowed.includes(node.kind)) return undefined;
  const where: Span =
    node.kind === 'not' ? { start: node.span.start, end: node.span.start + 3 } : keywordSpan(node, text);
  const rest =
    allowed.length === 0
      ? 'this endpoint takes a single condition, not a combination'
      : `this endpoint allows only ${listWords(allowed, quote)}`;
  return validationError('composite-not-allowed', `${quote(node.kind)} is not allowed: ${rest}`, where);
}
