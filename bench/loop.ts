/**
 * A loop over records for one contender, compiled from source text of its own (bench code only).
 * V8 caches `new Function` by its source, and functions built from one source share their inline
 * caches: identical loops would all call their tests through one megamorphic site, which no
 * application's loop over its records has, and would slow whichever contender the engine met
 * second. The label, in a comment, makes each loop's source its own.
 */
export type Loop = (records: readonly unknown[], test: (record: unknown) => unknown) => number;

export function makeLoop(label: string): Loop {
  return new Function(
    'records',
    'test',
    `let n = 0; for (let i = 0; i < records.length; i++) if (test(records[i]) === true) n++; return n; // ${label.replace(/[\r\n\u2028\u2029]/g, ' ')}`,
  ) as Loop;
}
