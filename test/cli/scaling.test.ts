import { describe, it } from 'vitest';
import { jsonValueOffsets } from '../../src/cli/document-positions.js';
import { textInputs } from '../../src/cli/inputs.js';
import { scanJsonStringArray } from '../../src/cli/json-strings.js';
import { excerpt } from '../../src/cli/output/excerpt.js';
import { escapeForTerminal } from '../../src/cli/output/terminal.js';
import { urlEncodingOf } from '../../src/syntax/url-encoding.js';
import { expectLinear, ratiosPerDoubling } from '../support/growth.js';

/**
 * The CLI's readers of untrusted text (files, their JSON arrays, the document scanner, URL
 * encoding detection, terminal escaping, excerpts) take time linear in their input on hostile
 * shapes: about twice the time for twice the text (a bound of 3 per doubling).
 */

const SIZES = [65_536, 131_072, 262_144, 524_288];
/**
 * Readers that allocate an object per line (or per escape, or per string) are timed where the
 * objects stay few: past some tens of thousands, garbage collection adds a step to the time per
 * object that is the machine's.
 */
const LINE_SIZES = [4096, 8192, 16_384, 32_768];
const PER_LINE = new Set([
  'a file of short lines',
  'a file of carriage returns',
  'a JSON array of many strings',
  'URL escapes outside strings',
  'quotes that never close, with +',
]);

const READERS: Readonly<Record<string, readonly [(text: string) => unknown, (n: number) => string]>> = {
  'a file of short lines': [(text) => textInputs(text, { kind: 'stdin' }), (n) => 'a\n'.repeat(n / 2)],
  'a file of carriage returns': [(text) => textInputs(text, { kind: 'stdin' }), (n) => 'a\r'.repeat(n / 2)],
  'a JSON array of escapes': [scanJsonStringArray, (n) => `["${'\\"'.repeat(n / 2)}"]`],
  'a JSON array of many strings': [scanJsonStringArray, (n) => `[${'"a",'.repeat(n / 4)}"a"]`],
  'a deep JSON document': [
    (text) => jsonValueOffsets(text, ['/a/0/a']),
    (n) => `${'{"a":['.repeat(n / 12)}1${']}'.repeat(n / 12)}`,
  ],
  'a JSON document of escaped keys': [
    (text) => jsonValueOffsets(text, ['/x']),
    (n) => `{${'"\\"":1,'.repeat(n / 7)}"x":1}`,
  ],
  'URL escapes outside strings': [urlEncodingOf, (n) => 'a+%41'.repeat(n / 5)],
  'quotes that never close, with +': [urlEncodingOf, (n) => `${"'+".repeat(n / 2)}%41`],
  'escape sequences for the terminal': [
    (text) => escapeForTerminal(text, true),
    (n) => '\x1b[31'.repeat(n / 4),
  ],
  'an excerpt of a long line of controls': [
    (text) => excerpt(text, { start: text.length / 2, end: text.length }),
    (n) => '\x01'.repeat(n),
  ],
};

describe('CLI readers of untrusted text: time per doubling', () => {
  it.each(Object.entries(READERS))(
    '%s',
    (_, [run, make]) => {
      const ratios = ratiosPerDoubling(run, make, { sizes: PER_LINE.has(_) ? LINE_SIZES : SIZES });
      expectLinear(ratios);
    },
    60_000,
  );
});
