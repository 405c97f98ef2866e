/**
 * The evaluation task: each filter over the same 100,000 records, by the hand-written arrow (the
 * floor), ours, our generated-code mode, the hand closure compiler's closures,
 * scim2-parse-filter and filtrex. Targets: ours <= 2x the arrow, generated <= 1.3x, and at least
 * 10x faster than scim2-parse-filter and filtrex.
 */
import { makeLoop } from '../loop.js';
import { addRow, type Row, type Target, times } from '../report.js';
import { type Contender, compare } from '../timing.js';
import type { Evaluated } from './agreement.js';

type Test = (record: unknown) => unknown;

function contender(name: string, test: Test, records: readonly unknown[], cell: string): Contender {
  const loop = makeLoop(`${cell}: ${name}`);
  return { name, run: () => loop(records, test) };
}

const PEER_COLUMNS: Readonly<Record<string, 'scim2' | 'filtrex'>> = {
  'scim2-parse-filter': 'scim2',
  filtrex: 'filtrex',
};

/** Times every evaluated filter, prints its line and adds its row to the summary. */
export function runEvaluation(
  cases: readonly Evaluated[],
  records: readonly unknown[],
  budgetMs: number,
): void {
  console.log(
    `\nEvaluation over ${records.length.toLocaleString('en-US')} records: ms per pass (ratio to the hand arrow)`,
  );
  const head = ['filter', 'selected', 'arrow', 'ours', 'generated', 'closures', 'scim2', 'filtrex'];
  console.log(head.map((h, i) => (i === 0 ? h.padEnd(30) : h.padStart(16))).join(''));
  for (const c of cases) {
    const list: Contender[] = [
      contender('arrow', c.arrow, records, c.name),
      contender('ours', c.ours, records, c.name),
      contender('generated', c.generated, records, c.name),
      contender('closures', c.closures, records, c.name),
    ];
    for (const [peer, test] of c.peers) list.push(contender(PEER_COLUMNS[peer]!, test, records, c.name));
    const ms = compare(list, { ms: budgetMs, sampleMs: 1, minRounds: 5 });
    const arrow = ms.get('arrow')!;
    const ours = ms.get('ours')!;
    const cell = (name: string): string => {
      const t = ms.get(name);
      return (t === undefined ? '-' : `${t.toFixed(2)} (${times(t / arrow)})`).padStart(16);
    };
    console.log(
      [
        c.name.padEnd(30),
        String(c.selected).padStart(16),
        ...['arrow', 'ours', 'generated', 'closures', 'scim2', 'filtrex'].map(cell),
      ].join(''),
    );
    const targets: Target[] = [{ text: '<= 2x arrow', pass: ours <= 2 * arrow }];
    const generated = ms.get('generated')!;
    targets.push({ text: 'generated <= 1.3x arrow', pass: generated <= 1.3 * arrow });
    for (const peer of ['scim2', 'filtrex']) {
      const t = ms.get(peer);
      if (t !== undefined) targets.push({ text: `>= 10x faster than ${peer}`, pass: t >= 10 * ours });
    }
    const others: Row['others'] = {
      scim2: ms.get('scim2'),
      filtrex: ms.get('filtrex'),
      closures: ms.get('closures'),
      generated,
    };
    addRow({
      task: `evaluate 100k: ${c.name}`,
      ours,
      others,
      floor: { name: 'arrow', ms: arrow },
      targets,
    });
  }
  console.log(`(each figure is the lower quartile of interleaved samples; ${budgetMs} ms per filter)`);
}
