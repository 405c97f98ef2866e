import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { Group } from './tokens.js';

/**
 * What Chevrotain knew when it met a syntax error, kept as data. Chevrotain reports errors as
 * message strings; our message provider writes this record as JSON instead, and error-diagnostics.ts
 * turns it into a user-facing diagnostic with a code, in the filter's own words.
 */
export interface ParserErrorInfo {
  readonly kind: 'mismatch' | 'no-viable-alternative' | 'early-exit' | 'not-all-input-parsed';
  readonly ruleName: string;
  /** Names of the token types that would have been accepted. */
  readonly expected: readonly string[];
  /** Offset of the last token before the error, or -1 at the start. */
  readonly previousOffset: number;
}

function names(types: readonly TokenType[]): string[] {
  return [...new Set(types.map((type) => type.name))];
}

function previousOffset(previous: IToken | undefined): number {
  // A group stands for `( ... )`: the token before what follows it is its `)`.
  const offset = previous?.tokenType === Group ? previous.endOffset : previous?.startOffset;
  return typeof offset === 'number' && Number.isFinite(offset) ? offset : -1;
}

/** Thrown (out of the parser) by a message hook when the parse has used up its error budget. */
export class ErrorBudgetExhausted extends Error {
  override readonly name = 'ErrorBudgetExhausted';
}

/** How many more errors the running parse may record (set around each parse by parse-groups.ts). */
let budget = Number.POSITIVE_INFINITY;

/**
 * Lets the next parse record `errors` errors; the hook asked for one more throws
 * {@link ErrorBudgetExhausted}, which Chevrotain does not catch (it is no recognition error), so
 * an input with a million errors costs no more than one with `errors`.
 */
export function setErrorBudget(errors: number): void {
  budget = errors;
}

function spend(): void {
  if (budget <= 0) throw new ErrorBudgetExhausted('too many syntax errors');
  budget--;
}

/** Chevrotain's message hooks, each returning a {@link ParserErrorInfo} as JSON. */
export const structuredMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, previous, ruleName }) {
    spend();
    const info: ParserErrorInfo = {
      kind: 'mismatch',
      ruleName,
      expected: names([expected]),
      previousOffset: previousOffset(previous),
    };
    return JSON.stringify(info);
  },
  buildNotAllInputParsedMessage({ ruleName }) {
    spend();
    const info: ParserErrorInfo = {
      kind: 'not-all-input-parsed',
      ruleName,
      expected: [],
      previousOffset: -1,
    };
    return JSON.stringify(info);
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, previous, ruleName }) {
    spend();
    const info: ParserErrorInfo = {
      kind: 'no-viable-alternative',
      ruleName,
      expected: names(expectedPathsPerAlt.flat().map((path) => path[0]!)),
      previousOffset: previousOffset(previous),
    };
    return JSON.stringify(info);
  },
  buildEarlyExitMessage({ expectedIterationPaths, previous, ruleName }) {
    spend();
    const info: ParserErrorInfo = {
      kind: 'early-exit',
      ruleName,
      expected: names(expectedIterationPaths.map((path) => path[0]!)),
      previousOffset: previousOffset(previous),
    };
    return JSON.stringify(info);
  },
};

/** Reads back the record written by {@link structuredMessages}; undefined for any other message. */
export function readErrorInfo(message: string): ParserErrorInfo | undefined {
  try {
    const value: unknown = JSON.parse(message);
    return typeof value === 'object' && value !== null && 'kind' in value
      ? (value as ParserErrorInfo)
      : undefined;
  } catch {
    return undefined;
  }
}
