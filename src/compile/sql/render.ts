import type { Span } from '../../ast/span.js';
import { quote } from '../../diagnostic/text.js';
import { compileDiagnostic } from '../compile-error.js';
import { countParams, type SqlChunk, SqlNode, type SqlParam, type SqlPiece, walkSql } from './chunks.js';
import type { SqlDialect } from './dialect.js';
import { sqlDialect } from './dialects.js';
import type { SqlChunks, SqlRenderOptions, SqlResult } from './types.js';

const NO_SPAN: Span = { start: 0, end: 0 };

/**
 * The `sql-too-many-parameters` problem when `count` values after `offset` others exceed what
 * the dialect binds, or undefined.
 */
export function tooManyParameters(dialect: SqlDialect, count: number, offset: number, span: Span) {
  if (offset + count <= dialect.maxParameters) return undefined;
  const before = offset > 0 ? ` after the ${offset} before it (parameterOffset)` : '';
  const message = `The filter has ${count} values${before}; ${dialect.name} binds at most ${dialect.maxParameters}.`;
  return compileDiagnostic('sql-too-many-parameters', message, span);
}

/**
 * Writes compiled SQL (a piece, or chunks) as one text with the dialect's placeholders numbered
 * from `offset + 1`, and the values in placeholder order. `count` is how many values it binds.
 */
export function renderChecked(
  dialect: SqlDialect,
  root: SqlPiece,
  count: number,
  offset: number,
  span: Span,
): SqlResult {
  const problem = tooManyParameters(dialect, count, offset, span);
  if (problem !== undefined) return { ok: false, diagnostics: [problem] };
  let text = '';
  const params: SqlParam[] = [];
  const { paramName } = dialect;
  // Null-prototype: a parameter name can never reach Object.prototype.
  const named: Record<string, SqlParam> | undefined =
    paramName === undefined ? undefined : Object.create(null);
  walkSql(
    root,
    (piece) => {
      text += piece;
    },
    (param) => {
      params.push(param.value);
      const position = offset + params.length;
      if (named !== undefined) named[paramName!(position)] = param.value;
      text += dialect.placeholder(position, param);
    },
  );
  if (named === undefined) return { ok: true, sql: text, params, diagnostics: [] };
  return { ok: true, sql: text, params, queryParams: { ...named }, diagnostics: [] };
}

function invalid(message: string): SqlResult {
  return { ok: false, diagnostics: [compileDiagnostic('compile-invalid-option', message, NO_SPAN)] };
}

function isChunk(chunk: unknown): chunk is SqlChunk {
  if (typeof chunk === 'string') return true;
  if (typeof chunk !== 'object' || chunk === null) return false;
  const value = (chunk as { value?: unknown }).value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Renders compiled chunks (from `compileSqlChunks`) as `{ ok: true, sql, params }` with the
 * placeholders numbered after `parameterOffset` others, as `tryCompileSql` would have compiled
 * them with that offset: the same filter can be placed in any statement without compiling it
 * again. `{ ok: false, diagnostics }` when the offset is not a whole number from 0 to the
 * dialect's bind limit (`compile-invalid-option`), or the values do not fit after it
 * (`sql-too-many-parameters`). Never throws, whatever it is given.
 *
 * @example
 * const compiled = compileSqlChunks(ast, { schema, dialect: 'postgres' });
 * renderSqlChunks(compiled, { parameterOffset: 1 }); // { ok: true, sql: 'lower("status") = lower($2::text)', ... }
 */
export function renderSqlChunks(compiled: SqlChunks, options: SqlRenderOptions = {}): SqlResult {
  try {
    const dialect = sqlDialect(compiled.dialect);
    if (dialect === undefined) return invalid(`Unknown SQL dialect ${quote(String(compiled.dialect))}.`);
    const offset = options.parameterOffset ?? 0;
    if (!(Number.isInteger(offset) && offset >= 0 && offset <= dialect.maxParameters)) {
      return invalid(
        `The option \`parameterOffset\` must be a whole number from 0 to ${dialect.maxParameters}; it is ${quote(String(offset))}.`,
      );
    }
    const chunks: unknown = compiled.chunks;
    if (!Array.isArray(chunks) || !chunks.every(isChunk))
      return invalid('The chunks are not compiled SQL chunks.');
    const root = new SqlNode(chunks);
    return renderChecked(dialect, root, countParams(root), offset, compiled.span ?? NO_SPAN);
  } catch {
    return invalid('The chunks are not compiled SQL chunks.');
  }
}
