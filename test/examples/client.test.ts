import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountsQuery, accountsSchema, main } from '../../examples/client.js';
import { FilterBuildError, parse, parseCollectionQuery } from '../../src/index.js';
import { stripSpans } from '../support/ast-arbitraries.js';

const since = new Date('2024-01-01T00:00:00Z');

describe('examples/client.ts', () => {
  it('any search text stays one string value: the filter parses back to the built tree', () => {
    // Line breaks the language cannot express; U+0000 no SQL engine stores (the builder validates).
    const text = fc
      .string({ unit: 'binary' })
      .filter((s) => !/[\n\r\u2028\u2029\u0085]/.test(s) && !s.includes(String.fromCharCode(0)));
    fc.assert(
      fc.property(text, (search) => {
        const query = accountsQuery(search, since);
        const parsed = parse(query.filters, { limits: { maxLength: 1_000_000 } });
        expect(parsed.ok && stripSpans(parsed.ast)).toEqual(stripSpans(query.ast));
        const served = parseCollectionQuery(query.url.split('?')[1]!, accountsSchema, {
          limits: { maxLength: 1_000_000 },
        });
        expect(served.ok && stripSpans(served.filters)).toEqual(stripSpans(query.ast));
      }),
      { numRuns: 300 },
    );
  });

  it('a value the language cannot express is refused, not mangled', () => {
    expect(() => accountsQuery('two\nlines', since)).toThrow(FilterBuildError);
    // Text no SQL engine can hold is refused by validation (the one acceptance rule).
    expect(() => accountsQuery('nul\u0000', since)).toThrow(/U\+0000/);
  });

  it('the command prints a clean one-line error for a value with a line break, never a stack trace', () => {
    const lines: string[] = [];
    const errors: string[] = [];
    expect(
      main(
        ['two\nlines'],
        (l) => lines.push(l),
        (l) => errors.push(l),
      ),
    ).toBe(1);
    expect(lines).toEqual([]);
    expect(errors).toEqual([
      'client: cannot build the filter: A string value cannot contain a line break: the language has no escape for one',
    ]);
    expect(
      main(
        ['Jo'],
        (l) => lines.push(l),
        (l) => errors.push(l),
      ),
    ).toBe(0);
    expect(lines).toEqual([
      'name co "Jo" and status in ("ACTIVE", "LOCKED") and created ge 2024-01-01T00:00:00.000Z',
      '/accounts?filters=name+co+%22Jo%22+and+status+in+%28%22ACTIVE%22%2C+%22LOCKED%22%29+and+created+ge+2024-01-01T00%3A00%3A00.000Z',
    ]);
  });

  it('run as a program (tsx), the same: one line on stderr, exit status 1', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'examples/client.ts', 'a\r\nb'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'client: cannot build the filter: A string value cannot contain a line break: the language has no escape for one\n',
    );
  });
});
