import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_LIMITS } from '../../src/index.js';
import { ensureBuilt, ROOT } from '../cli/support/build.js';
import { runCli, STACK_TRACE } from '../cli/support/run-cli.js';

/**
 * No input controls the depth of the call stack of `parse`. A stack overflow shows
 * first in a fresh process, before V8 has compiled anything (interpreted frames are the largest),
 * and in a caller that is itself deep in the stack: so each case runs in a new Node process that
 * first recurses FRAMES deep, then parses with every limit at its maximum.
 */
const FRAMES = 9000;
const DEPTH = MAX_LIMITS.maxDepth;

const deep = (inner: string, depth = DEPTH, close = true): string =>
  `${'('.repeat(depth)}${inner}${close ? ')'.repeat(depth) : ''}`;

/** Shapes at the deepest allowed nesting (and one past it), valid and not, by name. */
const SHAPES: Readonly<Record<string, string>> = {
  'a eq, nested': deep('a eq'),
  'a in, nested': deep('a in'),
  'pr, nested': deep('pr'),
  'unclosed run of (': deep('', DEPTH, false),
  'unclosed run of ( then a predicate': deep('a eq 1', DEPTH, false),
  'valid, nested': deep('a eq 1'),
  'not chain': `${'not '.repeat(DEPTH)}a eq`,
  'not ( alternating': `${'not ('.repeat(DEPTH / 2)}a eq${')'.repeat(DEPTH / 2)}`,
  'empty groups, nested': deep('()'.repeat(50), DEPTH - 1),
  'one past the limit': deep('a eq 1', DEPTH + 1),
  'errors in every group': `${'(a eq and '.repeat(DEPTH - 1)}a eq${')'.repeat(DEPTH - 1)}`,
  'error flood in a loop': 'a pr and and '.repeat(1500),
  'error flood in a list': 'a in (1, and, '.repeat(1500),
};

interface ChildAnswer {
  readonly name: string;
  readonly outcome: 'answered' | 'threw';
  readonly ok?: boolean;
  readonly codes?: readonly string[];
  readonly error?: string;
}

/**
 * Runs `body` (the source of an async function of `lib`, the library's modules, returning a
 * JSON-serializable answer) in a fresh Node process, FRAMES frames deep. The modules are the
 * TypeScript sources run through tsx: the bundle does not export `parseWithoutFastPath`, and the
 * code (and so each frame) is the same.
 */
function inFreshProcess(body: string, input: unknown): unknown {
  const source = (path: string) => JSON.stringify(pathToFileURL(`${ROOT}src/${path}`).href);
  const script = `
    const lib = {
      ...(await import(${source('index.ts')})),
      ...(await import(${source('syntax/internal.ts')})),
    };
    const input = JSON.parse(process.env.V3F_STACK_INPUT);
    const run = async (lib, input) => { ${body} };
    // Plain recursion to FRAMES levels, then the work: the work runs on what stack is left.
    function descend(n) { return n === 0 ? run(lib, input) : descend(n - 1); }
    process.stdout.write(JSON.stringify(await descend(${FRAMES})));
  `;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, NODE_OPTIONS: '', V3F_STACK_INPUT: JSON.stringify(input) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`child failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout);
}

const ANSWER = `
  const answer = (name, f) => {
    try {
      const r = f();
      return { name, outcome: 'answered', ok: r.ok, codes: r.diagnostics.map((d) => d.code) };
    } catch (e) {
      return { name, outcome: 'threw', error: String(e) };
    }
  };
`;

describe(`parse in a fresh process, ${FRAMES} frames deep, every limit at its maximum`, () => {
  let answers: readonly ChildAnswer[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    answers = inFreshProcess(
      `${ANSWER}
      const out = [];
      for (const [name, text] of Object.entries(input.shapes)) {
        // Each through the public entry (fast path first) and through the full pipeline alone.
        out.push(answer(name, () => lib.parse(text, { limits: lib.MAX_LIMITS })));
        out.push(answer(name + ' (full pipeline)', () => lib.parseWithoutFastPath(text, { limits: lib.MAX_LIMITS })));
      }
      return out;`,
      { shapes: SHAPES },
    ) as ChildAnswer[];
  });

  it('answers every shape with a result, never an exception', () => {
    expect(answers.length).toBe(Object.keys(SHAPES).length * 2);
    for (const answer of answers) expect(answer, answer.name).toMatchObject({ outcome: 'answered' });
  });

  it('answers each shape as it should: the valid ones parse, the others carry their diagnostic', () => {
    const byName = new Map(answers.map((a) => [a.name, a]));
    for (const suffix of ['', ' (full pipeline)']) {
      const get = (name: string) => byName.get(name + suffix)!;
      expect(get('valid, nested')).toMatchObject({ ok: true, codes: [] });
      expect(get('a eq, nested').codes).toEqual(['missing-value']);
      expect(get('a in, nested').codes).toEqual(['expected-list']);
      expect(get('pr, nested').codes).toEqual(['missing-field']);
      expect(get('unclosed run of (').codes).toContain('unclosed-parenthesis');
      expect(get('unclosed run of ( then a predicate').codes).toEqual(
        Array(DEPTH).fill('unclosed-parenthesis'),
      );
      expect(get('not chain').codes).toEqual(['missing-value']);
      expect(get('not ( alternating').codes).toEqual(['missing-value']);
      expect(get('empty groups, nested').codes).toContain('missing-operand');
      expect(get('one past the limit').codes).toEqual(['nesting-too-deep']);
      expect(get('errors in every group').codes).toEqual(Array(DEPTH).fill('missing-value'));
      expect(get('error flood in a loop').codes).toHaveLength(MAX_LIMITS.maxErrors + 1);
      expect(get('error flood in a list').codes!.at(-1)).toBe('too-many-errors');
    }
  });
});

describe(`parseCollectionQuery in a fresh process, ${FRAMES} frames deep`, () => {
  it('answers each shape with diagnostics on `filters`, never an exception', async () => {
    await ensureBuilt();
    const answers = inFreshProcess(
      `${ANSWER}
      const schema = lib.builtinSchema('workflow-executions');
      return Object.entries(input.shapes).map(([name, text]) =>
        answer(name, () =>
          lib.parseCollectionQuery('filters=' + encodeURIComponent(text), schema, { limits: lib.MAX_LIMITS }),
        ),
      );`,
      { shapes: SHAPES },
    ) as ChildAnswer[];
    expect(answers.length).toBe(Object.keys(SHAPES).length);
    for (const answer of answers) {
      expect(answer, answer.name).toMatchObject({ outcome: 'answered', ok: false });
      expect(answer.codes!.length, answer.name).toBeGreaterThan(0);
    }
  });
});

describe('the CLI at --max-depth 256', () => {
  it.each([
    ['a eq', deep('a eq')],
    ['a in', deep('a in')],
    ['pr', deep('pr')],
    ['an unclosed run of (', deep('', DEPTH, false)],
  ])('lint reports the problem in %s nested 256 deep (exit 1), no internal error', async (_, text) => {
    await ensureBuilt();
    const run = await runCli(['lint', '--max-depth', String(DEPTH), '--format', 'json'], { stdin: text });
    expect(run.stderr).not.toMatch(/internal error/i);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /"code":\s*"(missing-value|expected-list|missing-field|unclosed-parenthesis)"/,
    );
  });
});
