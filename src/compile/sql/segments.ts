import type { Expression } from '../../ast/expression.js';
import type { Diagnostic } from '../../diagnostic/diagnostic.js';
import { compileDiagnostic } from '../compile-error.js';
import { tryCompileSql } from './compile-sql.js';
import type { SqlDialectName, SqlOptions, SqlParam } from './types.js';

/**
 * A compiled fragment cut at its placeholders, for query builders that bind values themselves:
 * `texts[0] param[0] texts[1] param[1] … texts[n]` is the fragment (`texts.length` is
 * `params.length + 1`).
 */
export type SqlSegments =
  | {
      readonly ok: true;
      readonly texts: readonly string[];
      readonly params: readonly SqlParam[];
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const DIGIT = /[0-9]/;
const NO_SPAN = { start: 0, end: 0 };

/**
 * Cuts SQL the compiler wrote at its placeholders (`?`, or `$n` for PostgreSQL), skipping quoted
 * identifiers and string literals, where a `?` or `$1` from a column name is only text.
 */
export function splitPlaceholders(sql: string, dialect: SqlDialectName): string[] {
  const texts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === '"' || c === '`' || c === "'") {
      // A quoted run ends at a lone closing quote; a doubled one is an embedded quote.
      i++;
      while (i < sql.length) {
        if (sql[i] === c) {
          if (sql[i + 1] === c) i += 2;
          else break;
        } else i++;
      }
      i++;
    } else if (dialect !== 'postgres' && c === '?') {
      texts.push(sql.slice(start, i));
      start = ++i;
    } else if (dialect === 'postgres' && c === '$' && DIGIT.test(sql[i + 1] ?? '')) {
      texts.push(sql.slice(start, i));
      i++;
      while (DIGIT.test(sql[i] ?? '')) i++;
      start = i;
    } else i++;
  }
  texts.push(sql.slice(start));
  return texts;
}

/** {@link tryCompileSql}, cut at its placeholders. Never throws, whatever it is given. */
export function tryCompileSegments(ast: Expression, options: SqlOptions): SqlSegments {
  const result = tryCompileSql(ast, options);
  if (!result.ok) return result;
  // tryCompileSql succeeded, so `options` is an object with a known dialect.
  const texts = splitPlaceholders(result.sql, options.dialect);
  if (texts.length !== result.params.length + 1) {
    // Cannot happen for the compiler's own output; refuse rather than misplace a value.
    const message = 'The compiled SQL could not be cut at its placeholders.';
    return { ok: false, diagnostics: [compileDiagnostic('compile-malformed-ast', message, NO_SPAN)] };
  }
  return { ok: true, texts, params: result.params, diagnostics: result.diagnostics };
}
