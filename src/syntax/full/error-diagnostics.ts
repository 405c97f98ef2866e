import { EOF, type IRecognitionException, type IToken } from 'chevrotain';
import { type Diagnostic, error, quote, replaceFix } from '../../diagnostic/index.js';
import { operatorListText } from '../../language/operator-text.js';
import { readErrorInfo } from './parser-messages.js';
import * as T from './tokens.js';

/** The operators as the parser's messages list them: `` `eq`, `ne`, ... `pr` or `isnull` ``. */
const OPERATORS = operatorListText((word) => `\`${word}\``);

/**
 * What the parser expects only right after a field: the comparison category, or a presence
 * operator that cannot start an operand (where `pr` alone is expected, a field may follow it).
 */
const AFTER_FIELD: ReadonlySet<string> = new Set(
  [T.CompareOperatorToken, ...T.postfixPresenceTokens].map((type) => type.name),
);

function isEnd(token: IToken): boolean {
  return token.tokenType === EOF || token.image === '';
}

/** Names a token the way the filter writes it: quoted text, or "end of input". */
function describe(token: IToken): string {
  return isEnd(token) ? 'end of input' : quote(token.image);
}

/** Tokens after which an operand is still owed. */
function closesNothing(token: IToken): boolean {
  const type = token.tokenType;
  return isEnd(token) || type === T.And || type === T.Or || type === T.RParen || type === T.Comma;
}

/**
 * Turns one Chevrotain recognition error into a diagnostic with a stable code and a message in
 * the filter's own terms ("Missing value after `eq`", never a token type name).
 */
export function toDiagnostic(text: string, exception: IRecognitionException): Diagnostic {
  const token = exception.token;
  // A group (parsed already) is named and placed by its `(`.
  const at = isEnd(token)
    ? { start: text.length, end: text.length }
    : {
        start: token.startOffset,
        end: token.tokenType === T.Group ? token.startOffset + 1 : token.endOffset! + 1,
      };
  const info = readErrorInfo(exception.message);
  const previousOffset = info?.previousOffset ?? -1;
  const previous = previousOffset >= 0 ? wordAt(text, previousOffset) : undefined;
  const expected = new Set(info?.expected ?? []);
  // Where a group may stand, so may its `(`.
  if (expected.has(T.Group.name)) expected.add(T.LParen.name);
  const found = describe(token);

  if (info?.kind === 'not-all-input-parsed') {
    return error('unexpected-token', `Expected \`and\`, \`or\` or end of input, found ${found}`, at);
  }
  if (expected.has(T.LiteralToken.name) || expected.has(T.StringLiteral.name)) {
    return closesNothing(token)
      ? error('missing-value', `Missing value after ${previous ? quote(previous) : 'the operator'}`, at)
      : error(
          'expected-value',
          `Expected a value (a string, number, boolean or date-time), found ${found}`,
          at,
        );
  }
  if ([...expected].some((name) => AFTER_FIELD.has(name))) {
    return error(
      'missing-operator',
      `Expected an operator after field ${previous ? quote(previous) : ''}: ${OPERATORS}; found ${found}`,
      at,
    );
  }
  if (info?.ruleName === 'predicate' && expected.has(T.LParen.name)) {
    const fixes = !closesNothing(token)
      ? [replaceFix('Put the value in parentheses', at, `(${token.image})`)]
      : undefined;
    return error(
      'expected-list',
      `${previous ? quote(previous) : 'This operator'} takes a list in parentheses, e.g. \`("a", "b")\`; found ${found}`,
      at,
      fixes,
    );
  }
  if (expected.has(T.Identifier.name) && !expected.has(T.LParen.name)) {
    return error('missing-field', `Expected a field name after \`pr\`, found ${found}`, at);
  }
  if (expected.has(T.Identifier.name)) {
    if (closesNothing(token)) {
      const message =
        previousOffset < 0
          ? 'Missing comparison at the start of the filter'
          : `Missing comparison after ${quote(previous ?? '')}`;
      return error('missing-operand', message, at);
    }
    return error('expected-field', `Expected a field name, \`not\` or \`(\`, found ${found}`, at);
  }
  if (expected.has(T.RParen.name) || expected.has(T.Comma.name)) {
    const what = expected.has(T.Comma.name) ? '`,` or `)`' : '`and`, `or` or `)`';
    return error('unexpected-token', `Expected ${what}, found ${found}`, at);
  }
  return error('unexpected-token', `Unexpected ${found}`, at);
}

/** The word or symbol that starts at `offset` (for naming the token before an error). */
function wordAt(text: string, offset: number): string {
  let end = offset;
  while (end < text.length && !/[\s(),]/.test(text[end]!)) end++;
  return text.slice(offset, Math.max(end, offset + 1));
}
