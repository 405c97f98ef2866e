import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installConsumer } from '../support/consumer.js';

/**
 * The plugin as an editor runs it: tsserver (the consumer's own TypeScript) loads
 * `v3-filters/ts-plugin` from tsconfig.json's `plugins`, and the test speaks tsserver's protocol
 * to it: open a file, ask for diagnostics, completions and quick fixes at positions.
 */
class TsServer {
  private readonly child: ChildProcess;
  private buffer = Buffer.alloc(0);
  private seq = 0;
  private readonly pending = new Map<number, (body: unknown) => void>();

  constructor(app: string) {
    this.child = spawn(
      process.execPath,
      [join(app, 'node_modules', 'typescript', 'lib', 'tsserver.js'), '--disableAutomaticTypingAcquisition'],
      {
        cwd: app,
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    this.child.stdout!.on('data', (chunk: Buffer) => this.read(chunk));
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const header = this.buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/.exec(this.buffer.subarray(0, header).toString())![1]);
      if (this.buffer.length < header + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(header + 4, header + 4 + length).toString()) as {
        type: string;
        request_seq?: number;
        body?: unknown;
        success?: boolean;
        message?: string;
      };
      this.buffer = this.buffer.subarray(header + 4 + length);
      if (message.type === 'response' && message.request_seq !== undefined) {
        const resolve = this.pending.get(message.request_seq);
        this.pending.delete(message.request_seq);
        resolve?.(message.success === false ? { error: message.message } : message.body);
      }
    }
  }

  request<T>(command: string, args: unknown): Promise<T> {
    const seq = ++this.seq;
    const answer = new Promise<T>((resolve) => this.pending.set(seq, resolve as (body: unknown) => void));
    this.child.stdin!.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`);
    return answer;
  }

  close(): void {
    this.child.kill();
  }
}

interface Diagnostic {
  start: { line: number; offset: number };
  end: { line: number; offset: number };
  text: string;
  code: number;
  category: string;
  source?: string;
}

const SOURCE = `import { AccessProfilesApi, AccessProfilesBetaApi, Configuration } from 'sailpoint-api-client';
import { parse } from 'v3-filters';

export async function list(api: AccessProfilesBetaApi): Promise<void> {
  await api.listAccessProfiles({ filters: 'nmae eq "x"' });
  await new AccessProfilesApi(new Configuration()).listAccessProfiles({ filters: "name EQ \\"x\\"" });
  parse('name eq "x" and ');
  await api.listAccessProfiles({ filters: 'name eq "x" and ' });
  await search({ query: \`status eq "open" and \${'x'} eq 1\` });
  const unrelated = { filters: 'anything @@' };
  void unrelated;
}

declare function search(request: { query: string }): Promise<void>;
`;

let app: string;
let server: TsServer;
const file = () => join(app, 'src', 'index.ts');

/** The 1-based line and offset of the first occurrence of `needle` (plus `shift` characters). */
function at(needle: string, shift = 0): { line: number; offset: number } {
  const index = SOURCE.indexOf(needle) + shift;
  const before = SOURCE.slice(0, index);
  return { line: before.split('\n').length, offset: index - before.lastIndexOf('\n') };
}

beforeAll(async () => {
  app = await installConsumer('v3-filters-tsserver-');
  const statusSchema = {
    fields: { status: { type: 'string', operators: ['eq'], enum: ['open', 'closed'] } },
  };
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        skipLibCheck: true,
        noEmit: true,
        plugins: [
          {
            name: 'v3-filters/ts-plugin',
            targets: [{ callee: 'search', property: 'query', schema: statusSchema }],
          },
        ],
      },
      include: ['src'],
    }),
  );
  mkdirSync(dirname(file()), { recursive: true });
  writeFileSync(file(), SOURCE);
  server = new TsServer(app);
  await server.request('open', { file: file(), fileContent: SOURCE, projectRootPath: app });
}, 600_000);

afterAll(() => {
  server?.close();
  if (app) rmSync(dirname(app), { recursive: true, force: true });
});

describe('the TypeScript plugin in tsserver', () => {
  it('reports each filter problem at its token, with the library message, and nothing for other strings', async () => {
    const diagnostics = await server.request<Diagnostic[]>('semanticDiagnosticsSync', { file: file() });
    const own = diagnostics
      .filter((d) => d.source === 'v3-filters')
      .map(({ start, end, text, category }) => ({ start, end, text, category }));
    expect(own).toEqual([
      {
        start: at('nmae'),
        end: at('nmae', 4),
        text: 'Unknown field `nmae`; did you mean `name`? Fields: `id`, `name`, `created`, `modified`, `owner.id`, `requestable` and `source.id`',
        category: 'error',
      },
      { start: at('EQ'), end: at('EQ', 2), text: 'Operators are lowercase: use `eq`', category: 'error' },
      // An empty span: where the missing comparison would start.
      {
        start: at("and ');", 4),
        end: at("and ');", 4),
        text: 'Missing comparison after `and`',
        category: 'error',
      },
      {
        start: at("and ' })", 4),
        end: at("and ' })", 4),
        text: 'Missing comparison after `and`',
        category: 'error',
      },
    ]);
    // The substitution's problems are unknown until run time; TypeScript's own diagnostics stay.
    expect(diagnostics.filter((d) => d.source !== 'v3-filters')).toEqual([]);
  });

  it('completes inside the filter string from the operation schema, replacing what is typed', async () => {
    const position = at("and ' })", 4);
    const completions = await server.request<{ entries: { name: string; insertText?: string }[] }>(
      'completionInfo',
      {
        file: file(),
        ...position,
      },
    );
    const names = completions.entries.map((entry) => entry.name);
    expect(names).toEqual(
      expect.arrayContaining(['id', 'name', 'created', 'modified', 'owner.id', 'requestable', 'source.id']),
    );
    expect(names).not.toContain('nmae');
    const partial = at('name EQ', 2);
    const inWord = await server.request<{
      entries: { name: string; replacementSpan?: { start: unknown; end: unknown } }[];
    }>('completionInfo', { file: file(), ...partial });
    expect(inWord.entries.find((entry) => entry.name === 'name')?.replacementSpan).toEqual({
      start: at('name EQ'),
      end: at('name EQ', 4),
    });
  });

  it('offers the library fixes as quick fixes, escaped for the literal', async () => {
    const diagnostics = await server.request<Diagnostic[]>('semanticDiagnosticsSync', { file: file() });
    const operatorCase = diagnostics.find((d) => d.text.startsWith('Operators are lowercase'))!;
    const fixes = await server.request<
      {
        description: string;
        changes: { textChanges: { start: unknown; end: unknown; newText: string }[] }[];
      }[]
    >('getCodeFixes', {
      file: file(),
      startLine: operatorCase.start.line,
      startOffset: operatorCase.start.offset,
      endLine: operatorCase.end.line,
      endOffset: operatorCase.end.offset,
      errorCodes: [operatorCase.code],
    });
    expect(fixes.map((fix) => [fix.description, fix.changes[0]!.textChanges])).toEqual([
      ['Use `eq`', [{ start: at('EQ'), end: at('EQ', 2), newText: 'eq' }]],
    ]);
    const unknown = diagnostics.find((d) => d.text.startsWith('Unknown field'))!;
    const suggestions = await server.request<{ description: string }[]>('getCodeFixes', {
      file: file(),
      startLine: unknown.start.line,
      startOffset: unknown.start.offset,
      endLine: unknown.end.line,
      endOffset: unknown.end.offset,
      errorCodes: [unknown.code],
    });
    expect(suggestions.map((fix) => fix.description)).toEqual(['Use `name`']);
  });
});
