import { describe, expect, it } from 'vitest';
import { createFilterBuilder, parse, v3fFor, validate } from '../../src/index.js';
import * as sailpoint from '../../src/sailpoint/index.js';
import {
  AccessProfilesApiFilters,
  AccessProfilesV2025ApiFilters,
  findSailPointOperation,
  listSailPointOperations,
  sailPointClassName,
} from '../../src/sailpoint/index.js';

/**
 * Classes and methods as `sailpoint-api-client` 1.4.15 declares them (request interfaces with
 * `filters?: string` in its v3, beta and v2024 api.ts), and v2025 by the SDK's generator
 * settings (`--api-name-suffix V2025Api`, the operationId as the method).
 */
const SDK_CALLS: readonly (readonly [string, string, string])[] = [
  ['AccessProfilesApi', 'listAccessProfiles', '/access-profiles'],
  ['AccessProfilesApi', 'getAccessProfileEntitlements', '/access-profiles/{id}/entitlements'],
  ['SODPoliciesApi', 'listSodPolicies', '/sod-policies'],
  ['OAuthClientsApi', 'listOauthClients', '/oauth-clients'],
  ['NonEmployeeLifecycleManagementApi', 'listNonEmployeeRecords', '/non-employee-records'],
  ['WorkflowsApi', 'getWorkflowExecutions', '/workflows/{id}/executions'],
  ['AccessProfilesBetaApi', 'listAccessProfiles', '/access-profiles'],
  ['IAIRoleMiningBetaApi', 'getRoleMiningSessions', '/role-mining-sessions'],
  ['NonEmployeeLifecycleManagementBetaApi', 'listNonEmployeeRecords', '/non-employee-records'],
  ['AccessProfilesV2024Api', 'listAccessProfiles', '/access-profiles'],
  ['IAICommonAccessV2024Api', 'getCommonAccess', '/common-access'],
  ['AccessRequestsV2024Api', 'listAdministratorsAccessRequestStatus', '/access-request-administration'],
  ['AccessProfilesV2025Api', 'listAccessProfiles', '/access-profiles'],
];

describe('findSailPointOperation', () => {
  it.each(SDK_CALLS)('finds %s.%s by the SDK names', (className, methodName, path) => {
    const operation = findSailPointOperation(className, methodName);
    expect(operation).toBeDefined();
    expect(operation).toMatchObject({ className, methodName, method: 'GET', path });
    expect(Object.keys(operation!.schema.fields).length).toBeGreaterThan(0);
  });

  it('tells the versions apart by the class name', () => {
    const versions = [
      'AccessProfilesApi',
      'AccessProfilesBetaApi',
      'AccessProfilesV2024Api',
      'AccessProfilesV2025Api',
    ].map((c) => findSailPointOperation(c, 'listAccessProfiles')?.version);
    expect(versions).toEqual(['v3', 'beta', 'v2024', 'v2025']);
  });

  it.each([
    ['a method that takes no filters', 'AccessProfilesApi', 'createAccessProfile'],
    ["a class that is not the SDK's", 'AccessProfiles', 'listAccessProfiles'],
    ['names in the wrong case', 'accessprofilesapi', 'listaccessprofiles'],
    ['prototype names', '__proto__', 'constructor'],
    ['Object members', 'toString', 'hasOwnProperty'],
    ['the key separator', 'AccessProfilesApi listAccessProfiles', ''],
    ['empty names', '', ''],
    ['huge names', 'A'.repeat(1_000_000), 'b'.repeat(1_000_000)],
  ])('answers undefined for %s', (_, className, methodName) => {
    expect(findSailPointOperation(className, methodName)).toBeUndefined();
  });

  it('answers undefined for input that is not text', () => {
    const find = findSailPointOperation as (a: unknown, b: unknown) => unknown;
    for (const [a, b] of [
      [undefined, undefined],
      [null, 'listAccessProfiles'],
      [{}, []],
      ['AccessProfilesApi', 7],
    ]) {
      expect(find(a, b)).toBeUndefined();
    }
  });

  it('answers frozen operations: a caller cannot change what the next one gets', () => {
    const operation = findSailPointOperation('AccessProfilesApi', 'listAccessProfiles')!;
    expect(Object.isFrozen(operation)).toBe(true);
    expect(Object.isFrozen(listSailPointOperations())).toBe(true);
  });

  it('agrees with the exported <Class>Filters objects, one schema object for both', () => {
    const exported = sailpoint as unknown as Record<string, unknown>;
    for (const operation of listSailPointOperations()) {
      const holder = exported[`${operation.className}Filters`] as Record<string, unknown> | undefined;
      expect(holder?.[operation.methodName], `${operation.className}.${operation.methodName}`).toBe(
        operation.schema,
      );
    }
    const holders = Object.keys(exported).filter((name) => name.endsWith('ApiFilters'));
    const classes = new Set(listSailPointOperations().map((o) => `${o.className}Filters`));
    expect(holders.sort()).toEqual([...classes].sort());
  });
});

describe('sailPointClassName', () => {
  it.each([
    ['Access Profiles', 'v3', 'AccessProfilesApi'],
    ['SOD Policies', 'v3', 'SODPoliciesApi'],
    ['Non-Employee Lifecycle Management', 'beta', 'NonEmployeeLifecycleManagementBetaApi'],
    ['MFA Configuration', 'v2024', 'MFAConfigurationV2024Api'],
    ['IAI Role Mining', 'v2025', 'IAIRoleMiningV2025Api'],
  ] as const)('names the class of tag %s in %s %s', (tag, version, expected) => {
    expect(sailPointClassName(tag, version)).toBe(expected);
  });
});

describe('the schemas, typed', () => {
  it("give a builder that accepts only the endpoint's fields, operators and value types", () => {
    const f = createFilterBuilder(AccessProfilesApiFilters.listAccessProfiles);
    const filter = f.and(f.sw('name', 'Admin'), f.eq('requestable', true), f.in('owner.id', ['2c91']));
    expect(String(filter)).toBe('name sw "Admin" and requestable eq true and owner.id in ("2c91")');
    // @ts-expect-error `name` does not allow `co` on this endpoint
    expect(() => f.co('name', 'x')).toThrow();
    // @ts-expect-error no field `nmae`
    expect(() => f.eq('nmae', 'x')).toThrow();
    const v2025 = createFilterBuilder(AccessProfilesV2025ApiFilters.listAccessProfiles);
    expect(String(v2025.eq('name', 'x'))).toBe('name eq "x"');
  });

  it('check the filters written with v3f against the operation', () => {
    const operation = findSailPointOperation('AccessProfilesApi', 'listAccessProfiles')!;
    const filter = v3fFor(operation.schema);
    expect(filter`name sw ${'A "quoted" name'} and created gt ${new Date(Date.UTC(2024, 0, 1))}`).toBe(
      'name sw "A \\"quoted\\" name" and created gt 2024-01-01T00:00:00.000Z',
    );
    expect(() => filter`name co ${'x'}`).toThrow('`co` is not allowed on `name`');
    const parsed = parse('name eq "x" and nmae eq "y"');
    expect(parsed.ok && validate(parsed.ast, operation.schema).map((d) => d.code)).toContain('unknown-field');
  });
});
