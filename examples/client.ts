/**
 * A client building the `filters` parameter with the typed builder: only the endpoint's fields,
 * operators and values type-check, and values are escaped by the printer, so user input cannot
 * change the filter's structure.
 *
 *   npx tsx examples/client.ts 'He said "hi" \ bye'
 */
import { pathToFileURL } from 'node:url';
import {
  createFilterBuilder,
  defineSchema,
  type Expression,
  FilterBuildError,
} from '../src/builder/index.js';

/** The whitelist of a hypothetical account search endpoint, declared with literal types. */
export const accountsSchema = defineSchema({
  fields: {
    name: { type: 'string', operators: ['eq', 'sw', 'co'] },
    status: { type: 'string', enum: ['ACTIVE', 'LOCKED', 'DISABLED'], operators: ['eq', 'in'] },
    created: { type: 'date-time', operators: ['gt', 'ge', 'lt', 'le'] },
  },
});

const f = createFilterBuilder(accountsSchema);

/** The query string for "accounts whose name contains `search`, active or locked, created since `since`". */
export function accountsQuery(
  search: string,
  since: Date,
): { filters: string; ast: Expression; url: string } {
  const filter = f.and(f.co('name', search), f.in('status', ['ACTIVE', 'LOCKED']), f.ge('created', since));
  const filters = String(filter);
  return { filters, ast: filter.ast, url: `/accounts?${new URLSearchParams({ filters })}` };
}

// These do not compile, which is the point:
//   f.eq('nmae', 'x');          unknown field
//   f.gt('status', 'ACTIVE');   status allows eq and in only
//   f.eq('status', 'Active');   not one of the enum values

/**
 * The command: prints the filter and the URL for the search text in `args[0]`, and returns the
 * exit status. A value the builder refuses (a line break, which the language cannot express)
 * ends in one line on stderr and status 1, not a stack trace.
 */
export function main(
  args: readonly string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): number {
  try {
    const query = accountsQuery(args[0] ?? 'Jo "The Hammer" \\ Smith', new Date('2024-01-01T00:00:00Z'));
    out(query.filters);
    out(query.url);
    return 0;
  } catch (cause) {
    if (!(cause instanceof FilterBuildError)) throw cause;
    err(`client: cannot build the filter: ${cause.message}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2));
}
