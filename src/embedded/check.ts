/**
 * Checks filter text written in a JavaScript literal, for the ESLint rule and the TypeScript
 * plugin alike: the literal is cooked ({@link cookLiteral}), parsed and validated as the program
 * will send it, and every problem and fix is mapped back onto the source characters.
 */
import type { Span } from '../ast/span.js';
import type { Diagnostic, Fix } from '../diagnostic/diagnostic.js';
import type { Schema } from '../schema/types.js';
import { parse } from '../syntax/parse.js';
import { validate } from '../validate/validate.js';
import { type CookedText, cookLiteral, type LiteralKind, type SourcePiece, sourceSpan } from './cook.js';

/** A literal holding filter text, as the caller found it in a source file. */
export interface EmbeddedLiteral {
  /** The whole source file's text. */
  readonly source: string;
  /** The literal's body: one piece, or n + 1 for a template with n substitutions. */
  readonly pieces: readonly SourcePiece[];
  readonly kind: LiteralKind;
  /** The quote of a string literal (`"` or `'`), which a fix's text must escape. */
  readonly quote?: string;
}

/** A fix as source edits: `safe` when it keeps every value as written (an ESLint fix), else a suggestion. */
export interface EmbeddedFix {
  readonly message: string;
  readonly edits: readonly { readonly span: Span; readonly text: string }[];
  readonly safe: boolean;
}

/** A library diagnostic placed in the source file. */
export interface EmbeddedProblem {
  readonly code: Diagnostic['code'];
  readonly severity: Diagnostic['severity'];
  readonly message: string;
  /** Where the offending characters are in the source file. */
  readonly span: Span;
  /** Where they are in the cooked filter text. */
  readonly filterSpan: Span;
  readonly fixes: readonly EmbeddedFix[];
}

/** The outcome of checking: the cooked text (absent when the literal has a malformed escape) and the problems. */
export interface EmbeddedCheck {
  readonly cooked: CookedText | undefined;
  readonly problems: readonly EmbeddedProblem[];
}

/**
 * What stands for a substitution while the text is checked: inside an open string, letters
 * (so the string stays one string); elsewhere a string value. Either way the problems that touch
 * it are not reported, since its run-time value is unknown. The returned function is handed the
 * cooked text so far, which only grows, and reads each character once (linear in the literal,
 * however many substitutions it has).
 */
export function placeholders(): (prefix: string) => string {
  let read = 0;
  let inString = false;
  let escaped = false;
  return (prefix) => {
    for (; read < prefix.length; read++) {
      const c = prefix[read];
      if (escaped) escaped = false;
      else if (c === '\\' && inString) escaped = true;
      else if (c === '"') inString = !inString;
    }
    return inString ? 'x' : '"x"';
  };
}

/** Cooks a literal with {@link placeholders} standing for each substitution. */
export function cookEmbedded(literal: EmbeddedLiteral): CookedText | undefined {
  return cookLiteral(literal.source, literal.pieces, literal.kind, placeholders());
}

const touches = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const touchesHole = (cooked: CookedText, span: Span) =>
  cooked.holes.some(
    (hole) =>
      touches(span, hole) || (span.start === span.end && span.start > hole.start && span.start < hole.end),
  );

/** `text` written so that the literal reads it back as is. */
export function escapeForLiteral(text: string, kind: LiteralKind, quote = '"'): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') out += '\\\\';
    else if (kind === 'string' && c === quote) out += `\\${c}`;
    else if (kind === 'string' && c === '\n') out += '\\n';
    else if (kind === 'string' && c === '\r') out += '\\r';
    else if (kind === 'template' && c === '`') out += '\\`';
    else if (kind === 'template' && c === '$' && text[i + 1] === '{') out += '\\$';
    else out += c;
  }
  return out;
}

function placeFix(
  literal: EmbeddedLiteral,
  cooked: CookedText,
  fix: Fix,
  syntax: boolean,
): EmbeddedFix | undefined {
  if (fix.edits.some((edit) => touchesHole(cooked, edit.span))) return undefined;
  return {
    message: fix.message,
    edits: fix.edits.map((edit) => ({
      span: sourceSpan(cooked, edit.span),
      text: escapeForLiteral(edit.text, literal.kind, literal.quote),
    })),
    safe: syntax && fix.suggestion !== true,
  };
}

/**
 * Parses the literal's filter text and, with a schema, validates it; returns each problem placed
 * in the source, except those that touch a substitution (its value is known only at run time).
 * A literal with a malformed escape gives no problem here (the JavaScript parser reports it).
 */
export function checkEmbedded(literal: EmbeddedLiteral, schema?: Schema): EmbeddedCheck {
  const cooked = cookEmbedded(literal);
  if (cooked === undefined) return { cooked, problems: [] };
  const parsed = parse(cooked.text);
  const found: [Diagnostic, boolean][] = parsed.diagnostics.map((d) => [d, true]);
  if (parsed.ok && schema !== undefined) {
    for (const d of validate(parsed.ast, schema, { text: cooked.text })) found.push([d, false]);
  }
  const problems: EmbeddedProblem[] = [];
  for (const [diagnostic, syntax] of found) {
    if (touchesHole(cooked, diagnostic.span)) continue;
    const fixes: EmbeddedFix[] = [];
    for (const fix of diagnostic.fixes ?? []) {
      const placed = placeFix(literal, cooked, fix, syntax);
      if (placed) fixes.push(placed);
    }
    problems.push({
      code: diagnostic.code,
      severity: diagnostic.severity,
      message: diagnostic.message,
      span: sourceSpan(cooked, diagnostic.span),
      filterSpan: diagnostic.span,
      fixes,
    });
  }
  problems.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { cooked, problems };
}
