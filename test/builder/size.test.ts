import { describe, expect, it } from 'vitest';
import { entrySize } from '../../bench/size.js';
import { ENTRIES } from '../../scripts/entries.js';

/**
 * `v3-filters/builder` as a browser application gets it (bench/size.ts's measure: bundled alone,
 * minified, gzip -9). The builder checks each predicate with the validator's predicate check
 * (no tree walk, no composite or sorting pass); what remains is mostly `defineSchema`'s schema
 * check, the printer and the `v3f` tag's scanner, which the entry exports as they are (docs/clients.md gives the parts).
 */
const BUDGET = 12 * 1024;

describe('the builder entry', () => {
  it(`stays within its budget: ${BUDGET / 1024} KB min+gzip`, async () => {
    const entry = ENTRIES.find((e) => e.subpath === './builder');
    expect(entry).toBeDefined();
    const { gzip } = await entrySize(entry!);
    expect(gzip).toBeLessThanOrEqual(BUDGET);
  });
});
