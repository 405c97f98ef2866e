import { executionsQuery } from '../../../server/routes/executions.js';
import { SAMPLE_WORKFLOWS } from '../../../server/seed/sample.js';
import type { Store } from '../../../server/store/types.js';
import { createCollectionHandler, workflowExecutionsSchema } from '../../../src/index.js';

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

/** The plan of the page query the server runs for `filter` (limit 250, offset 0). */
export async function planOf(store: Store, filter: string): Promise<readonly string[]> {
  const handle = createCollectionHandler(workflowExecutionsSchema, {
    dialect: store.dialect,
    tiebreaker: ['start_time', 'id'],
    parameterOffset: 1,
  });
  const request = handle(`filters=${encodeURIComponent(filter)}`);
  if (!request.ok) throw new Error(JSON.stringify(request.body));
  return store.explain(executionsQuery(WORKFLOW, request));
}
