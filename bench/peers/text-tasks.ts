/**
 * The tasks that start from text: parse (ours and the parsing peers against the token-scan
 * floor), text to predicate (ours, parse + compilePredicate, against the peers that compile and
 * the hand closure compiler), and our server path (parse + validate + compileSql).
 */
import { compilePredicate, compileSql, parse, validate } from '../../src/index.js';
import { compileByHand } from '../floors/closure-compiler.js';
import { addRow, duration, type Row, type Target, times } from '../report.js';
import { type Contender, compare } from '../timing.js';
import { countTokens } from '../token-scan.js';
import { EVALUATING_PEERS, PARSING_PEERS } from './adapters.js';
import { generatedMode, ourAst } from './agreement.js';
import type { Entry } from './corpus.js';
import { SCHEMA } from './data.js';
import { render } from './render.js';

const SHORT: Readonly<Record<string, 'scim2' | 'filtrex' | 'rsql' | 'odata'>> = {
  'scim2-parse-filter': 'scim2',
  filtrex: 'filtrex',
  '@rsql/parser': 'rsql',
  'odata-v4-parser': 'odata',
};

/** What a user writes: parse with the default limits, then compile. */
function ourPredicate(text: string): unknown {
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(`ours does not parse ${text}`);
  return compilePredicate(parsed.ast, { schema: SCHEMA });
}

const bytes = (text: string): number => new TextEncoder().encode(text).length;

function printLine(label: string, ms: ReadonlyMap<string, number>, base: string): void {
  const b = ms.get(base)!;
  const cells = [...ms].map(([name, t]) => `${name} ${duration(t)} (${times(t / b)})`);
  console.log(`${label.padEnd(22)}${cells.join('   ')}`);
}

/** Parse: ours against the scan floor and the parsing peers. Target: ours <= 3x the scan. */
export function runParse(entries: readonly Entry[], budgetMs: number): void {
  console.log('\nParse (per parse, lower quartile of interleaved samples; ratio to the token scan)');
  for (const entry of entries) {
    const text = render(entry.node, 'ours');
    const list: Contender[] = [
      { name: 'scan', run: () => countTokens(text) },
      { name: 'ours', run: () => parse(text) },
    ];
    for (const peer of PARSING_PEERS) {
      const peerText = render(entry.node, peer.syntax);
      list.push({ name: SHORT[peer.name]!, run: () => peer.parse(peerText) });
    }
    const ms = compare(list, { ms: budgetMs });
    printLine(`${entry.name} ${bytes(text)} B`, ms, 'scan');
    const ours = ms.get('ours')!;
    const scan = ms.get('scan')!;
    const others: Row['others'] = { scim2: ms.get('scim2'), rsql: ms.get('rsql'), odata: ms.get('odata') };
    const targets: Target[] = [{ text: '<= 3x scan', pass: ours <= 3 * scan }];
    addRow({
      task: `parse ${entry.name} (${bytes(text)} B)`,
      ours,
      others,
      floor: { name: 'scan', ms: scan },
      targets,
    });
  }
}

/**
 * Text to predicate: from the text to a record test. Targets: faster than every peer that
 * compiles, and <= 2x the hand closure compiler.
 */
export function runTextToPredicate(entries: readonly Entry[], budgetMs: number): void {
  console.log('\nText to predicate (parse + compile; per call; ratio to the hand closure compiler)');
  for (const entry of entries) {
    const text = render(entry.node, 'ours');
    const list: Contender[] = [
      { name: 'closures', run: () => compileByHand(text, SCHEMA) },
      { name: 'ours', run: () => ourPredicate(text) },
    ];
    list.push({ name: 'generated', run: () => generatedMode(ourAst(text)) });
    for (const peer of EVALUATING_PEERS) {
      const peerText = render(entry.node, peer.syntax);
      list.push({ name: SHORT[peer.name]!, run: () => peer.compile!(peerText) });
    }
    const ms = compare(list, { ms: budgetMs });
    printLine(`${entry.name} ${bytes(text)} B`, ms, 'closures');
    const ours = ms.get('ours')!;
    const closures = ms.get('closures')!;
    const targets: Target[] = [{ text: '<= 2x closures', pass: ours <= 2 * closures }];
    for (const peer of ['scim2', 'filtrex'] as const) {
      const t = ms.get(peer);
      if (t !== undefined) targets.push({ text: `faster than ${peer}`, pass: ours < t });
    }
    const others: Row['others'] = {
      scim2: ms.get('scim2'),
      filtrex: ms.get('filtrex'),
      generated: ms.get('generated'),
    };
    addRow({
      task: `text to predicate ${entry.name} (${bytes(text)} B)`,
      ours,
      others,
      floor: { name: 'closures', ms: closures },
      targets,
    });
  }
}

/** Our server path: parse + validate + compileSql (PostgreSQL), against our parse alone. */
export function runSqlPath(entries: readonly Entry[], budgetMs: number): void {
  console.log('\nparse + validate + compileSql (postgres), against the parse alone');
  for (const entry of entries) {
    const text = render(entry.node, 'ours');
    const path = (): unknown => {
      const parsed = parse(text);
      if (!parsed.ok || validate(parsed.ast, SCHEMA).length > 0)
        throw new Error(`${entry.name} is not valid`);
      return compileSql(parsed.ast, { schema: SCHEMA, dialect: 'postgres' });
    };
    path();
    const ms = compare(
      [
        { name: 'parse', run: () => parse(text) },
        { name: 'ours', run: path },
      ],
      { ms: budgetMs },
    );
    printLine(`${entry.name} ${bytes(text)} B`, ms, 'parse');
    addRow({
      task: `parse+validate+compileSql ${entry.name}`,
      ours: ms.get('ours')!,
      others: {},
      floor: { name: 'our parse', ms: ms.get('parse')! },
      targets: [],
    });
  }
}
