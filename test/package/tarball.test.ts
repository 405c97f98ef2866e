import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES } from '../../scripts/entries.js';
import { ensureBuilt, ROOT } from '../cli/support/build.js';

/**
 * The package as a user gets it: `npm pack`, then an offline install of the tarball into a new
 * project (its runtime dependencies packed from this repository's node_modules, so no registry
 * is needed), then the ways a user reaches it: ESM import of each entry, `require`, the bin
 * through `npx`, and TypeScript consumers under `moduleResolution` node16 and bundler.
 */

interface PackageJson {
  name: string;
  version: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  exports?: Record<string, unknown>;
  files?: string[];
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
let dir: string;
let app: string;
let files: string[];

function run(command: string, args: readonly string[], cwd = app): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The runtime dependencies and theirs, as installed here (name → directory). */
function runtimeDependencies(): Map<string, string> {
  const found = new Map<string, string>();
  const pending = Object.keys(pkg.dependencies ?? {});
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (found.has(name)) continue;
    const path = join(ROOT, 'node_modules', name);
    found.set(name, path);
    const own = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as PackageJson;
    pending.push(...Object.keys(own.dependencies ?? {}));
  }
  return found;
}

beforeAll(async () => {
  // Bundles as the tests left them (fresh under a lock); declarations added if missing. Packing
  // with --ignore-scripts: the prepack build would rewrite dist/ under the other test files.
  await ensureBuilt();
  if (!existsSync(join(ROOT, 'dist', 'types', 'index.d.ts'))) {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  }
  dir = mkdtempSync(join(tmpdir(), 'v3-filters-package-'));
  const packed = JSON.parse(
    run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT),
  ) as { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((file) => file.path);
  const tarballs = [join(dir, packed[0]!.filename)];
  for (const path of runtimeDependencies().values()) {
    const [dependency] = JSON.parse(
      run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir, path], ROOT),
    ) as { filename: string }[];
    tarballs.push(join(dir, dependency!.filename));
  }
  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', ...tarballs]);
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the tarball', () => {
  it('ships the bundles, declarations, bin, the manual, LICENSE and notices; no source map, no source, no fixture', () => {
    for (const wanted of [
      'LICENSE',
      'README.md',
      'CHANGELOG.md',
      'docs/language.md',
      'package.json',
      'bin/v3-filters.js',
      'dist/index.js',
      'dist/builder.js',
      'dist/cli/main.js',
      'dist/THIRD-PARTY-NOTICES.txt',
      'dist/types/index.d.ts',
      'dist/types/builder/index.d.ts',
    ]) {
      expect(files).toContain(wanted);
    }
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
    // Not one reference to a map or a file that is not shipped.
    const installed = join(app, 'node_modules', 'v3-filters');
    for (const file of files.filter((f) => /\.(js|d\.ts)$/.test(f))) {
      expect(readFileSync(join(installed, file), 'utf8'), file).not.toMatch(/sourceMappingURL/);
    }
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    const notices = readFileSync(join(installed, 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    expect(notices).toContain('chevrotain');
    expect(notices).toContain('yaml');
    // The schemas of v3-filters/sailpoint are made from SailPoint's documents: their notice ships.
    expect(notices).toContain('Copyright (c) 2022 SailPoint');
  });

  it('publishes no prepare script (it builds on prepack) and caret ranges for runtime dependencies', () => {
    const shipped = JSON.parse(
      readFileSync(join(app, 'node_modules', 'v3-filters', 'package.json'), 'utf8'),
    ) as PackageJson;
    expect(shipped.scripts?.prepare).toBeUndefined();
    expect(shipped.scripts?.prepack).toBe('npm run build');
    for (const [name, range] of Object.entries(shipped.dependencies ?? {})) {
      expect(range, name).toMatch(/^\^\d+\.\d+\.\d+$/);
    }
    // The lock file pins exact versions of what CI installs.
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    for (const name of Object.keys(shipped.dependencies ?? {})) {
      expect(lock.packages[`node_modules/${name}`]?.version, name).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});

describe('installed from the tarball (offline)', () => {
  it('imports as ESM, every entry; YAML read through the bundle', () => {
    const script = `
      import { parse, validate, compileSql, importOpenApi, workflowExecutionsSchema as schema } from 'v3-filters';
      import { createFilterBuilder, format } from 'v3-filters/builder';
      const valid = parse('status eq "Failed"');
      const invalid = parse('status eq');
      const f = createFilterBuilder(schema);
      const built = f.or(...['Failed', 'Canceled'].map((s) => f.eq('status', s)));
      const yaml = importOpenApi('openapi: 3.0.0\\ninfo: { title: t, version: "1" }\\npaths: {}\\n');
      console.log(JSON.stringify({
        valid: valid.ok && validate(valid.ast, schema).length,
        invalid: invalid.ok ? 'ok' : invalid.diagnostics[0].code,
        sql: valid.ok && compileSql(valid.ast, { schema, dialect: 'sqlite' }).sql,
        built: String(built),
        printed: format(built.ast),
        yaml: yaml.endpoints.length,
      }));`;
    const out = JSON.parse(run(process.execPath, ['--input-type=module', '-e', script]));
    expect(out).toEqual({
      valid: 0,
      invalid: 'missing-value',
      sql: 'lower("status") = lower(?)',
      built: 'status eq "Failed" or status eq "Canceled"',
      printed: 'status eq "Failed" or status eq "Canceled"',
      yaml: 0,
    });
  });

  it('imports v3-filters/sailpoint and the v3f tag as ESM', () => {
    const script = `
      import { v3f } from 'v3-filters/builder';
      import { v3fFor } from 'v3-filters';
      import { AccessProfilesApiFilters, findSailPointOperation } from 'v3-filters/sailpoint';
      const operation = findSailPointOperation('AccessProfilesV2024Api', 'listAccessProfiles');
      const checked = v3fFor(AccessProfilesApiFilters.listAccessProfiles);
      console.log(JSON.stringify({
        path: operation.path,
        version: operation.version,
        same: findSailPointOperation('AccessProfilesApi', 'listAccessProfiles').schema === AccessProfilesApiFilters.listAccessProfiles,
        text: v3f\`name eq \${'a"b'} and id in \${['1', '2']}\`,
        checked: checked\`name sw \${'Adm'}\`,
      }));`;
    expect(JSON.parse(run(process.execPath, ['--input-type=module', '-e', script]))).toEqual({
      path: '/access-profiles',
      version: 'v2024',
      same: true,
      text: 'name eq "a\\"b" and id in ("1", "2")',
      checked: 'name sw "Adm"',
    });
  });

  it('loads with require() (Node 20.19+ requires ESM without top-level await)', () => {
    writeFileSync(
      join(app, 'consumer.cjs'),
      `const { parse, format } = require('v3-filters');
const { createFilterBuilder, workflowExecutionsSchema } = require('v3-filters/builder');
const result = parse('status  eq "Failed"');
const f = createFilterBuilder(workflowExecutionsSchema);
console.log(format(result.ast) + ' | ' + String(f.ge('start_time', '2022-02-07T20:13:29Z')));
`,
    );
    expect(run(process.execPath, ['consumer.cjs'])).toBe(
      'status eq "Failed" | start_time ge 2022-02-07T20:13:29Z\n',
    );
  });

  it('gives tsserver the plugin it requires: a factory as module.exports, found without `exports`', () => {
    // tsserver resolves plugin names as Node 10 did (no `exports`), then require()s the file.
    const typescript = JSON.stringify(join(ROOT, 'node_modules', 'typescript'));
    writeFileSync(
      join(app, 'ts-plugin.cjs'),
      `const ts = require(${typescript});
const resolved = ts.resolveJSModule('v3-filters/ts-plugin', __dirname, ts.sys);
const factory = require(resolved);
const eslintPlugin = require('v3-filters/eslint').default;
console.log([require('node:path').basename(resolved), typeof factory, typeof factory({ typescript: ts }).create,
  factory === require('v3-filters/ts-plugin'), Object.keys(eslintPlugin.rules).join(' ')].join(' | '));
`,
    );
    expect(run(process.execPath, ['ts-plugin.cjs'])).toBe(
      'ts-plugin.cjs | function | function | true | valid-filters no-unsafe-interpolation\n',
    );
  });

  it('runs the bin through npx, offline', () => {
    const lint = spawnSync(
      'npx',
      ['--offline', 'v3-filters', 'lint', 'status eq "Fail"', '--endpoint', 'workflow-executions'],
      { cwd: app, encoding: 'utf8' },
    );
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('error unknown-enum-value');
    expect(run('npx', ['--offline', 'v3-filters', 'fmt', '(a  eq 1)'])).toBe('a eq 1\n');
    expect(run('npx', ['--offline', 'v3-filters', '--version']).trim()).toBe(pkg.version);
  });

  it('type-checks every entry under the legacy moduleResolution "node" (typesVersions)', () => {
    const folder = join(app, 'ts-node10');
    mkdirSync(folder, { recursive: true });
    // Every subpath must resolve (TS2307 otherwise); the builder's types must be the real ones.
    // Library checking is off: the framework entries' declarations import peers not installed here.
    const imports = ENTRIES.filter((entry) => entry.subpath !== '.').map(
      (entry, i) =>
        `import * as entry${i} from 'v3-filters/${entry.subpath.slice(2)}';\nexport const names${i}: string[] = Object.keys(entry${i});`,
    );
    writeFileSync(
      join(folder, 'consumer.ts'),
      `import { parse, type ParseResult } from 'v3-filters';
import { type BuiltFilter, createFilterBuilder, defineSchema, v3f } from 'v3-filters/builder';
import { AccessProfilesApiFilters, findSailPointOperation } from 'v3-filters/sailpoint';
${imports.join('\n')}

const f = createFilterBuilder(defineSchema({ fields: { name: { type: 'string', operators: ['eq'] } } }));
export const result: ParseResult = parse(String(f.eq('name', 'x')));
// @ts-expect-error the schema has no field \`age\`: the types are real, not any
f.eq('age', 1);
export const text: string = v3f\`name eq \${'x'}\`;
const profiles = createFilterBuilder(AccessProfilesApiFilters.listAccessProfiles);
export const built: BuiltFilter = profiles.sw('name', 'Adm');
// @ts-expect-error \`name\` allows only eq and sw on this endpoint: the SailPoint schemas are typed
profiles.co('name', 'x');
export const found = findSailPointOperation('AccessProfilesApi', 'listAccessProfiles')?.path;
`,
    );
    writeFileSync(
      join(folder, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'commonjs',
          moduleResolution: 'node',
          target: 'ES2022',
          lib: ['ES2022', 'DOM'],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
        },
        files: ['consumer.ts'],
      }),
    );
    const checked = spawnSync(process.execPath, [tsc, '-p', folder], { cwd: app, encoding: 'utf8' });
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.status).toBe(0);
  });

  for (const resolution of ['node16', 'bundler'] as const) {
    it(`type-checks a TypeScript consumer under moduleResolution ${resolution}`, () => {
      const folder = join(app, `ts-${resolution}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(
        join(folder, 'consumer.ts'),
        `import { type Expression, parse, type ParseResult } from 'v3-filters';
import { type BuiltFilter, createFilterBuilder, defineSchema, FilterBuildError, v3f } from 'v3-filters/builder';
import { AccessProfilesApiFilters, findSailPointOperation } from 'v3-filters/sailpoint';

const schema = defineSchema({ fields: { name: { type: 'string', operators: ['eq', 'sw'] } } });
const f = createFilterBuilder(schema);
const list: BuiltFilter[] = ['a', 'b'].map((prefix) => f.sw('name', prefix));
export const either: BuiltFilter = f.or(...list);
export const result: ParseResult = parse(String(either));
export const tree: Expression | undefined = result.ok ? result.ast : undefined;
export const error = new FilterBuildError('x');
// @ts-expect-error the schema has no field \`age\`: the types are real, not any
f.eq('age', 1);
export const text: string = v3f\`name eq \${'x'}\`;
const profiles = createFilterBuilder(AccessProfilesApiFilters.listAccessProfiles);
export const built: BuiltFilter = profiles.sw('name', 'Adm');
// @ts-expect-error \`name\` allows only eq and sw on this endpoint: the SailPoint schemas are typed
profiles.co('name', 'x');
export const found = findSailPointOperation('AccessProfilesApi', 'listAccessProfiles')?.path;
`,
      );
      const options =
        resolution === 'node16'
          ? { module: 'node16', moduleResolution: 'node16' }
          : { module: 'esnext', moduleResolution: 'bundler' };
      writeFileSync(
        join(folder, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            ...options,
            target: 'ES2022',
            lib: ['ES2022', 'DOM'],
            types: [],
            strict: true,
            noEmit: true,
            skipLibCheck: false,
          },
          files: ['consumer.ts'],
        }),
      );
      const checked = spawnSync(process.execPath, [tsc, '-p', folder], { cwd: app, encoding: 'utf8' });
      expect(checked.stdout + checked.stderr).toBe('');
      expect(checked.status).toBe(0);
    });
  }

  it('parses a valid filter without running Chevrotain; the first invalid one loads it', () => {
    // Chevrotain's bundled lodash reads the global `self` once, when its module runs: a getter
    // on it tells whether that code has run yet.
    const script = `
      let ran = false;
      Object.defineProperty(globalThis, 'self', { configurable: true, get() { ran = true; return undefined; } });
      const { parse } = await import('v3-filters');
      const steps = [ran];
      parse('status eq "Failed" and (start_time ge 2022-02-07T20:13:29Z or not owner pr)');
      steps.push(ran);
      parse('status eq');
      steps.push(ran);
      console.log(JSON.stringify(steps));`;
    expect(JSON.parse(run(process.execPath, ['--input-type=module', '-e', script]))).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('the builder entry reaches no Chevrotain, no yaml and nothing of Node', () => {
    const installed = join(app, 'node_modules', 'v3-filters', 'dist');
    const reached = new Set<string>();
    const pending = [join(installed, 'builder.js')];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (reached.has(file)) continue;
      reached.add(file);
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/EmbeddedActionsParser|createToken|from "(node:|commander|yaml)/);
      for (const [, path] of text.matchAll(/from "(\.[^"]+)"/g)) {
        pending.push(join(file, '..', path!));
      }
    }
    expect(reached.size).toBeGreaterThan(1);
    expect(readdirSync(join(installed, 'chunks')).length).toBeGreaterThan(reached.size - 1);
  });
});
