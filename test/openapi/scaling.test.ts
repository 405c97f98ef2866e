import { describe, expect, it } from 'vitest';
import { importOpenApi, readFilterDeclaration, readSortableFields } from '../../src/openapi/index.js';
import { expectLinear, ratiosPerDoubling } from '../support/growth.js';

/**
 * The readers of an OpenAPI document's prose take time linear in its length on every shape of
 * hostile text: twice the text, about twice the time (a bound of 3 per doubling; quadratic work
 * shows near 4, and the polynomial ones never finish the largest size).
 */

const HEADER = 'Filtering is supported for the following fields and operators:\n\n';
const SIZES = [8192, 16_384, 32_768, 65_536];

/** Descriptions of a `filters` parameter, each `n` characters or so of one hostile shape. */
const FILTER_DESCRIPTIONS: Readonly<Record<string, (n: number) => string>> = {
  'spaces after the composite phrase': (n) => `${HEADER}Supported composite operators${' '.repeat(n)}!`,
  // A pattern that backtracks as n^5 never finishes at the sizes above: its run of spaces doubles
  // from 64 (under a millisecond for n^5 work), behind prose that keeps linear work measurable.
  'a short run of spaces after the composite phrase': (n) =>
    `${HEADER}${'x'.repeat(65_536)}\nSupported composite operators${' '.repeat(n / 128)}!`,
  'the composite phrase repeated': (n) =>
    `${HEADER}${'Supported composite operators ** : '.repeat(Math.ceil(n / 35))}!`,
  'a composite list of commas': (n) => `${HEADER}Supported composite operators: and${' , '.repeat(n / 3)}!`,
  '"all values" repeated': (n) => `${HEADER}${'all values '.repeat(Math.ceil(n / 11))}`,
  '"all filter values" then a long sentence': (n) =>
    `${HEADER}All filter values ${'x '.repeat(n / 2)}case-insensitive.`,
  'a Possible Values line of spaces': (n) =>
    `${HEADER}**a**: *eq*\n\n**Possible Values:** x${' '.repeat(n)}y`,
  'a Possible Values line of marks and commas': (n) =>
    `${HEADER}**a**: *eq*\n\n**Possible Values:** ${'* ` , '.repeat(n / 6)}`,
  'bold marks never closed': (n) => `${HEADER}${'**a '.repeat(n / 4)}`,
  'single stars': (n) => `${HEADER}**a**: ${'*'.repeat(n)}`,
  'stars and spaces': (n) => `${HEADER}**a**: ${'* '.repeat(n / 2)}`,
  'many declarations on one line': (n) => `${HEADER}${'**a**: *eq*  '.repeat(n / 13)}`,
  'a long field name': (n) => `${HEADER}**${'a.'.repeat(n / 2)}a**: *eq*`,
  'blank lines': (n) => `${HEADER}${'\r\n'.repeat(n / 2)}`,
};

const SORT_DESCRIPTIONS: Readonly<Record<string, (n: number) => string>> = {
  'a bold list never closed': (n) =>
    `Sorting is supported for the following fields: **${'a, '.repeat(n / 3)}`,
  'bold names with commas': (n) =>
    `Sorting is supported for the following fields: ${'**a**, '.repeat(n / 7)}`,
  'spaces before the list': (n) => `Sorting is supported for the following fields:${' '.repeat(n)}x`,
};

function documentWith(description: string): object {
  return {
    openapi: '3.0.0',
    paths: {
      '/items': {
        get: {
          parameters: [{ in: 'query', name: 'filters', description }],
          responses: {
            '200': {
              content: {
                'application/json': {
                  schema: { type: 'array', items: { type: 'object', properties: { a: { type: 'string' } } } },
                },
              },
            },
          },
        },
      },
    },
  };
}

function expectLinearIn<T>(run: (input: T) => unknown, make: (n: number) => T): void {
  expectLinear(ratiosPerDoubling(run, make, { sizes: SIZES }));
}

describe('OpenAPI prose readers: time per doubling of hostile text', () => {
  it.each(Object.entries(FILTER_DESCRIPTIONS))(
    'readFilterDeclaration, %s',
    (_, make) => {
      expectLinearIn(readFilterDeclaration, make);
    },
    60_000,
  );

  it.each(Object.entries(SORT_DESCRIPTIONS))(
    'readSortableFields, %s',
    (_, make) => {
      expectLinearIn(readSortableFields, make);
    },
    60_000,
  );

  it('importOpenApi, a declared field name ending in a run of underscores', () => {
    expectLinearIn(importOpenApi, (n) => documentWith(`${HEADER}**a${'_'.repeat(n)}**: *eq*`));
  }, 60_000);

  it('importOpenApi, the composite phrase before a run of spaces', () => {
    expectLinearIn(importOpenApi, (n) =>
      documentWith(`${HEADER}${'x'.repeat(65_536)}\nSupported composite operators${' '.repeat(n / 128)}!`),
    );
  }, 60_000);
});

describe('OpenAPI prose readers: what the linear readers still read', () => {
  it('the composite list in each written form', () => {
    const forms = [
      'Supported composite operators are *and, or*',
      '**Supported composite operators**: *and , or*',
      'Supported composite operators: and,or',
      'supported composite operators ARE: **and**',
    ];
    expect(forms.map((form) => readFilterDeclaration(`${HEADER}${form}`).composite)).toEqual([
      ['and', 'or'],
      ['and', 'or'],
      ['and', 'or'],
      ['and'],
    ]);
    // A phrase that lists nothing is passed over for a later one that does.
    expect(
      readFilterDeclaration(`${HEADER}Supported composite operators!\nSupported composite operators: or`)
        .composite,
    ).toEqual(['or']);
    expect(readFilterDeclaration(`${HEADER}Supported composite operators: 1`).composite).toBeUndefined();
  });

  it('the case sentence, only within one sentence', () => {
    const read = (text: string) => readFilterDeclaration(`${HEADER}${text}`).caseSensitive;
    expect(read('All filter values are case-sensitive for this API.')).toBe(true);
    expect(read('all field values are Case-Insensitive')).toBe(false);
    expect(read('All values of x. Never case-sensitive.')).toBeUndefined();
    expect(read('All values here\ncase-sensitive')).toBeUndefined();
    expect(read('Not all values. All values are case-insensitive.')).toBe(false);
  });

  it('possible values without the marks around them', () => {
    const declared = readFilterDeclaration(
      `${HEADER}**s**: *eq*\n\n**Possible Values:** \`A\`, "B" , *C*., 'D'  ,  , E.`,
    );
    expect(declared.fields[0]?.values).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('snake_case field names matched to camelCase properties', () => {
    const document = documentWith(`${HEADER}**created__at_**: *eq*`) as {
      paths: { '/items': { get: { responses: { '200': { content: Record<string, { schema: object }> } } } } };
    };
    document.paths['/items'].get.responses['200'].content['application/json']!.schema = {
      type: 'array',
      items: { type: 'object', properties: { createdAt_: { type: 'integer' } } },
    };
    const imported = importOpenApi(document);
    expect(imported.endpoints[0]?.schema.fields.created__at_?.type).toBe('integer');
  });
});
