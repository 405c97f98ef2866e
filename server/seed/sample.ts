import { createRandom, type Random } from './prng.js';

/** A workflow as stored and as `GET /v3/workflows` lists it. */
export interface WorkflowRow {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly enabled: boolean;
  /** RFC 3339, UTC. */
  readonly created: string;
}

/** A workflow execution as stored: date-times in the form `compileSql` compares (UTC, nine fractional digits). */
export interface ExecutionRow {
  readonly id: string;
  readonly workflowId: string;
  readonly requestId: string;
  readonly startTime: string;
  /** Null while the execution is still running. */
  readonly closeTime: string | null;
  readonly status: ExecutionStatus;
}

/** The statuses the seed documents. */
export type ExecutionStatus = 'Completed' | 'Failed' | 'Canceled' | 'Executing';

/** The sample data's 90-day window: executions start at or after `from` and before `to`. */
export const SAMPLE_WINDOW = { from: '2026-08-03T00:00:00Z', to: '2026-11-01T00:00:00Z' } as const;

interface WorkflowPlan extends WorkflowRow {
  /** How many executions it gets. */
  readonly executions: number;
  /** Mean run time in seconds. */
  readonly meanSeconds: number;
  /** Probabilities of a finished run ending Failed and Canceled (the rest Completed). */
  readonly failed: number;
  readonly canceled: number;
}

/**
 * The sample workflows: a busy provisioning hook, an onboarding flow, and quieter ones, with
 * failure rates that differ as real ones do. The first id is the seed documentation's example.
 */
const PLANS: readonly WorkflowPlan[] = [
  {
    id: 'd201c5d9-d37b-4a2f-af14-66414f39d568',
    name: 'Send Email on Failed Provisioning',
    description: 'Emails the identity owner when an account provisioning fails.',
    enabled: true,
    created: '2026-01-12T09:30:00Z',
    executions: 48_000,
    meanSeconds: 2.5,
    failed: 0.04,
    canceled: 0.01,
  },
  {
    id: '6b2c8a5e-2f7d-4c1a-9e3b-5d8f0a7c4e21',
    name: 'Onboard New Hire',
    description: 'Creates accounts and requests birthright access for a new identity.',
    enabled: true,
    created: '2026-02-03T14:05:00Z',
    executions: 36_000,
    meanSeconds: 45,
    failed: 0.09,
    canceled: 0.03,
  },
  {
    id: '3f9e1d7c-8a2b-4e6f-b1c5-7d4a9e2f6b83',
    name: 'Revoke Access on Termination',
    description: 'Disables accounts and removes entitlements when an identity leaves.',
    enabled: true,
    created: '2026-02-03T14:20:00Z',
    executions: 21_600,
    meanSeconds: 30,
    failed: 0.07,
    canceled: 0.02,
  },
  {
    id: 'a47c2e91-5b3d-4f8a-8c6e-2e9b1f4d7a05',
    name: 'Weekly Certification Reminder',
    description: 'Reminds reviewers of open certification campaigns.',
    enabled: true,
    created: '2026-03-18T08:00:00Z',
    executions: 12_000,
    meanSeconds: 6,
    failed: 0.02,
    canceled: 0.005,
  },
  {
    id: 'e5d8b3a6-9c1f-4b2e-a7d4-0f6c3e8b1a92',
    name: 'Sync Manager Changes to ServiceNow',
    description: 'Opens a ServiceNow ticket when an identity changes manager.',
    enabled: false,
    created: '2026-04-27T11:45:00Z',
    executions: 2_400,
    meanSeconds: 12,
    failed: 0.22,
    canceled: 0.06,
  },
];

/** The sample workflows, in the order `GET /v3/workflows` lists them. */
export const SAMPLE_WORKFLOWS: readonly WorkflowRow[] = PLANS.map(
  ({ id, name, description, enabled, created }) => ({ id, name, description, enabled, created }),
);

/** How many executions the full sample holds (120,000). */
export const SAMPLE_EXECUTION_COUNT = PLANS.reduce((sum, plan) => sum + plan.executions, 0);

const WINDOW_START_MS = Date.parse(SAMPLE_WINDOW.from);
const WINDOW_MS = Date.parse(SAMPLE_WINDOW.to) - WINDOW_START_MS;
const DAY_MS = 86_400_000;

/** `ms` since the epoch plus `nanos` (0..999999) more, as fixed-width UTC with nine fractional digits. */
function storedTime(ms: number, subMillis: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}${String(subMillis).padStart(6, '0')}Z`;
}

function uuid(random: Random): string {
  const hex = random.hex(32);
  const variant = '89ab'[random.below(4)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A start time in the window, busier in working hours (UTC) and on weekdays. */
function startMs(random: Random): number {
  for (;;) {
    const ms = WINDOW_START_MS + Math.floor(random.next() * WINDOW_MS);
    const date = new Date(ms);
    const hour = date.getUTCHours();
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    const weight = (hour >= 7 && hour < 19 ? 1 : 0.35) * (weekend ? 0.4 : 1);
    if (random.next() < weight) return ms;
  }
}

function execution(plan: WorkflowPlan, random: Random): ExecutionRow {
  const id = uuid(random);
  const requestId = random.hex(32);
  const start = startMs(random);
  const startTime = storedTime(start, random.below(1_000_000));
  // Runs still open: a few waiting on an approval, more among the last day's.
  const recent = WINDOW_START_MS + WINDOW_MS - start < DAY_MS;
  if (random.next() < (recent ? 0.12 : 0.004)) {
    return { id, workflowId: plan.id, requestId, startTime, closeTime: null, status: 'Executing' };
  }
  const seconds = Math.max(0.2, -Math.log(1 - random.next()) * plan.meanSeconds);
  const closeTime = storedTime(start + Math.floor(seconds * 1000), random.below(1_000_000));
  const draw = random.next();
  const status: ExecutionStatus =
    draw < plan.failed ? 'Failed' : draw < plan.failed + plan.canceled ? 'Canceled' : 'Completed';
  return { id, workflowId: plan.id, requestId, startTime, closeTime, status };
}

/**
 * The sample executions, the same on every call: each workflow's share of `total` (default the
 * full 120,000), drawn from a generator seeded per workflow.
 */
export function sampleExecutions(total: number = SAMPLE_EXECUTION_COUNT): ExecutionRow[] {
  const rows: ExecutionRow[] = [];
  PLANS.forEach((plan, index) => {
    const random = createRandom(0x5eed + index);
    const count = Math.round((plan.executions * total) / SAMPLE_EXECUTION_COUNT);
    for (let i = 0; i < count; i++) rows.push(execution(plan, random));
  });
  return rows;
}

/** The rows a store is seeded with. */
export interface SampleData {
  readonly workflows: readonly WorkflowRow[];
  readonly executions: readonly ExecutionRow[];
}

/** The sample workflows and `total` sample executions (default the full 120,000). */
export function sampleData(total?: number): SampleData {
  return { workflows: SAMPLE_WORKFLOWS, executions: sampleExecutions(total) };
}
