import type { Expression } from '../ast/index.js';
import type { CaseFolding } from '../compile/case-folding.js';
import { tryCompileSqlChunks } from '../compile/sql/compile-sql.js';
import { renderSqlChunks } from '../compile/sql/render.js';
import type { SqlChunks, SqlDialectName, SqlFragment, SqlOptions } from '../compile/sql/types.js';
import type { Diagnostic } from '../diagnostic/diagnostic.js';
import type { Schema } from '../schema/types.js';
import type { ParameterDiagnostic } from '../v3-error/locate.js';

/** A filter's SQL for one statement, or the problems (pointing into `filters`) why there is none. */
export type WhereSql = { readonly fragment: SqlFragment } | { readonly problems: ParameterDiagnostic[] };

/** What the compiled filter depends on besides the filter itself. */
export interface WhereTarget {
  readonly dialect: SqlDialectName;
  readonly table: string | undefined;
  readonly caseFolding: CaseFolding | undefined;
  readonly storage: SqlOptions['storage'];
}

function inFilters(diagnostics: readonly Diagnostic[]): ParameterDiagnostic[] {
  return diagnostics.map((d) => ({ ...d, parameter: 'filters' }));
}

/**
 * A request's filter as SQL: compiled once per dialect and table (chunks, no placeholders), then
 * rendered for each statement at its own parameter offset without compiling again; the rendering
 * at the handler's own offset is kept, so asking again returns the same fragment.
 */
export class FilterSql {
  private readonly compiled = new Map<string, { chunks: SqlChunks } | { problems: ParameterDiagnostic[] }>();
  private readonly rendered = new Map<string, WhereSql>();

  constructor(
    private readonly filter: Expression,
    private readonly schema: Schema,
  ) {}

  /** The chunks for `target`, compiled on first use. */
  chunks(target: WhereTarget): { chunks: SqlChunks } | { problems: ParameterDiagnostic[] } {
    const key = JSON.stringify([target.dialect, target.table ?? null]);
    let compiled = this.compiled.get(key);
    if (compiled === undefined) {
      const result = tryCompileSqlChunks(this.filter, {
        schema: this.schema,
        dialect: target.dialect,
        ...(target.caseFolding !== undefined ? { caseFolding: target.caseFolding } : {}),
        ...(target.table !== undefined ? { table: target.table } : {}),
        ...(target.storage !== undefined ? { storage: target.storage } : {}),
      });
      compiled = result.ok ? { chunks: result } : { problems: inFilters(result.diagnostics) };
      this.compiled.set(key, compiled);
    }
    return compiled;
  }

  /** The fragment for `target` with its placeholders after `parameterOffset` others (default 0). */
  render(target: WhereTarget, parameterOffset: number | undefined): WhereSql {
    const key = JSON.stringify([target.dialect, target.table ?? null, parameterOffset ?? 0]);
    const known = this.rendered.get(key);
    if (known !== undefined) return known;
    const compiled = this.chunks(target);
    if ('problems' in compiled) return compiled;
    const result = renderSqlChunks(compiled.chunks, { parameterOffset: parameterOffset ?? 0 });
    const where: WhereSql = result.ok
      ? {
          fragment:
            result.queryParams === undefined
              ? { sql: result.sql, params: result.params }
              : { sql: result.sql, params: result.params, queryParams: result.queryParams },
        }
      : { problems: inFilters(result.diagnostics) };
    // A handler renders at few offsets; a caller looping over offsets should not grow this forever.
    if (this.rendered.size >= 8) this.rendered.clear();
    this.rendered.set(key, where);
    return where;
  }
}
