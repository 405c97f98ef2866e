/**
 * The predicate's trust in prototype chains: a step read without the own check must be the
 * object's own whatever its prototypes are. One compiled predicate runs 20,000 times on class
 * records (2 to 4 levels a step) and then meets those records with a prototype at any level, or
 * the record itself, given the key (a value, a getter, a throwing getter), or a prototype put in
 * between (frozen, sealed, null-prototype, a proxy that forwards, lies in `has`, alternates its
 * `has`, answers `get` for a key it lacks, lies in `getPrototypeOf`, throws), the chain cut
 * (`null`), `Object.prototype` or `Array.prototype` polluted, the step's own key deleted, and the
 * record wrapped in `Object.create`. Closures, generated code and the oracle of ./chains.ts agree
 * on every record: the records are ordinary objects at every step and their own values do not
 * change while they are read, so no answer is left open by the manual's getter and proxy clause.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILTERS } from './chain-filters.js';
import {
  baitFrom,
  buildRecord,
  type ChainFilter,
  compileBoth,
  type Hierarchy,
  hierarchies,
  MUTATIONS,
  mutate,
  oracle,
  POLLUTIONS,
  type Predicate,
  pollute,
  type StepKind,
  schemaFor,
  Undo,
} from './chains.js';

const WARM = 20_000;

interface Warmed {
  readonly filter: ChainFilter;
  readonly predicates: readonly [Predicate, Predicate];
  readonly classes: readonly Hierarchy[];
  readonly clean: readonly object[];
}

function prepare(filter: ChainFilter, schema: object, seed: number): Warmed {
  const classes = hierarchies(filter, seed);
  const clean = [0, 1, 2, 3].map(
    (i) => buildRecord(filter, classes, i % 2 === 0 ? filter.hit : filter.miss)[0]!,
  );
  return { filter, predicates: compileBoth(filter, schema), classes, clean };
}

/** Runs both predicates over clean records, enough for the optimising compiler to take them. */
function warm({ filter, predicates, clean }: Warmed, times: number): void {
  for (const predicate of predicates) {
    let held = 0;
    for (let i = 0; i < times; i++) if (predicate(clean[i & 3])) held++;
    expect(held, filter.text).toBe((times / 4) * clean.filter((r) => oracle(filter, r)).length);
  }
}

const scenario = fc.record({
  step: fc.nat(2),
  level: fc.integer({ min: -1, max: 3 }),
  mutation: fc.constantFrom(...MUTATIONS),
  alsoOnBase: fc.constantFrom(undefined, ...MUTATIONS),
  lacks: fc.boolean(),
  ownHit: fc.boolean(),
  baitHit: fc.boolean(),
  pollution: fc.constantFrom(...POLLUTIONS),
  pollutedStep: fc.nat(2),
  kinds: fc.array(fc.constantFrom<StepKind>('instance', 'instance', 'array'), { minLength: 3, maxLength: 3 }),
  wrap: fc.boolean(),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** Builds the scenario's record, changes its chains, and compares every answer with the oracle. */
function attack(warmed: Warmed, s: Scenario): void {
  const { filter, predicates, classes, clean } = warmed;
  const depth = filter.path.length;
  const i = s.step % depth;
  const key = filter.path[i]!;
  const steps = buildRecord(filter, classes, s.ownHit ? filter.hit : filter.miss, s.kinds);
  const bait = (at: number): unknown => baitFrom(filter, at, s.baitHit ? filter.hit : filter.miss);
  const undo = new Undo();
  try {
    const prototypes = s.kinds[i] === 'array' ? [] : classes[i]!.prototypes;
    const target =
      s.level < 0 || prototypes.length === 0 ? steps[i]! : prototypes[s.level % prototypes.length]!;
    mutate(target, key, bait(i), s.mutation, undo);
    if (s.alsoOnBase !== undefined && prototypes.length > 0)
      mutate(prototypes[0]!, key, bait(i), s.alsoOnBase, undo);
    if (s.lacks) delete (steps[i] as Record<string, unknown>)[key];
    const p = s.pollutedStep % depth;
    pollute(s.pollution, filter.path[p]!, bait(p), undo);
    const record = s.wrap ? Object.create(steps[0]!) : steps[0]!;
    for (const r of [record, ...clean]) {
      const expected = oracle(filter, r);
      const [closures, generated] = predicates;
      const label = `${filter.text}: ${JSON.stringify(s)}`;
      expect(closures(r), `closures, ${label}`).toBe(expected);
      expect(generated(r), `generated, ${label}`).toBe(expected);
    }
  } finally {
    undo.run();
  }
}

describe('a predicate optimised on class records, then its records’ chains changed', () => {
  for (const [index, filter] of FILTERS.entries()) {
    it(`answers as the record owns: ${filter.text}`, () => {
      const warmed = prepare(filter, schemaFor(filter), index);
      warm(warmed, WARM);
      fc.assert(
        fc.property(scenario, (s) => {
          attack(warmed, s);
          warm(warmed, 2_000);
        }),
        { numRuns: 120 },
      );
    });
  }
});

describe('one filter compiled under more schema objects than there are copies', () => {
  it('answers alike through every copy, first-taken copy and shared leaf', () => {
    const all: Warmed[] = [];
    for (let n = 0; n < 40; n++) {
      for (const [index, filter] of FILTERS.entries())
        all.push(prepare(filter, schemaFor(filter), index + n));
    }
    for (const warmed of all) warm(warmed, 2_000);
    fc.assert(
      fc.property(fc.nat(all.length - 1), scenario, (which, s) => {
        attack(all[which]!, s);
      }),
      { numRuns: 600 },
    );
  });
});

/*
 * A proxy anywhere up an ordinary record's chain runs its `has` trap for the `in` of the record
 * and again for the `in` of its prototype. One that answers yes and then no must not make its own
 * `get` the record's value.
 */
describe('a has trap that alternates, up the chain of a record that owns nothing', () => {
  for (const filter of FILTERS) {
    it(`never counts the prototype's value: ${filter.text}`, () => {
      const warmed = prepare(filter, schemaFor(filter), 0);
      warm(warmed, WARM);
      for (const levels of [2, 3, 4]) {
        for (let i = 0; i < filter.path.length; i++) {
          attack(warmed, {
            step: i,
            level: levels - 1,
            mutation: 'alternating-has-proxy',
            alsoOnBase: undefined,
            lacks: true,
            ownHit: true,
            baitHit: true,
            pollution: 'none',
            pollutedStep: 0,
            kinds: ['instance', 'instance', 'instance'],
            wrap: false,
          });
        }
      }
    });
  }
});

describe('records and steps that are functions', () => {
  it('are read alike by both modes', () => {
    for (const filter of FILTERS) {
      const [closures, generated] = compileBoth(filter, schemaFor(filter));
      const classes = hierarchies(filter, 0);
      for (let i = 0; i < filter.path.length; i++) {
        const kinds: StepKind[] = ['instance', 'instance', 'instance'];
        kinds[i] = 'function';
        for (const value of [filter.hit, filter.miss]) {
          const record = buildRecord(filter, classes, value, kinds)[0]!;
          expect(closures(record), filter.text).toBe(generated(record));
        }
      }
    }
  });
});
