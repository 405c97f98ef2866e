import { describe, expect, it } from 'vitest';
import { COMPOSITE_TABLE, OPERATOR_TABLE } from '../../src/language/operators.js';
import { readPage } from '../support/manual.js';

/** The form of a filter that uses `word`, by the kind of node it builds. */
function form(word: string, kind: string): string {
  if (kind === 'comparison') return `field ${word} value`;
  if (kind === 'list') return `field ${word} (value, ...)`;
  if (kind === 'presence') return `field ${word}`;
  return word === 'not' ? 'not a' : `a ${word} b`;
}

describe('docs/language.md', () => {
  it('lists every operator of the table with its form and meaning, in the table’s words and order', () => {
    const rows = readPage('docs/language.md')
      .split('\n')
      .filter((line) => /^\| `[a-z]+` \| `/.test(line));
    const expected = [
      ...OPERATOR_TABLE.map(
        (row) => `| \`${row.word}\` | \`${form(row.word, row.kind)}\` | ${row.meaning} |`,
      ),
      ...COMPOSITE_TABLE.map(
        (row) => `| \`${row.word}\` | \`${form(row.word, 'composite')}\` | ${row.meaning} |`,
      ),
    ];
    expect(rows).toEqual(expected);
  });
});
