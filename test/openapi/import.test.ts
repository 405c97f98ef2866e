import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { importOpenApi, readFilterDeclaration, readSortableFields } from '../../src/openapi/index.js';

const header = 'Filter results.\n\nFiltering is supported for the following fields and operators:\n\n';

describe('readFilterDeclaration: the prose variants', () => {
  it.each([
    [
      'the usual form',
      `${header}**start_time**: *eq, lt*\n\n**status**: *eq*`,
      ['start_time: eq lt', 'status: eq'],
    ],
    ['a missing colon', `${header}**reviewedByUser** *eq*`, ['reviewedByUser: eq']],
    ['the colon inside the bold', `${header}**name:** *eq, sw*`, ['name: eq sw']],
    ['extra spaces', `${header}**enabled**:   *eq ,  ne*      \n`, ['enabled: eq ne']],
    ['no emphasis', `${header}**id**: eq, in`, ['id: eq in']],
    ['list bullets', `${header}- **id**: *eq*\n* **name**: *sw*`, ['id: eq', 'name: sw']],
    [
      'declarations run together on one line',
      `${header}**id**: *eq, in*  **name**: *eq, sw*`,
      ['id: eq in', 'name: eq sw'],
    ],
    [
      'a header without its colon',
      'Filtering is supported for the following fields and operators **a**: *eq*',
      ['a: eq'],
    ],
    ['bold prose that is not a declaration', `${header}**a**: *eq*\n\n**Note**: this is prose.`, ['a: eq']],
    [
      'an unknown operator word is kept for the importer to report',
      `${header}**a**: *eq, like*`,
      ['a: eq like'],
    ],
  ])('%s', (_, text, expected) => {
    const read = readFilterDeclaration(text);
    expect(read.found).toBe(true);
    expect(read.fields.map((f) => `${f.name}: ${f.operators.join(' ')}`)).toEqual(expected);
  });

  it('reads composite operators, case sensitivity and possible values', () => {
    const read = readFilterDeclaration(
      `${header}**status**: *eq, in*\n\n**Possible Values:** ACTIVE, \`STAGED\`, "DONE"\n\n**type**: *eq*  **Supported composite operators**: *and*  All filter values are case-sensitive for this API.`,
    );
    expect(read).toEqual({
      found: true,
      fields: [
        { name: 'status', operators: ['eq', 'in'], values: ['ACTIVE', 'STAGED', 'DONE'] },
        { name: 'type', operators: ['eq'] },
      ],
      composite: ['and'],
      caseSensitive: true,
    });
    expect(
      readFilterDeclaration(`${header}**a**: *eq*\n\nSupported composite operators are *and, or*`).composite,
    ).toEqual(['and', 'or']);
    expect(
      readFilterDeclaration(
        `${header}**a**: *eq*\n\nAll field values (second filter operands) are case-insensitive for this API.`,
      ).caseSensitive,
    ).toBe(false);
  });

  it('finds nothing without the header', () => {
    expect(readFilterDeclaration('**a**: *eq*')).toEqual({ found: false, fields: [] });
  });

  it('reads sortable fields', () => {
    expect(
      readSortableFields('Sorting is supported for the following fields: **name, created, modified**'),
    ).toEqual(['name', 'created', 'modified']);
    expect(
      readSortableFields('Sorting is supported for the following fields: **a.b**, **c**  By default...'),
    ).toEqual(['a.b', 'c']);
    expect(readSortableFields('Sort results.')).toBeUndefined();
  });
});

const yamlDocument = `
openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /items/{id}/things:
    parameters:
      - $ref: '#/components/parameters/filters'
    get:
      operationId: listThings
      parameters:
        - in: query
          name: sorters
          description: 'Sorting is supported for the following fields: **created_at, owner.name**'
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: array
                items: { $ref: '#/components/schemas/Thing' }
    post:
      parameters:
        - in: query
          name: limit
      responses: {}
  /plain:
    get:
      parameters:
        - in: query
          name: filters
          description: Just a filter.
components:
  parameters:
    filters:
      in: query
      name: filters
      example: state eq "ACTIVE"
      description: |
        Filtering is supported for the following fields and operators:

        **state**: *eq, in*

        **Possible Values:** ACTIVE, RETIRED

        **created_at**: *gt, lt*

        **owner.name** *eq, sw*

        **tags**: *ca*

        **count**: *eq, gt, like*

        **mystery**: *eq*

        **loop**: *eq*

        **either**: *eq*

        Supported composite operators are *and*

        All filter values are case-sensitive for this API.
  schemas:
    Thing:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          properties:
            state: { type: string }
            owner:
              type: [object, 'null']
              properties:
                name: { type: string }
            tags: { type: array, items: { type: string } }
            count: { type: integer }
            loop: { $ref: '#/components/schemas/Loop' }
            either:
              anyOf:
                - type: object
            dummy: { type: string }
    Base:
      type: object
      properties:
        createdAt: { type: string, format: date-time }
    Loop:
      $ref: '#/components/schemas/Loop2'
    Loop2:
      $ref: '#/components/schemas/Loop'
`;

describe('importOpenApi on a synthetic YAML document', () => {
  const result = importOpenApi(yamlDocument);

  it('imports each operation with a filters query parameter (path-level parameters included)', () => {
    // The POST inherits the path-level `filters` parameter; it has no 200 response to type from.
    expect(result.endpoints.map((e) => `${e.method} ${e.path} ${e.operationId ?? '-'}`)).toEqual([
      'GET /items/{id}/things listThings',
      'POST /items/{id}/things -',
      'GET /plain -',
    ]);
    expect(result.endpoints[1]?.schema.fields.created_at).toEqual({
      type: 'unknown',
      operators: ['gt', 'lt'],
    });
  });

  it('builds the schema from the prose, typed from the response', () => {
    const [things] = result.endpoints;
    expect(things?.example).toBe('state eq "ACTIVE"');
    expect(things?.schema).toEqual({
      fields: {
        state: { type: 'string', operators: ['eq', 'in'], enum: ['ACTIVE', 'RETIRED'] },
        created_at: { type: 'date-time', operators: ['gt', 'lt'], path: 'createdAt' },
        'owner.name': { type: 'string', operators: ['eq', 'sw'] },
        tags: { type: 'string', operators: ['ca'], collection: true },
        count: { type: 'integer', operators: ['eq', 'gt'] },
        mystery: { type: 'unknown', operators: ['eq'] },
        loop: { type: 'unknown', operators: ['eq'] },
        either: { type: 'unknown', operators: ['eq'] },
      },
      composite: ['and'],
      caseSensitive: true,
      sorters: ['created_at', 'owner.name'],
    });
  });

  it('reports what it could not read instead of throwing', () => {
    const lines = result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.pointer}`);
    // Field-level problems point at the description that holds the prose (here a shared component).
    expect(lines).toContain('warning unknown-operator /components/parameters/filters/description');
    expect(lines).toContain('warning untyped-field /components/parameters/filters/description');
    expect(lines).toContain('warning ref-cycle /components/schemas/Loop2');
    expect(lines).toContain('warning no-filter-declaration /paths/~1plain/get/parameters/0/description');
    expect(result.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    const unknownOperator = result.diagnostics.find((d) => d.code === 'unknown-operator');
    expect(unknownOperator?.message).toBe(
      'GET /items/{id}/things: field `count` declares `like`, which is not an operator; ignored',
    );
  });

  it('gives an endpoint without a declaration an empty whitelist', () => {
    expect(result.endpoints[2]?.schema).toEqual({ fields: {} });
  });

  it('leaves the enum of the response out when asked', () => {
    const doc = {
      openapi: '3.0.0',
      paths: {
        '/a': {
          get: {
            parameters: [{ in: 'query', name: 'filters', description: `${header}**s**: *eq*` }],
            responses: {
              200: {
                content: {
                  'application/json': {
                    schema: { type: 'object', properties: { s: { type: 'string', enum: ['X', 'Y'] } } },
                  },
                },
              },
            },
          },
        },
      },
    };
    expect(importOpenApi(doc).endpoints[0]?.schema.fields.s).toEqual({
      type: 'string',
      operators: ['eq'],
      enum: ['X', 'Y'],
    });
    expect(importOpenApi(doc, { responseEnums: false }).endpoints[0]?.schema.fields.s).toEqual({
      type: 'string',
      operators: ['eq'],
    });
  });
});

describe('importOpenApi on bad input', () => {
  it.each([
    ['invalid YAML', 'openapi: [unclosed', 'invalid-document'],
    ['invalid JSON', '{"openapi": ', 'invalid-document'],
    ['not an object', '42', 'invalid-document'],
    ['no paths', { openapi: '3.0.0' }, 'invalid-document'],
  ])('%s', (_, input, code) => {
    const result = importOpenApi(input);
    expect(result.endpoints).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual([code]);
  });

  it('prints nothing of its own for a YAML warning (a library must not write to the console)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const emit = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      const result = importOpenApi('openapi: 3.0.0\ninfo: !custom {title: x, version: "1"}\npaths: {}\n');
      expect(result.diagnostics).toEqual([]);
      expect(warn).not.toHaveBeenCalled();
      expect(emit).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      emit.mockRestore();
    }
  });

  it('does not follow external or dangling references, nor walk into __proto__', () => {
    const doc = {
      paths: {
        '/a': {
          get: { parameters: [{ $ref: 'other.yaml#/p' }, { $ref: '#/components/parameters/__proto__' }] },
        },
      },
      components: { parameters: {} },
    };
    const result = importOpenApi(doc);
    expect(result.endpoints).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unresolved-ref', 'unresolved-ref']);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.string(),
          fc.jsonValue().map((v) => ({ paths: { '/x': { get: v } } })),
        ),
        (input) => {
          const result = importOpenApi(input);
          expect(Array.isArray(result.endpoints)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
