import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * The `return`s in the predicates of fast-check properties (`fc.property(..., predicate)`,
 * `fc.asyncProperty`): each ends a run early, and a bare `return` or `return true` ends it
 * without asserting anything. A run that does not apply says so with `fc.pre` (fast-check counts
 * those and fails when too few runs qualify); the predicates assert with `expect` and return
 * nothing.
 */
function silentReturns(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const inPredicate = (predicate: ts.Node, node: ts.Node): void => {
    if (node !== predicate && ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push(`${path.relative(ROOT, file)}:${line}: ${node.getText()}`);
    }
    ts.forEachChild(node, (child) => inPredicate(predicate, child));
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ['property', 'asyncProperty'].includes(node.expression.name.text)
    ) {
      const predicate = node.arguments[node.arguments.length - 1];
      if (predicate && (ts.isArrowFunction(predicate) || ts.isFunctionExpression(predicate))) {
        inPredicate(predicate, predicate);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('property tests', () => {
  it('never end a run early: fc.pre says which runs do not apply', () => {
    const files = testFiles(path.join(ROOT, 'test'));
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => silentReturns(file))).toEqual([]);
  });

  it('finds the silent returns it looks for (the check above can fail)', () => {
    const text = [
      'fc.assert(fc.property(fc.string(), (s) => {',
      '  const parsed = parse(s);',
      '  if (!parsed.ok) return;',
      '  if (s === "") return true;',
      '  const inner = () => { return; };',
      '  if (s === "x") return expect(parsed.ast).toBeDefined();',
      '  fc.pre(s !== "y");',
      '}));',
    ].join('\n');
    expect(silentReturns(path.join(ROOT, 'probe.ts'), text)).toEqual([
      'probe.ts:3: return;',
      'probe.ts:4: return true;',
      'probe.ts:6: return expect(parsed.ast).toBeDefined();',
    ]);
  });
});
