import { and, eq } from 'drizzle-orm';
import { int, mysqlTable, QueryBuilder, varchar } from 'drizzle-orm/mysql-core';
import { Kysely, PostgresDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { compileSql, parse, type SqlOptions, workflowExecutionsSchema } from '../../src/index.js';
import { drizzleFilter } from '../../src/integrations/drizzle/index.js';
import { kyselyFilter } from '../../src/integrations/kysely/index.js';
import type { Schema } from '../../src/schema/types.js';
import { readManual } from '../support/manual.js';

/** The README's MySQL and query-builder examples say "real output": recomputed here. */
const readme = readManual();

/** The body of the first fenced block of `language` that follows `marker` in the README. */
function blockAfter(marker: string, language: string): string {
  const at = readme.indexOf(marker);
  expect(at, marker).toBeGreaterThanOrEqual(0);
  const open = readme.indexOf(`\`\`\`${language}\n`, at);
  const close = readme.indexOf('\n```', open + 4);
  return readme.slice(open + language.length + 4, close + 1);
}

function ast(text: string) {
  const result = parse(text);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.ast;
}

const shownParams = (params: readonly unknown[]) => JSON.stringify(params).replace(/","/g, '", "');

function checkEntries(block: string, schema: Schema): void {
  const entries = block.trim().split('\n\n');
  expect(entries.length).toBeGreaterThanOrEqual(3);
  for (const entry of entries) {
    const [head, sqlLine, paramsLine] = entry.split('\n') as [string, string, string];
    const withOptions = /^(.*?)\s{2,}with (\{.*\})$/.exec(head);
    const filter = withOptions ? withOptions[1]! : head;
    const extra = withOptions
      ? (JSON.parse(withOptions[2]!.replace(/(\w+):/g, '"$1":').replace(/'/g, '"')) as Partial<SqlOptions>)
      : {};
    const compiled = compileSql(ast(filter), { schema, dialect: 'mysql', ...extra });
    expect(`  sql:    ${compiled.sql}`, filter).toBe(sqlLine);
    expect(`  params: ${shownParams(compiled.params)}`, filter).toBe(paramsLine);
  }
}

const parsed = ast('status eq "Failed" and start_time ge 2022-02-07T20:13:29Z');

describe('the README MySQL and query-builder examples are real output', () => {
  it('MySQL worked examples', () => {
    checkEntries(blockAfter('**MySQL / MariaDB**\n', 'text'), workflowExecutionsSchema);
    const more: Schema = {
      fields: {
        id: { type: 'string', caseSensitive: true, operators: ['eq'] },
        name: { type: 'string', caseSensitive: true, operators: ['co'] },
        tags: { type: 'string', collection: true, operators: ['eq'] },
      },
    };
    checkEntries(blockAfter('and with a case-sensitive `id`', 'text'), more);
  });

  it('Kysely', () => {
    interface Tables {
      executions: { id: number; tenant: string; status: string; start_time: string };
    }
    // Compiling needs no connection: the pool is never asked for one.
    const db = new Kysely<Tables>({
      dialect: new PostgresDialect({
        pool: async () => {
          throw new Error('not connected');
        },
      }),
    });
    const query = db
      .selectFrom('executions')
      .select(['id', 'status'])
      .where('tenant', '=', 'acme')
      .where(kyselyFilter(parsed, { schema: workflowExecutionsSchema, dialect: 'postgres' }))
      .compile();
    expect(blockAfter('### Kysely', 'text')).toBe(
      `sql:    ${query.sql}\nparams: ${shownParams(query.parameters)}\n`,
    );
  });

  it('Drizzle', () => {
    const executions = mysqlTable('executions', {
      id: int('id').primaryKey(),
      tenant: varchar('tenant', { length: 64 }),
    });
    const query = new QueryBuilder()
      .select({ id: executions.id })
      .from(executions)
      .where(
        and(
          eq(executions.tenant, 'acme'),
          drizzleFilter(parsed, { schema: workflowExecutionsSchema, dialect: 'mysql' }),
        ),
      )
      .toSQL();
    expect(blockAfter('### Drizzle', 'text')).toBe(
      `sql:    ${query.sql}\nparams: ${shownParams(query.params)}\n`,
    );
  });
});
