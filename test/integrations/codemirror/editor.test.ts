import {
  CompletionContext,
  type CompletionSource,
  type CompletionResult as EditorCompletions,
} from '@codemirror/autocomplete';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complete } from '../../../src/complete/index.js';
import { defineSchema, type Schema, workflowExecutionsSchema as seed } from '../../../src/index.js';
import {
  COMPLETION_TYPES,
  checkFilter,
  describeField,
  filterSchemaOf,
  hoverAt,
  setFilterSchema,
  toEditorDiagnostic,
  v3Filters,
} from '../../../src/integrations/codemirror/index.js';

const tagsSchema: Schema = defineSchema({
  fields: {
    name: { type: 'string', operators: ['eq', 'sw'], caseSensitive: true },
    tags: { type: 'string', operators: ['ca'], collection: true, description: 'Labels.' },
  },
});

function stateOf(doc: string, schema: Schema | undefined = seed): EditorState {
  const state = EditorState.create({ doc, extensions: [v3Filters(schema === undefined ? {} : { schema })] });
  ensureSyntaxTree(state, doc.length, 5000);
  return state;
}

function completionsAt(state: EditorState, pos: number): EditorCompletions | null {
  const sources = state.languageDataAt<CompletionSource>('autocomplete', pos);
  expect(sources).toHaveLength(1);
  return sources[0]!(new CompletionContext(state, pos, false)) as EditorCompletions | null;
}

describe('lint', () => {
  it('reports the parser’s problems, then the validator’s, and nothing for an empty box', () => {
    expect(checkFilter('', seed)).toEqual([]);
    expect(checkFilter('   ', seed)).toEqual([]);
    expect(checkFilter('status EQ "Failed"', seed).map((d) => d.code)).toEqual(['operator-case']);
    expect(checkFilter('status eq "Fail" and startTime ge 2022-02-07', seed).map((d) => d.code)).toEqual([
      'unknown-enum-value',
      'unknown-field',
    ]);
    // Without a schema: syntax only.
    expect(checkFilter('startTime ge 2022-02-07', undefined)).toEqual([]);
    // Warnings come through as warnings.
    const duplicate = checkFilter(
      'name in ("a", "a")',
      defineSchema({ fields: { name: { type: 'string', operators: ['in'] } } }),
    );
    expect(duplicate.map((d) => [d.code, d.severity])).toEqual([['duplicate-value', 'warning']]);
  });

  it('maps a diagnostic to CodeMirror’s: span, severity, code as source, fixes as actions', () => {
    const [problem] = checkFilter('status eq "Fail"', seed);
    const mapped = toEditorDiagnostic(problem!, 16);
    expect(mapped).toMatchObject({ from: 10, to: 16, severity: 'error', source: 'unknown-enum-value' });
    expect(mapped.message).toBe(problem!.message);
    expect(mapped.actions?.map((a) => a.name)).toEqual(['Use `"Failed"`']);
    // A span past the end of the document (it changed since) is clamped into it.
    expect(toEditorDiagnostic({ ...problem!, span: { start: 30, end: 40 } }, 16)).toMatchObject({
      from: 16,
      to: 16,
    });
  });

  it('maps the diagnostics of any text without throwing, inside the document', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        for (const d of checkFilter(text, seed)) {
          const mapped = toEditorDiagnostic(d, text.length);
          expect(0 <= mapped.from && mapped.from <= mapped.to && mapped.to <= text.length).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the schema', () => {
  it('starts as configured and changes with setFilterSchema', () => {
    const state = stateOf('name eq "x"');
    expect(filterSchemaOf(state)).toBe(seed);
    const changed = state.update({ effects: setFilterSchema.of(tagsSchema) }).state;
    expect(filterSchemaOf(changed)).toBe(tagsSchema);
    expect(filterSchemaOf(changed.update({ effects: setFilterSchema.of(undefined) }).state)).toBeUndefined();
    expect(filterSchemaOf(EditorState.create({}))).toBeUndefined();
  });
});

describe('completion', () => {
  it('answers from complete(), mapping range, kinds and apply', () => {
    const text = 'status eq "Fa';
    const result = completionsAt(stateOf(text), text.length)!;
    const library = complete(text, text.length, { schema: seed });
    expect(result.from).toBe(library.from);
    expect(result.to).toBe(library.to);
    expect(result.options.map((o) => o.label)).toEqual(library.options.map((o) => o.label));
    expect(result.options[0]).toMatchObject({ label: '"Failed"', type: COMPLETION_TYPES.value });
  });

  it('offers the schema’s fields, and follows a schema change', () => {
    const state = stateOf('');
    expect(
      completionsAt(state, 0)!
        .options.filter((o) => o.type === 'property')
        .map((o) => o.label),
    ).toEqual(['start_time', 'status']);
    const changed = state.update({ effects: setFilterSchema.of(tagsSchema) }).state;
    expect(
      completionsAt(changed, 0)!
        .options.filter((o) => o.type === 'property')
        .map((o) => o.label),
    ).toEqual(['name', 'tags']);
  });

  it('inserts exactly what complete() says accepting means, at any cut of any filter', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'status eq "Failed" and start_time ge 2022-02-07T20:13:29Z',
          'not (status eq "Canceled")',
          'sta',
        ),
        fc.nat(),
        (filter, cut) => {
          const pos = cut % (filter.length + 1);
          const state = stateOf(filter);
          const result = completionsAt(state, pos);
          const library = complete(filter, pos, { schema: seed });
          if (library.options.length === 0) expect(result).toBeNull();
          else {
            expect(result).not.toBeNull();
            result!.options.forEach((option, index) => {
              const expected = library.options[index]!;
              const inserted = typeof option.apply === 'string' ? option.apply : option.label;
              expect(inserted).toBe(expected.apply ?? expected.label);
              expect(option.type).toBe(COMPLETION_TYPES[expected.kind]);
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('hover', () => {
  it('shows a field’s type, operators, values and description', () => {
    const state = stateOf('status eq "Failed"');
    const tooltip = hoverAt(state, seed, 2, 1);
    expect(tooltip).toMatchObject({ pos: 0, end: 6 });
    expect(describeField('status', seed.fields.status)).toEqual([
      'status: string',
      'operators: eq',
      'values: Completed, Failed, Canceled, Executing',
      'Workflow execution status.',
    ]);
    expect(describeField('tags', tagsSchema.fields.tags)).toEqual([
      'tags: collection of string',
      'operators: ca',
      'Labels.',
    ]);
    expect(describeField('name', tagsSchema.fields.name)).toContain('case-sensitive');
  });

  it('explains operators, says when a field is unknown, and stays silent elsewhere', () => {
    const state = stateOf('toString eq "x" or __proto__ pr');
    expect(hoverAt(state, seed, 10, 1)).toMatchObject({ pos: 9, end: 11 });
    expect(hoverAt(state, seed, 2, 1)).not.toBeNull();
    expect(describeField('toString', undefined)).toEqual(['toString: not a field of this endpoint']);
    expect(hoverAt(state, seed, 14, 1)).toBeNull(); // inside the string value
    expect(hoverAt(state, undefined, 2, 1)).toBeNull(); // no schema: nothing to say about fields
  });
});
