import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './support/build.js';
import { runCli } from './support/run-cli.js';

let dir: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'v3-filters-sarif-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositive = (v: unknown) => Number.isInteger(v) && (v as number) >= 1;
const isNatural = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  charOffset: number;
  charLength: number;
  snippet?: { text: string };
}

/**
 * The SARIF 2.1.0 rules this project's output must meet (from the OASIS specification: required
 * properties, value ranges and enumerations), collected as a list of violations.
 */
function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  if (!isObject(log)) return ['the log is not an object'];
  need(log.version === '2.1.0', 'version is 2.1.0');
  need(
    typeof log.$schema === 'string' && /^https:\/\/.+sarif-schema-2\.1\.0\.json$/.test(log.$schema),
    '$schema',
  );
  need(Array.isArray(log.runs) && log.runs.length === 1, 'one run');
  for (const run of (log.runs as unknown[]) ?? []) {
    if (!isObject(run)) {
      problems.push('run is an object');
      continue;
    }
    const driver = isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : undefined;
    need(driver !== undefined && driver.name === 'v3-filters', 'tool.driver.name');
    need(['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind as string), 'columnKind');
    const rules = (driver?.rules as Json[] | undefined) ?? [];
    need(Array.isArray(driver?.rules), 'driver.rules is an array');
    const ruleIds = rules.map((r) => r.id);
    need(new Set(ruleIds).size === ruleIds.length, 'rule ids are unique');
    for (const rule of rules) {
      need(typeof rule.id === 'string', 'rule.id');
      need(isObject(rule.shortDescription) && typeof rule.shortDescription.text === 'string', 'rule text');
      const level = isObject(rule.defaultConfiguration) ? rule.defaultConfiguration.level : undefined;
      need(['none', 'note', 'warning', 'error'].includes(level as string), 'rule level');
    }
    need(Array.isArray(run.results), 'results is an array');
    for (const result of (run.results as Json[]) ?? []) {
      need(typeof result.ruleId === 'string', 'result.ruleId');
      need(rules[result.ruleIndex as number]?.id === result.ruleId, 'ruleIndex points at ruleId');
      need(['none', 'note', 'warning', 'error'].includes(result.level as string), 'result.level');
      need(isObject(result.message) && typeof result.message.text === 'string', 'message.text');
      const locations = result.locations as Json[];
      need(Array.isArray(locations) && locations.length === 1, 'one location');
      for (const location of locations ?? []) {
        const physical = location.physicalLocation as Json;
        need(isObject(physical) && isObject(physical.artifactLocation), 'physicalLocation.artifactLocation');
        need(typeof (physical.artifactLocation as Json).uri === 'string', 'artifactLocation.uri');
        if (physical.region !== undefined) regionProblems(physical.region, need);
      }
      for (const fix of (result.fixes as Json[] | undefined) ?? []) {
        need(isObject(fix.description) && typeof fix.description.text === 'string', 'fix.description.text');
        const changes = fix.artifactChanges as Json[];
        need(Array.isArray(changes) && changes.length >= 1, 'fix.artifactChanges');
        for (const change of changes ?? []) {
          need(isObject(change.artifactLocation), 'change.artifactLocation');
          const replacements = change.replacements as Json[];
          need(Array.isArray(replacements) && replacements.length >= 1, 'replacements');
          for (const replacement of replacements ?? []) {
            regionProblems(replacement.deletedRegion, need);
            const inserted = replacement.insertedContent as Json | undefined;
            need(inserted === undefined || typeof inserted.text === 'string', 'insertedContent.text');
          }
        }
      }
    }
  }
  return problems;
}

function regionProblems(region: unknown, need: (ok: boolean, what: string) => void): void {
  if (!isObject(region)) {
    need(false, 'region is an object');
    return;
  }
  need(isPositive(region.startLine) && isPositive(region.startColumn), 'region start');
  need(isPositive(region.endLine) && isPositive(region.endColumn), 'region end');
  need(
    (region.endLine as number) > (region.startLine as number) ||
      (region.endLine === region.startLine && (region.endColumn as number) >= (region.startColumn as number)),
    'region end after start',
  );
  need(isNatural(region.charOffset) && isNatural(region.charLength), 'charOffset/charLength');
}

/** Line and column of an offset, counted here independently of the CLI. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\n|\r/);
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

function resultsOf(log: unknown): Json[] {
  return ((log as { runs: { results: Json[] }[] }).runs[0]!.results ?? []) as Json[];
}

function regionOf(result: Json): Region {
  const location = (result.locations as Json[])[0]!;
  return (location.physicalLocation as Json).region as Region;
}

describe.concurrent('lint --format sarif', () => {
  const lines = `status EQ 'Failed'\n\nname sw Joe, id eq "x"\r\nid eq "unterminated\nfoo eq 1\n`;
  const json = '[\n  "a eq \\u0027x\\u0027",\n  "b EQ \\"\\u00e9\\" and  c sw D"\n]\n';

  for (const [name, content] of [
    ['filters.txt', lines],
    ['filters.json', json],
  ] as const) {
    it(`${name}: valid SARIF 2.1.0 shape, regions that point at the diagnostic's text`, async () => {
      const path = join(dir, name);
      writeFileSync(path, content);
      const run = await runCli(['lint', '--format', 'sarif', '--file', path]);
      expect(run.code).toBe(1);
      const log = JSON.parse(run.stdout) as unknown;
      expect(sarifProblems(log)).toEqual([]);
      const results = resultsOf(log);
      expect(results.length).toBeGreaterThanOrEqual(3);
      for (const result of results) {
        const region = regionOf(result);
        // The snippet is the file's own text under the region, and lines and columns agree with the offset.
        expect(region.snippet?.text).toBe(
          content.slice(region.charOffset, region.charOffset + region.charLength),
        );
        expect(position(content, region.charOffset)).toEqual({
          line: region.startLine,
          column: region.startColumn,
        });
        expect(position(content, region.charOffset + region.charLength)).toEqual({
          line: region.endLine,
          column: region.endColumn,
        });
      }
    });

    it(`${name}: applying each result's first fix to the file gives what lint --fix writes`, async () => {
      const path = join(dir, `fix-${name}`);
      writeFileSync(path, content);
      const log = JSON.parse((await runCli(['lint', '--format', 'sarif', '--file', path])).stdout) as unknown;
      const edits = resultsOf(log).flatMap((result) => {
        const fix = (result.fixes as Json[] | undefined)?.[0];
        if (!fix) return [];
        const change = (fix.artifactChanges as Json[])[0]!;
        return (change.replacements as Json[]).map((r) => ({
          region: r.deletedRegion as Region,
          text: (r.insertedContent as { text: string }).text,
        }));
      });
      // Apply from the end, skipping overlaps, as a SARIF viewer would.
      edits.sort((a, b) => b.region.charOffset - a.region.charOffset);
      let fixed = content;
      let limit = Number.POSITIVE_INFINITY;
      for (const { region, text } of edits) {
        if (region.charOffset + region.charLength > limit) continue;
        fixed = fixed.slice(0, region.charOffset) + text + fixed.slice(region.charOffset + region.charLength);
        limit = region.charOffset;
      }
      await runCli(['lint', '--fix', '--file', path]);
      const written = readFileSync(path, 'utf8');
      expect(fixed).not.toBe(content);
      // --fix rewrites a JSON literal whole (`\u00e9` may come back as `é`): the same strings.
      if (name.endsWith('.json')) expect(JSON.parse(fixed)).toEqual(JSON.parse(written));
      else expect(fixed).toBe(written);
    });
  }

  it('filters given as arguments: embedded artifacts, argv: URIs, certain fixes and suggestions told apart', async () => {
    const run = await runCli([
      'lint',
      '--format',
      'sarif',
      '--endpoint',
      'workflow-executions',
      `status EQ 'Fail'`,
    ]);
    const log = JSON.parse(run.stdout) as { runs: Json[] };
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0]!.artifacts).toEqual([
      { location: { uri: 'argv:1' }, contents: { text: `status EQ 'Fail'` } },
    ]);
    const results = resultsOf(log).map((r) => [r.ruleId, (r.properties as Json).fixKind]);
    // The single quotes are fixed first; the validator only sees the filter once it parses.
    expect(results).toEqual([
      ['operator-case', 'fix'],
      ['single-quoted-string', 'fix'],
    ]);
  });

  it('a clean run is a valid log with no results', async () => {
    const run = await runCli(['lint', '--format', 'sarif', 'a eq 1']);
    expect(run.code).toBe(0);
    const log = JSON.parse(run.stdout) as unknown;
    expect(sarifProblems(log)).toEqual([]);
    expect(resultsOf(log)).toEqual([]);
  });
});
