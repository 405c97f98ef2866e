/**
 * Filters for SailPoint's SDK (`sailpoint-api-client`) written as text with the `v3f` tag: each
 * value is written as a literal, and `v3fFor` checks the whole filter against the operation's
 * whitelist from `v3-filters/sailpoint`, so neither a hostile value nor a mistyped field reaches
 * the tenant.
 *
 *   npx tsx examples/sailpoint.ts 2c9180835d2e5168015d32f890ca1581 'Admin "ops"'
 */
import { pathToFileURL } from 'node:url';
import { FilterBuildError } from '../src/builder/index.js';
import { v3fFor } from '../src/index.js';
import { AccessProfilesApiFilters } from '../src/sailpoint/index.js';

const accessProfilesFilter = v3fFor(AccessProfilesApiFilters.listAccessProfiles);

/** The `filters` of `new AccessProfilesApi(config).listAccessProfiles({ filters })`. */
export function accessProfilesOf(sourceId: string, namePrefix: string, since: Date): string {
  return accessProfilesFilter`source.id eq ${sourceId} and name sw ${namePrefix} and created gt ${since}`;
}

/** Prints the filter for a source id and a name prefix; a value no filter can hold is exit 1. */
export function main(args: readonly string[], print = console.log, fail = console.error): number {
  const [sourceId = '', namePrefix = ''] = args;
  try {
    print(accessProfilesOf(sourceId, namePrefix, new Date(Date.UTC(2024, 0, 1))));
    return 0;
  } catch (error) {
    if (!(error instanceof FilterBuildError)) throw error;
    fail(`v3-filters: ${error.message}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2));
}
