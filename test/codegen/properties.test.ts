import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { commentLine } from '../../src/codegen/comments.js';
import { exportNameFor, NameRegistry } from '../../src/codegen/identifiers.js';
import { schemaLiteral } from '../../src/codegen/literal.js';
import type { Schema } from '../../src/schema/types.js';
import { validSchema } from '../schema/schema-arbitraries.js';

/** Any text, with the characters that could break out of a string or a comment made likely. */
const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '*/',
      '/*',
      '"',
      "'",
      '\\',
      '`',
      '${',
      '\n',
      '\r',
      '\u2028',
      '\u2029',
      '\u202e',
      '\u0000',
      '@',
    ),
    fc.string({ unit: 'grapheme', maxLength: 1 }),
  ),
  maxLength: 30,
});

/** Evaluates a literal as the generated module's code would be evaluated. */
function evaluate(literal: string): unknown {
  const js = ts.transpileModule(`export const value = ${literal};`, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const exports: { value?: unknown } = {};
  new Function('exports', js)(exports);
  return exports.value;
}

describe('codegen parts: properties', () => {
  it('a schema literal evaluates to the schema, whatever its names, descriptions and values', () => {
    const schemas = validSchema.chain((schema) =>
      fc
        .record({
          description: hostileText,
          value: hostileText,
          name: fc.constantFrom('__proto__', 'a-b', 'x.y', 'ok'),
        })
        .map(({ description, value, name }): Schema => {
          const fields = { ...schema.fields };
          Object.defineProperty(fields, name, {
            value: {
              type: 'string',
              operators: ['eq'],
              enum: [value],
              description,
              path: 'p.q',
            },
            enumerable: true,
            configurable: true,
            writable: true,
          });
          return { ...schema, fields };
        }),
    );
    fc.assert(
      fc.property(schemas, (schema) => {
        const back = evaluate(schemaLiteral(schema)) as Schema;
        expect(back).toEqual(schema);
        expect(Object.keys(back.fields)).toEqual(Object.keys(schema.fields));
        expect(Object.getPrototypeOf(back.fields)).toBe(Object.prototype);
      }),
      { numRuns: 150 },
    );
  });

  it('a comment line never closes the comment nor breaks the line, and keeps visible text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const line = commentLine(text);
        expect(line).not.toContain('*/');
        for (const raw of ['\n', '\r', '\u2028', '\u2029', '\u202e', String.fromCharCode(0)]) {
          expect(line).not.toContain(raw);
        }
        // Inside a block comment it leaves a program with no code but what follows.
        const js = ts.transpileModule(`/**\n * ${line}\n */\nexport const x = 1;`, {
          compilerOptions: { module: ts.ModuleKind.CommonJS },
          reportDiagnostics: true,
        });
        expect(js.diagnostics).toEqual([]);
        expect(js.outputText).toContain('exports.x = 1;');
      }),
      { numRuns: 300 },
    );
  });

  it('export names are identifiers, and the registry never hands one out twice', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.option(hostileText, { nil: undefined }), fc.constantFrom('GET', 'POST'), hostileText),
          {
            maxLength: 12,
          },
        ),
        (endpoints) => {
          const registry = new NameRegistry();
          const names = endpoints.map(([id, method, path]) =>
            registry.claim(exportNameFor(id, method, path)),
          );
          for (const name of names) expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*Schema\d*$/);
          expect(new Set(names).size).toBe(names.length);
          expect(names).not.toContain('defineSchema');
        },
      ),
      { numRuns: 300 },
    );
  });
});
