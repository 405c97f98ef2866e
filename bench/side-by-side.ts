/**
 * v3-filters side by side with the peers a user would consider (scim2-parse-filter, filtrex,
 * @rsql/parser, odata-v4-parser) and with the floors (token scan, hand-written arrows, the hand
 * closure compiler), on one corpus (peers/corpus.ts) rendered in each syntax, in one run: first
 * the agreement checks, then parse, text to predicate, evaluation over 100,000 records and our
 * parse + validate + compileSql path. Each task adds its rows to the closing summary (report.ts).
 * Run alone with `npx tsx bench/side-by-side.ts`.
 */

import { checkParses, prepareEvaluation } from './peers/agreement.js';
import { MIXED, PARSE_SIZES, REFERENCE_FILTER, SINGLE, sized } from './peers/corpus.js';
import { makeRecords } from './peers/data.js';
import { runEvaluation } from './peers/evaluate.js';
import { runParse, runSqlPath, runTextToPredicate } from './peers/text-tasks.js';
import { printSummary } from './report.js';
import { RESULTS_URL, runsAlone } from './root.js';

const RECORDS = 100_000;

const SIZED = Object.entries(PARSE_SIZES).map(([name, n]) => ({ name, node: sized(n) }));
const REFERENCE = { name: 'reference filter', node: REFERENCE_FILTER };

/** Runs the side-by-side tasks. */
export async function run(): Promise<void> {
  console.log('\nSide by side: agreement before timing');
  const evaluated = [...SINGLE, ...MIXED];
  for (const line of checkParses([...SIZED, REFERENCE, ...evaluated])) console.log(line);
  const records = makeRecords(RECORDS);
  const cases = prepareEvaluation(evaluated, records);
  console.log(
    'Semantics differ outside this data: ours folds case on string fields unless the schema says\n' +
      'caseSensitive (scim2-parse-filter and filtrex compare exactly), compares date-time instants\n' +
      '(the peers compare strings), and a null or missing field fails `ne` in ours (true in both\n' +
      'peers). The records keep one case per value, UTC date-times with nine fractional digits and\n' +
      'no null where `ne` reads, so all select the same records.',
  );
  runParse(SIZED, 1200);
  runTextToPredicate([SIZED[0]!, REFERENCE, ...SIZED.slice(1)], 1200);
  runEvaluation(cases, records, 1500);
  runSqlPath(SIZED, 600);
}

if (runsAlone(import.meta.url)) {
  await run();
  printSummary(RESULTS_URL, 'side by side only');
}
