import { describe, expect, it } from 'vitest';
import { entrySize } from '../../bench/size.js';
import { ENTRIES } from '../../scripts/entries.js';

/**
 * `v3-filters/builder` as a browser application gets it (bench/size.ts's measure: bundled alone,
 * minified, gzip -9). The builder checks each predicate with its own small check (no validator);
 * most of what remains is `defineSchema`'s schema check, the printer `format` and the `v3f` tag,
 * which the entry exports as they are (docs/clients.md gives the parts). The aim is 5 KB (`BUILDER_TARGET_BYTES`,
 * judged by `npm run bench`); this budget keeps the size from growing back.
 */
const BUDGET = 11 * 1024;

describe('the builder entry', () => {
  it(`stays within its budget: ${BUDGET / 1024} KB min+gzip`, async () => {
    const entry = ENTRIES.find((e) => e.subpath === './builder');
    expect(entry).toBeDefined();
    const { gzip } = await entrySize(entry!);
    expect(gzip).toBeLessThanOrEqual(BUDGET);
  });
});
