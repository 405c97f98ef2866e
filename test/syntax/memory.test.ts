import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_LIMITS } from '../../src/index.js';
import { ensureBuilt, ROOT } from '../cli/support/build.js';

/**
 * Bounded memory: at the documented maximum length (64 MiB) and every limit at its
 * maximum, hostile input is answered with a diagnostic by a process whose heap is capped at 1 GB.
 * The full pipeline checks the limits while it lexes and stops at the first one exceeded, and
 * stops reading after `maxErrors` errors, so these inputs cost memory for the part read, not for
 * 64 Mi tokens (a lexer that kept a token for each `(` of `'('.repeat(64 Mi)` would run out of
 * heap).
 */
const HEAP_MB = 1024;
const LENGTH = MAX_LIMITS.maxLength;

/** Each shape, the source of an expression of `n` (the length) building it, and the code it must get. */
const SHAPES: readonly (readonly [name: string, build: string, code: string])[] = [
  ["'(' repeated", `'('.repeat(n)`, 'nesting-too-deep'],
  ["'()' repeated", `'()'.repeat(n / 2)`, 'too-many-errors'],
  ["'not ' repeated", `'not '.repeat(n / 4)`, 'nesting-too-deep'],
  ['an error in every comparison', `'a EQ 1 and '.repeat(Math.floor(n / 11))`, 'too-many-errors'],
  ['an unterminated string', `'a eq "' + 'x'.repeat(n - 6)`, 'unterminated-string'],
];

interface Answer {
  readonly length: number;
  readonly ok: boolean;
  readonly codes: readonly string[];
  readonly ms: number;
  readonly heapMB: number;
}

/** Parses the shape in a fresh process under a 1 GB heap; the child's answer, or its failure. */
function parseInCappedProcess(build: string): { answer?: Answer; failure?: string } {
  const index = JSON.stringify(pathToFileURL(`${ROOT}dist/index.js`).href);
  const script = `
    const { parse, MAX_LIMITS } = await import(${index});
    const n = ${LENGTH};
    const text = ${build};
    const started = performance.now();
    const result = parse(text, { limits: MAX_LIMITS });
    const ms = performance.now() - started;
    const heapMB = process.memoryUsage().heapUsed / 2 ** 20;
    const codes = [...new Set(result.diagnostics.map((d) => d.code))];
    process.stdout.write(JSON.stringify({ length: text.length, ok: result.ok, codes, ms, heapMB }));
  `;
  const child = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, '--input-type=module', '-e', script],
    { env: { ...process.env, NODE_OPTIONS: '' }, encoding: 'utf8', timeout: 110_000 },
  );
  if (child.status !== 0) {
    return { failure: `exit ${child.status} ${child.signal ?? ''}: ${child.stderr.slice(-600)}` };
  }
  return { answer: JSON.parse(child.stdout) as Answer };
}

describe(`64 MiB of hostile input at MAX_LIMITS, under a ${HEAP_MB} MB heap`, () => {
  beforeAll(async () => {
    await ensureBuilt();
  });

  it.each(SHAPES)('%s: a diagnostic, quickly, within the heap', (_, build, code) => {
    const { answer, failure } = parseInCappedProcess(build);
    expect(failure).toBeUndefined();
    expect(answer!.length).toBeGreaterThan(LENGTH - 16);
    expect(answer!.ok).toBe(false);
    expect(answer!.codes).toContain(code);
    // Generous bounds for a loaded machine; the failure this guards against took ~47 s and
    // ran out of heap. Typical: well under a second, under 100 MB of heap.
    expect(answer!.ms).toBeLessThan(30_000);
    expect(answer!.heapMB).toBeLessThan(HEAP_MB / 2);
  });
});
