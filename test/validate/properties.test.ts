import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPredicate } from '../../src/ast/index.js';
import { tryCompileSql } from '../../src/compile/sql/index.js';
import { applyFixes, type Expression, forEachExpression, format, parse } from '../../src/index.js';
import { COMPOSITE_OPERATORS, PRIMITIVE_OPERATORS } from '../../src/language/operators.js';
import type { Schema } from '../../src/schema/index.js';
import { validate } from '../../src/validate/index.js';
import { validField } from '../schema/schema-arbitraries.js';
import { expressionNode } from '../support/ast-arbitraries.js';

const LIMITS = { maxComparisons: 10_000, maxDepth: 200 };

/** The tree of a printed filter, which always parses (the test fails with the diagnostics otherwise). */
function printedTree(text: string): Expression {
  const parsed = parse(text, { limits: LIMITS });
  if (!parsed.ok)
    expect.fail(`printed filter does not parse: ${text}: ${JSON.stringify(parsed.diagnostics)}`);
  return parsed.ast;
}

function fieldNames(ast: Expression): string[] {
  const names = new Set<string>();
  forEachExpression(ast, (node) => {
    if (isPredicate(node)) names.add(node.field.name);
  });
  return [...names];
}

/** A parsed filter and a valid schema that declares some of its fields (and maybe others). */
const filterAndSchema = expressionNode.chain((tree) => {
  const text = format(tree);
  const names = fieldNames(tree);
  return fc
    .record({
      declared: fc.subarray(names),
      extra: fc.array(fc.constantFrom('status', 'name', 'zeta'), { maxLength: 2 }),
      composite: fc.option(fc.subarray([...COMPOSITE_OPERATORS]), { nil: undefined }),
      caseSensitive: fc.option(fc.boolean(), { nil: undefined }),
    })
    .chain(({ declared, extra, composite, caseSensitive }) => {
      const all = [...new Set([...declared, ...extra])];
      return fc.tuple(...all.map(() => validField)).map((fields) => {
        const schema: Schema = {
          fields: Object.fromEntries(all.map((name, i) => [name, fields[i]!])),
          ...(composite ? { composite } : {}),
          ...(caseSensitive !== undefined ? { caseSensitive } : {}),
        };
        return { text, schema };
      });
    });
});

/** An independent, recursive count of the whitelist violations (not types or values). */
function referenceCounts(ast: Expression, schema: Schema): Record<string, number> {
  const counts: Record<string, number> = {
    'unknown-field': 0,
    'operator-not-allowed': 0,
    'composite-not-allowed': 0,
  };
  const visit = (node: Expression): void => {
    switch (node.kind) {
      case 'and':
      case 'or':
      case 'not':
        if (schema.composite && !schema.composite.includes(node.kind)) counts['composite-not-allowed']!++;
        for (const child of node.kind === 'not' ? [node.operand] : node.operands) visit(child);
        return;
      default: {
        const declared = Object.entries(schema.fields).find(([name]) => name === node.field.name)?.[1];
        if (!declared) counts['unknown-field']!++;
        else if (!declared.operators.includes(node.operator)) counts['operator-not-allowed']!++;
      }
    }
  };
  visit(ast);
  return counts;
}

const KNOWN_CODES = new Set([
  'value-out-of-range',
  'unsupported-character',
  'unknown-field',
  'operator-not-allowed',
  'composite-not-allowed',
  'type-mismatch',
  'unknown-enum-value',
  'duplicate-value',
]);

describe('validate properties', () => {
  it('never throws; every diagnostic has a known code and a span inside the input', () => {
    fc.assert(
      fc.property(filterAndSchema, ({ text, schema }) => {
        for (const d of validate(printedTree(text), schema, { text })) {
          expect(KNOWN_CODES.has(d.code), d.code).toBe(true);
          expect(0 <= d.span.start && d.span.start <= d.span.end && d.span.end <= text.length).toBe(true);
          for (const fix of d.fixes ?? []) {
            for (const edit of fix.edits) expect(edit.span.end <= text.length).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts whitelist violations as an independent recursive check does', () => {
    fc.assert(
      fc.property(filterAndSchema, ({ text, schema }) => {
        const ast = printedTree(text);
        const found = validate(ast, schema, { text });
        const counts = referenceCounts(ast, schema);
        for (const [code, count] of Object.entries(counts)) {
          expect(found.filter((d) => d.code === code).length, code).toBe(count);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('on a schema allowing every field, operator and composite, untyped, reports only what the compilers refuse', () => {
    fc.assert(
      fc.property(expressionNode, (tree) => {
        const text = format(tree);
        const ast = printedTree(text);
        const operators = PRIMITIVE_OPERATORS;
        const fields = Object.fromEntries(
          fieldNames(ast).map((name) => [name, { type: 'unknown' as const, operators, collection: true }]),
        );
        const found = validate(ast, { fields }, { text });
        const errors = found.filter((d) => d.severity === 'error');
        // Only the shared acceptance rule speaks (value kinds, number range, SQL text), and exactly
        // where the compilers refuse the filter.
        for (const e of errors) {
          expect(['type-mismatch', 'value-out-of-range', 'unsupported-character']).toContain(e.code);
        }
        const compiled = tryCompileSql(ast, { schema: { fields }, dialect: 'postgres' });
        expect(compiled.ok, JSON.stringify({ text, errors })).toBe(errors.length === 0);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the text parseable when every offered fix is applied', () => {
    fc.assert(
      fc.property(filterAndSchema, ({ text, schema }) => {
        const fixed = applyFixes(text, validate(printedTree(text), schema, { text }));
        expect(parse(fixed, { limits: LIMITS }).ok, fixed).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
