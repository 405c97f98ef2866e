/**
 * Before anything is timed: every contender must read every filter, and every evaluator must
 * select the same records as ours. The floors (hand arrows, hand closure compiler) must agree
 * exactly (a mismatch throws: it is a bug in the floor or in ours); a peer that disagrees on a
 * filter is reported and left out of that filter's timings.
 */
import { compilePredicate, type Expression, MAX_LIMITS, parse } from '../../src/index.js';
import { compileByHand } from '../floors/closure-compiler.js';
import { HAND_ARROWS, type Test } from '../floors/hand-arrows.js';
import { EVALUATING_PEERS, PEERS, type PeerTest } from './adapters.js';
import type { Entry } from './corpus.js';
import { SCHEMA, trickyRecords } from './data.js';
import { render } from './render.js';

/** Limits raised for the large inputs of the curves and the memory task. */
export const RAISED = { limits: MAX_LIMITS };

/** Our AST of a V3 text; throws with the first diagnostic when it does not parse. */
export function ourAst(text: string): Expression {
  const parsed = parse(text, RAISED);
  if (!parsed.ok)
    throw new Error(`ours does not parse ${text.slice(0, 80)}: ${parsed.diagnostics[0]?.message}`);
  return parsed.ast;
}

/** The opt-in generated-code mode (`generateCode: true`, built with `new Function`). */
export function generatedMode(ast: Expression): Test {
  return compilePredicate(ast, { schema: SCHEMA, generateCode: true }) as Test;
}

/** One evaluated filter, ready to time. */
export interface Evaluated {
  readonly name: string;
  readonly ours: Test;
  readonly arrow: Test;
  readonly closures: Test;
  readonly generated: Test;
  /** The peers that select the same records as ours, by peer name. */
  readonly peers: ReadonlyMap<string, PeerTest>;
  readonly selected: number;
}

function selection(records: readonly unknown[], test: (r: unknown) => unknown): boolean[] {
  return records.map((r) => test(r) === true);
}

const same = (a: readonly boolean[], b: readonly boolean[]): boolean => a.every((x, i) => x === b[i]);

/** Checks the parse of every entry by every peer; returns the counts line by peer. */
export function checkParses(entries: readonly Entry[]): string[] {
  return PEERS.map((peer) => {
    let ok = 0;
    for (const entry of entries) {
      try {
        peer.parse(render(entry.node, peer.syntax));
        ok++;
      } catch (error) {
        console.log(`  ${peer.name} cannot parse ${entry.name}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    return `${peer.name.padEnd(20)} parses ${ok}/${entries.length}`;
  });
}

/** Compiles every contender for each entry and checks that they select what ours selects. */
export function prepareEvaluation(entries: readonly Entry[], records: readonly unknown[]): Evaluated[] {
  const agreed = new Map<string, number>(EVALUATING_PEERS.map((p) => [p.name, 0]));
  const prepared = entries.map((entry) => {
    const ast = ourAst(render(entry.node, 'ours'));
    const ours = compilePredicate(ast, { schema: SCHEMA }) as Test;
    const expected = selection(records, ours);
    const arrow = HAND_ARROWS[entry.name];
    if (arrow === undefined) throw new Error(`no hand arrow for ${entry.name}`);
    const closures = compileByHand(render(entry.node, 'ours'), SCHEMA);
    const generated = generatedMode(ast);
    const floors: [string, Test][] = [
      ['hand arrow', arrow],
      ['hand closures', closures],
      ['generated', generated],
    ];
    const tricky = trickyRecords();
    for (const [name, test] of floors) {
      const bad = tricky.findIndex((r) => test(r) !== ours(r));
      if (!same(selection(records, test), expected) || bad >= 0) {
        throw new Error(`${name} and ours select different records on ${entry.name} (tricky record ${bad})`);
      }
    }
    const peers = new Map<string, PeerTest>();
    for (const peer of EVALUATING_PEERS) {
      const test = peer.compile!(render(entry.node, peer.syntax));
      if (same(selection(records, test), expected)) {
        peers.set(peer.name, test);
        agreed.set(peer.name, agreed.get(peer.name)! + 1);
      } else console.log(`  ${peer.name} selects other records than ours on ${entry.name}: left out`);
    }
    return {
      name: entry.name,
      ours,
      arrow,
      closures,
      generated,
      peers,
      selected: expected.filter(Boolean).length,
    };
  });
  for (const [name, count] of agreed) {
    console.log(`${name.padEnd(20)} selects the same records as ours on ${count}/${entries.length} filters`);
  }
  console.log(
    `${'hand arrows, closures'.padEnd(20)} select the same records as ours on ${entries.length}/${entries.length} filters` +
      ` (and on ${trickyRecords().length} tricky records: non-ASCII case, offsets, Date, NaN, inherited, wrong types)`,
  );
  return prepared;
}
