import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, parse } from '../../src/index.js';
import { type ImportedEndpoint, importOpenApi } from '../../src/openapi/index.js';
import type { Schema } from '../../src/schema/index.js';
import { validate } from '../../src/validate/index.js';

const specPath = fileURLToPath(new URL('../fixtures/openapi/sailpoint-api.v3.json', import.meta.url));
const specText = readFileSync(specPath, 'utf8');
const imported = importOpenApi(specText);
const byPath = new Map(imported.endpoints.map((e) => [`${e.method} ${e.path}`, e]));

function endpoint(key: string): ImportedEndpoint {
  const found = byPath.get(key);
  if (!found) throw new Error(`not imported: ${key}`);
  return found;
}

/** `field: op, op` lines, the way the descriptions read. */
function declared(schema: Schema): string[] {
  return Object.entries(schema.fields).map(([name, field]) => `${name}: ${field.operators.join(', ')}`);
}

interface RawParameter {
  $ref?: string;
  name?: string;
  in?: string;
  description?: string;
}
const spec = JSON.parse(specText) as {
  paths: Record<string, Record<string, { parameters?: RawParameter[] }>>;
  components: { parameters: Record<string, RawParameter> };
};

/**
 * The test's own reading of the document, independent of the importer: each `filters` (and
 * `sorters`) description, found by walking the paths, with `$ref`s to components/parameters
 * followed by hand.
 */
function rawOperations() {
  const found: { key: string; filters: string; sorters?: string }[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const parameters = (operation.parameters ?? []).map((p) =>
        p.$ref ? spec.components.parameters[p.$ref.split('/').pop()!]! : p,
      );
      const filters = parameters.find((p) => p.name === 'filters' && p.in === 'query');
      const sorters = parameters.find((p) => p.name === 'sorters' && p.in === 'query');
      if (filters) {
        found.push({
          key: `${method.toUpperCase()} ${path}`,
          filters: filters.description ?? '',
          ...(sorters?.description ? { sorters: sorters.description } : {}),
        });
      }
    }
  }
  return found;
}

/** A second, deliberately simple reading of a description: one `**field**: *ops*` per line. */
function simpleReading(description: string): string[] {
  const lines: string[] = [];
  for (const match of description.matchAll(/^\*\*([\w.]+)\*\*:\s*\*([a-z, ]+)\*\s*$/gm)) {
    lines.push(`${match[1]}: ${match[2]!.split(/,\s*/).join(', ')}`);
  }
  return lines;
}

describe('importOpenApi on SailPoint V3 (test/fixtures/openapi/sailpoint-api.v3.json)', () => {
  const raw = rawOperations();

  it('finds exactly the 44 GET operations that have a filters query parameter', () => {
    expect(raw).toHaveLength(44);
    expect(imported.endpoints).toHaveLength(44);
    expect(imported.endpoints.map((e) => `${e.method} ${e.path}`).sort()).toEqual(
      raw.map((r) => r.key).sort(),
    );
    expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('imports, for every endpoint, exactly the fields and operators its description lists', () => {
    for (const { key, filters } of raw) {
      expect(simpleReading(filters).length, key).toBeGreaterThan(0);
      expect(declared(endpoint(key).schema), key).toEqual(simpleReading(filters));
    }
  });

  it('imports composite operators, case sensitivity and sortable fields where declared, and only there', () => {
    for (const { key, filters, sorters } of raw) {
      const schema = endpoint(key).schema;
      const composite = /Supported composite operators(?: are|:) \*([a-z, ]+)\*/
        .exec(filters)?.[1]
        ?.split(', ');
      expect(schema.composite, key).toEqual(composite);
      expect(schema.caseSensitive, key).toEqual(
        /case-insensitive for this API/.test(filters) ? false : undefined,
      );
      const sortable =
        sorters && /Sorting is supported for the following fields: \*\*([^*]+)\*\*/.exec(sorters)?.[1];
      expect(schema.sorters, key).toEqual(sortable ? sortable.split(', ') : undefined);
    }
  });

  // Read off the descriptions by hand (not from the importer), with the variants that need care.
  const handTable: Record<string, string[]> = {
    'GET /workflows/{id}/executions': ['start_time: eq, lt, le, gt, ge', 'status: eq'],
    'GET /access-profiles': [
      'id: eq, in',
      'name: eq, sw',
      'created: gt, ge, le',
      'modified: gt, lt, ge, le',
      'owner.id: eq, in',
      'requestable: eq',
      'source.id: eq, in',
    ],
    // Followed by composite operators, a case rule and prose about single `and`/`or`.
    'GET /certifications/{certificationId}/access-review-items/{itemId}/permissions': [
      'target: eq, sw',
      'rights: ca',
    ],
    // `**enabled**: *eq*` carries trailing spaces.
    'GET /workflows': ['enabled: eq', 'connectorInstanceId: eq', 'triggerId: eq'],
    // A trailing space after the only declaration.
    'GET /non-employee-requests': ['sourceId: eq'],
    'GET /requestable-objects': ['id: eq, in', 'name: eq, in, sw'],
    'GET /oauth-clients': ['lastUsed: le, isnull'],
    'GET /connectors': [
      'name: sw, co',
      'type: sw, co, eq',
      'directConnect: eq',
      'category: eq',
      'features: ca',
      'labels: ca',
    ],
    'GET /access-request-status': [
      'accessRequestId: eq, ge, gt, le, lt, ne, in, sw',
      'accountActivityItemId: eq, in, ge, gt, le, ne, sw',
      'created: eq, ge, gt, le, lt, ne',
    ],
    'GET /certifications/{id}/decision-summary': ['identitySummary.id: eq, in'],
    'GET /sources': [
      'id: eq, in, ge, gt, le, lt, ne, isnull, sw',
      'name: co, eq, in, sw, ge, gt, ne, isnull',
      'type: eq, in, ge, gt, ne, isnull, sw',
      'owner.id: eq, in, ge, gt, le, lt, ne, isnull, sw',
      'features: ca, co',
      'created: eq, ge, gt, in, le, lt, ne, isnull, sw',
      'modified: eq, ge, gt, in, le, lt, ne, isnull, sw',
      'managementWorkgroup.id: eq, ge, gt, in, le, lt, ne, isnull, sw',
      'description: eq, sw',
      'authoritative: eq, ne, isnull',
      'healthy: isnull',
      'status: eq, in, ge, gt, le, lt, ne, isnull, sw',
      'connectionType: eq, ge, gt, in, le, lt, ne, isnull, sw',
      'connectorName: eq, ge, gt, in, ne, isnull, sw',
      'category: co, eq, ge, gt, in, le, lt, ne, sw',
    ],
  };
  it.each(Object.entries(handTable))('%s declares exactly what was read by hand', (key, expected) => {
    expect(declared(endpoint(key).schema)).toEqual(expected);
  });

  it('reads the permissions endpoint’s composite operators and case rule', () => {
    expect(
      endpoint('GET /certifications/{certificationId}/access-review-items/{itemId}/permissions').schema,
    ).toMatchObject({ composite: ['and', 'or'], caseSensitive: false });
    expect(endpoint('GET /access-profiles').schema.composite).toEqual(['and', 'or']);
  });

  it('types fields from the 200 response (checked by hand against the document)', () => {
    const executions = endpoint('GET /workflows/{id}/executions').schema.fields;
    // The filter says start_time, the record says startTime (snake_case to camelCase).
    expect(executions.start_time).toMatchObject({ type: 'date-time', path: 'startTime' });
    expect(executions.status).toMatchObject({
      type: 'string',
      enum: ['Completed', 'Failed', 'Canceled', 'Queued', 'Running'],
    });
    const connectors = endpoint('GET /connectors').schema.fields;
    expect(connectors.directConnect).toMatchObject({ type: 'boolean' });
    expect(connectors.features).toMatchObject({ type: 'string', collection: true });
    // labels is declared with `ca` but is not in V3ConnectorDto: untyped, still a collection.
    expect(connectors.labels).toMatchObject({ type: 'unknown', collection: true });
    expect(endpoint('GET /identity-profiles').schema.fields.priority?.type).toBe('integer');
    expect(endpoint('GET /access-profiles').schema.fields.created?.type).toBe('date-time');
    // A dotted path into a nested object ($ref'd BaseReferenceDto).
    expect(endpoint('GET /access-profiles').schema.fields['owner.id']?.type).toBe('string');
    expect(endpoint('GET /sources').schema.fields.authoritative?.type).toBe('boolean');
    // PublicIdentity has no firstname property: untyped, whitelist-checked only.
    expect(endpoint('GET /public-identities').schema.fields.firstname?.type).toBe('unknown');
  });

  it('warns about what it cannot type, and about declared operators that no value can use', () => {
    const warned = imported.diagnostics.map((d) => `${d.code} ${d.message.split(':')[0]}`);
    expect(warned).toContain('untyped-field GET /public-identities');
    // `sw` on a date-time field (SailPoint declares it on created/modified).
    expect(warned).toContain('operator-not-applicable GET /sources');
  });

  /**
   * SailPoint's own examples that are wrong for their endpoint, and why. Every other example
   * must parse and validate cleanly against the schema imported for its endpoint.
   */
  const wrongExamples: Record<string, { example: string; codes: string[]; why: string }> = {
    'GET /connectors': {
      example: 'directConnect eq "true"',
      codes: ['type-mismatch'],
      why: 'directConnect is a boolean (V3ConnectorDto); the example quotes it as text',
    },
    'GET /managed-clusters': {
      example: 'operational eq "operation"',
      codes: ['type-mismatch'],
      why: 'operational is a boolean (ManagedCluster); "operation" is not a boolean at all',
    },
    'GET /roles/{id}/assigned-identities': {
      example: 'name sw Joe',
      codes: ['bareword-value'],
      why: 'the string value is not quoted',
    },
  };

  function checkExample(e: ImportedEndpoint, schema: Schema = e.schema): Diagnostic[] {
    const parsed = parse(e.example!);
    return parsed.ok ? validate(parsed.ast, schema, { text: e.example! }) : [...parsed.diagnostics];
  }

  it('checks every endpoint’s example against its own schema; the wrong ones are exactly the listed ones', () => {
    const withExamples = imported.endpoints.filter((e) => e.example !== undefined);
    // All 44 have one; /certification-tasks keeps it on the parameter's schema.
    expect(withExamples).toHaveLength(44);
    expect(endpoint('GET /certification-tasks').example).toBe('type eq "ADMIN_REASSIGN"');
    for (const e of withExamples) {
      const key = `${e.method} ${e.path}`;
      const found = checkExample(e).map((d) => d.code);
      const wrong = wrongExamples[key];
      expect(found, `${key}: ${e.example}`).toEqual(wrong?.codes ?? []);
      if (wrong) expect(e.example).toBe(wrong.example);
    }
  });

  it('accepts "Pending" for approvalStatus only because values compare ignoring case (the enum says PENDING)', () => {
    const approvals = endpoint('GET /non-employee-approvals');
    expect(checkExample(approvals)).toEqual([]);
    const strict: Schema = { ...approvals.schema, caseSensitive: true };
    expect(checkExample(approvals, strict).map((d) => d.code)).toEqual(['unknown-enum-value']);
  });

  it('gives the same endpoints from the parsed object as from the text', () => {
    const fromObject = importOpenApi(JSON.parse(specText));
    expect(fromObject.endpoints).toEqual(imported.endpoints);
  });
});

describe('the acceptance rule on a real import', () => {
  it('GET /accounts: a list of mixed types on the untyped identity.identityState is refused by validate and the compilers alike', async () => {
    const { tryCompileSql } = await import('../../src/compile/sql/index.js');
    const schema = endpoint('GET /accounts').schema;
    expect(schema.fields['identity.identityState']?.type).toBe('unknown');
    const text = 'identity.identityState in ("a", 1)';
    const parsed = parse(text);
    if (!parsed.ok) throw new Error(text);
    expect(validate(parsed.ast, schema, { text }).map((d) => d.code)).toEqual(['type-mismatch']);
    for (const dialect of ['postgres', 'sqlite'] as const) {
      expect(tryCompileSql(parsed.ast, { schema, dialect }).ok).toBe(false);
    }
    const same = parse('identity.identityState in ("a", "b")');
    if (!same.ok) throw new Error('parse');
    expect(validate(same.ast, schema)).toEqual([]);
    expect(tryCompileSql(same.ast, { schema, dialect: 'sqlite' }).ok).toBe(true);
  });
});
