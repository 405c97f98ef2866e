import { executionsQuery, executionsSchema } from '../../../server/routes/executions.js';
import { SAMPLE_WORKFLOWS } from '../../../server/seed/sample.js';
import type { Store } from '../../../server/store/types.js';
import { createCollectionHandler } from '../../../src/index.js';

/**
 * One filter per whitelisted field and operator (start_time: eq lt le gt ge; status: eq): on the
 * full sample, each must read an index that serves both its condition and the page order (no
 * full scan, no sort), as the README shows.
 */
export const PLAN_FILTERS = [
  'start_time eq 2026-09-15T10:00:00Z',
  'start_time lt 2026-08-10T00:00:00Z',
  'start_time le 2026-08-10T00:00:00Z',
  'start_time gt 2026-10-25T00:00:00Z',
  'start_time ge 2026-10-25T00:00:00Z',
  'status eq "Failed"',
] as const;

/** The busiest sample workflow. */
export const WORKFLOW = SAMPLE_WORKFLOWS[0]!.id;

/** 100 copies of one negated comparison: the expensive filter of the fairness tests. */
export const HUNDRED_NOTS = Array.from({ length: 100 }, () => 'not status eq "Failed"').join(' and ');

/**
 * Filters the whitelist allows beyond one comparison. `oneRun`: their rows lie in one run of an
 * index in page order, so the page is read without a sort. The others lie in several runs (two
 * statuses; a status and a start time, on PostgreSQL) and the engine may either read the
 * start-time index in page order and filter, or seek the runs and sort only their rows.
 */
export const SHAPES: readonly { filter: string; oneRun: boolean }[] = [
  ...PLAN_FILTERS.map((filter) => ({ filter, oneRun: true })),
  { filter: 'start_time ge 2026-08-10T00:00:00Z and start_time lt 2026-08-20T00:00:00Z', oneRun: true },
  { filter: 'not status eq "Failed"', oneRun: true },
  { filter: HUNDRED_NOTS, oneRun: true },
  { filter: 'not (start_time lt 2026-08-10T00:00:00Z)', oneRun: true },
  { filter: 'status eq "Failed" or start_time gt 2026-10-25T00:00:00Z', oneRun: true },
  { filter: 'start_time lt 2026-08-10T00:00:00Z or start_time gt 2026-10-25T00:00:00Z', oneRun: true },
  { filter: 'status eq "Failed" or status eq "Canceled"', oneRun: false },
  { filter: 'status eq "Completed" or status eq "Failed"', oneRun: false },
  { filter: 'not (status eq "Failed" or status eq "Canceled")', oneRun: true },
  // Status is closed: the complement of the common status is an `in` of the rare ones, or missing.
  { filter: 'not status eq "Completed"', oneRun: false },
  { filter: 'status eq "Failed" and start_time gt 2026-10-25T00:00:00Z', oneRun: false },
  { filter: 'start_time eq 2026-09-15T10:00:00Z or start_time eq 2026-09-15T11:00:00Z', oneRun: false },
];

/** The plan of the page query the server runs for `filter` (limit 250, offset 0), or of its count. */
export async function planOf(
  store: Store,
  filter: string,
  statement: 'page' | 'count' = 'page',
): Promise<readonly string[]> {
  // The schema the endpoint compiles with on this store (status closed, as the table keeps it).
  const handle = createCollectionHandler(executionsSchema(store), {
    dialect: store.dialect,
    tiebreaker: ['start_time', 'id'],
    parameterOffset: 1,
  });
  const request = handle(`filters=${encodeURIComponent(filter)}`);
  if (!request.ok) throw new Error(JSON.stringify(request.body));
  return store.explain(executionsQuery(WORKFLOW, request), statement);
}
