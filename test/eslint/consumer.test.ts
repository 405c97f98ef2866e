import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installConsumer } from '../support/consumer.js';
import { readPage } from '../support/manual.js';

/**
 * The plugin as a consumer uses it: a project that installs v3-filters (packed), SailPoint's SDK,
 * ESLint and typescript-eslint, adds `configs.recommended` to its eslint.config.js, and runs the
 * `eslint` command over files with known mistakes. Every report is compared: rule, file, line,
 * column. Correct filters and unrelated `filters` properties give none.
 */
const JS = `import { AccessProfilesApi, SourcesApi, Configuration } from 'sailpoint-api-client';

const config = new Configuration({ baseurl: 'https://tenant.invalid' });

export async function run(sourceId) {
  const profiles = new AccessProfilesApi(config);
  await profiles.listAccessProfiles({ filters: 'name sw "Sales" and requestable eq true' });
  await profiles.listAccessProfiles({ filters: 'nmae eq "x"' });
  await new SourcesApi(config).listSources({ filters: \`id eq "\${sourceId}"\` });
  await new SourcesApi(config).listSources({ filters: 'name EQ "x"' });
  const unrelated = { filters: 'anything @@' };
  return unrelated;
}
`;

const TS = `import type { AccessProfilesBetaApi, IdentitiesV2024Api } from 'sailpoint-api-client';

export async function typed(api: AccessProfilesBetaApi, make: () => IdentitiesV2024Api): Promise<void> {
  await api.listAccessProfiles({ filters: 'created lt 2024-01-01T00:00:00Z' });
  await make().listIdentities({ filters: 'processingState eq "BROKEN"' });
  await api.listAccessProfiles({ filters: 'name sw "ok"' });
}
`;

/** The TypeScript flat config of the tooling page, as written there. */
function pageConfig(): string {
  const page = readPage('docs/tooling.md');
  const at = page.indexOf('### Flat config: TypeScript');
  const open = page.indexOf('```js\n', at) + 6;
  return page.slice(open, page.indexOf('\n```', open) + 1);
}

let app: string;

function position(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

beforeAll(async () => {
  app = await installConsumer('v3-filters-eslint-');
  mkdirSync(join(app, 'src'));
  writeFileSync(join(app, 'src', 'sdk.js'), JS);
  writeFileSync(join(app, 'src', 'typed.ts'), TS);
  writeFileSync(join(app, 'eslint.config.js'), pageConfig());
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        noEmit: true,
        skipLibCheck: true,
      },
      include: ['src'],
    }),
  );
}, 600_000);

afterAll(() => {
  if (app) rmSync(dirname(app), { recursive: true, force: true });
});

interface Result {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string; severity: number }[];
}

function lint(): Result[] {
  try {
    return JSON.parse(
      execFileSync('npx', ['eslint', '--format', 'json', 'src'], { cwd: app, encoding: 'utf8' }),
    ) as Result[];
  } catch (error) {
    // ESLint exits 1 when it reports an error; its report is still on stdout.
    return JSON.parse((error as { stdout: string }).stdout) as Result[];
  }
}

describe('configs.recommended in a consumer project, through the eslint command', () => {
  it('reports every filter mistake in SailPoint SDK calls at its token, and nothing else', () => {
    const reports = lint()
      .flatMap((result) =>
        result.messages.map((m) => ({
          file: result.filePath.slice(app.length + 1),
          rule: m.ruleId,
          line: m.line,
          column: m.column,
          severity: m.severity,
        })),
      )
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    expect(reports).toEqual([
      { file: 'src/sdk.js', rule: 'v3-filters/valid-filters', ...position(JS, 'nmae'), severity: 2 },
      {
        file: 'src/sdk.js',
        rule: 'v3-filters/no-unsafe-interpolation',
        ...position(JS, '${sourceId}'),
        severity: 1,
      },
      { file: 'src/sdk.js', rule: 'v3-filters/valid-filters', ...position(JS, 'EQ'), severity: 2 },
      // With type information: the class of a parameter and of a factory's result.
      { file: 'src/typed.ts', rule: 'v3-filters/valid-filters', ...position(TS, 'lt 2024'), severity: 2 },
      { file: 'src/typed.ts', rule: 'v3-filters/valid-filters', ...position(TS, '"BROKEN"'), severity: 2 },
    ]);
  });

  it('prints what the tooling page shows', () => {
    let output = '';
    try {
      execFileSync('npx', ['eslint', 'src/sdk.js'], {
        cwd: app,
        encoding: 'utf8',
        env: { ...process.env, FORCE_COLOR: '0' },
      });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    const page = readPage('docs/tooling.md');
    expect(page).toContain(`// src/sdk.js\n${JS}`);
    const shown = page.slice(
      page.indexOf('$ npx eslint src/sdk.js\n') + 24,
      page.indexOf('\n```', page.indexOf('$ npx eslint src/sdk.js')),
    );
    const lines = (text: string) =>
      text
        .split('\n')
        .map((line) => line.trim().replace(/\s+/g, ' '))
        .filter((line) => line !== '');
    expect(lines(shown)).toEqual(
      lines(output.replace(app, '').replace(/^\//m, '')).filter((line) => !/problems? \(/.test(line)),
    );
  });

  it('fixes what is certain with --fix and leaves the suggestions', () => {
    try {
      execFileSync('npx', ['eslint', '--fix', 'src'], { cwd: app, encoding: 'utf8', stdio: 'pipe' });
    } catch {
      // Exit 1: errors remain (the suggestions are not applied).
    }
    expect(readFileSync(join(app, 'src', 'sdk.js'), 'utf8')).toBe(JS.replace('name EQ "x"', 'name eq "x"'));
  });
});
