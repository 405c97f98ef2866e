/**
 * Run by memory.ts in a fresh process with `--expose-gc`: parses one ~1 MB filter with the parser
 * named by argv[2] (the text in the file argv[3]) and prints, as one JSON line, the input's size, the heap the result keeps
 * (after a full GC, against the heap before parsing) and how much the peak resident set grew
 * during the parse (maxRSS after minus before: transient allocations included).
 */
import { readFileSync } from 'node:fs';
import { parse as parseScim } from 'scim2-parse-filter';
import { MAX_LIMITS, parse } from '../src/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

const parsers: Readonly<Record<string, { warm: string; parse: (text: string) => unknown }>> = {
  ours: {
    warm: 'a eq "x" and b gt 2',
    parse: (text) => {
      const parsed = parse(text, { limits: MAX_LIMITS });
      if (!parsed.ok) throw new Error(parsed.diagnostics[0]?.message);
      return parsed;
    },
  },
  scim2: { warm: 'a eq "x" and b gt 2', parse: parseScim },
};

const name = process.argv[2] ?? 'ours';
const parser = parsers[name];
if (parser === undefined) throw new Error(`unknown parser ${name}`);

// The text comes from a file (memory.ts writes it), so building it leaves no garbage and no peak.
const text = readFileSync(process.argv[3]!, 'utf8');
parser.parse(parser.warm); // load the parser's code first

gc();
const heapBefore = process.memoryUsage().heapUsed;
const rssBefore = process.resourceUsage().maxRSS;
const start = performance.now();
const kept = parser.parse(text);
const ms = performance.now() - start;
const rssAfter = process.resourceUsage().maxRSS;
gc();
const heapAfter = process.memoryUsage().heapUsed;
console.log(
  JSON.stringify({
    parser: name,
    bytes: text.length,
    ms,
    retainedBytes: heapAfter - heapBefore,
    peakRssGrowthBytes: (rssAfter - rssBefore) * 1024,
  }),
);
if (kept === undefined) console.log('unreachable');
