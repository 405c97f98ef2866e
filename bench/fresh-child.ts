/**
 * One fresh process of the text-to-predicate measurement (fresh-processes.ts bundles and starts
 * it): text to predicate for each filter size, ours against the hand closure compiler and the
 * peers that compile, timed as the side-by-side task times it. Prints one JSON line: CPU
 * milliseconds per call, by size and contender.
 */
import { compilePredicate, parse } from '../src/index.js';
import { compileByHand } from './floors/closure-compiler.js';
import { EVALUATING_PEERS } from './peers/adapters.js';
import { PARSE_SIZES, REFERENCE_FILTER, sized } from './peers/corpus.js';
import { SCHEMA } from './peers/data.js';
import { render } from './peers/render.js';
import { type Contender, compare } from './timing.js';

const SHORT: Readonly<Record<string, string>> = { 'scim2-parse-filter': 'scim2', filtrex: 'filtrex' };

const budgetMs = Number(process.argv[2] ?? 300);
const sizes = [
  ['small', sized(PARSE_SIZES.small)],
  ['reference', REFERENCE_FILTER],
  ['medium', sized(PARSE_SIZES.medium)],
  ['large', sized(PARSE_SIZES.large)],
] as const;

const out: Record<string, Record<string, number>> = {};
for (const [name, node] of sizes) {
  const text = render(node, 'ours');
  const list: Contender[] = [
    { name: 'closures', run: () => compileByHand(text, SCHEMA) },
    {
      name: 'ours',
      run: () => {
        const parsed = parse(text);
        if (!parsed.ok) throw new Error(`ours does not parse ${text}`);
        return compilePredicate(parsed.ast, { schema: SCHEMA });
      },
    },
  ];
  for (const peer of EVALUATING_PEERS) {
    const peerText = render(node, peer.syntax);
    list.push({ name: SHORT[peer.name] ?? peer.name, run: () => peer.compile!(peerText) });
  }
  out[name] = Object.fromEntries(compare(list, { ms: budgetMs }));
}
console.log(JSON.stringify(out));
