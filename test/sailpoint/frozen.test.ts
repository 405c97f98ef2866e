import { describe, expect, it } from 'vitest';
import {
  AccessProfilesApiFilters,
  findSailPointOperation,
  listSailPointOperations,
  SAILPOINT_API_VERSIONS,
} from '../../src/sailpoint/index.js';

/** Every object reachable from `value` that is not frozen, by path. */
function unfrozen(value: unknown, path: string, found: string[]): string[] {
  if (typeof value !== 'object' || value === null) return found;
  if (!Object.isFrozen(value)) found.push(path);
  for (const [key, inner] of Object.entries(value)) unfrozen(inner, `${path}.${key}`, found);
  return found;
}

describe('the SailPoint operations are shared by every caller, so none can change them', () => {
  it('every operation, its schema and everything in it is frozen', () => {
    const operations = listSailPointOperations();
    expect(operations.length).toBeGreaterThan(300);
    for (const operation of operations) {
      expect(unfrozen(operation, `${operation.className}.${operation.methodName}`, [])).toEqual([]);
    }
  });

  it('a change to a looked-up schema throws and changes nothing', () => {
    const operation = findSailPointOperation('AccessProfilesApi', 'listAccessProfiles');
    expect(operation).toBeDefined();
    const field = operation!.schema.fields.name!;
    const before = [...field.operators];
    expect(() => (field.operators as string[]).push('co')).toThrow(TypeError);
    expect(() => {
      (operation!.schema.fields as Record<string, unknown>).injected = { type: 'string', operators: ['eq'] };
    }).toThrow(TypeError);
    expect(
      findSailPointOperation('AccessProfilesApi', 'listAccessProfiles')!.schema.fields.name!.operators,
    ).toEqual(before);
    // The exported schema is the same object, frozen with it.
    expect(Object.isFrozen(AccessProfilesApiFilters.listAccessProfiles.fields)).toBe(true);
  });

  it("each version's list is frozen too", () => {
    for (const version of SAILPOINT_API_VERSIONS)
      expect(Object.isFrozen(listSailPointOperations(version))).toBe(true);
  });

  it('hostile names answer undefined and pollute nothing', () => {
    const names: unknown[] = [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '',
      null,
      undefined,
      1,
      {},
      [],
      Symbol('s'),
    ];
    let asked = 0;
    for (const className of names) {
      for (const methodName of names) {
        expect(findSailPointOperation(className as string, methodName as string)).toBeUndefined();
        asked++;
      }
    }
    expect(asked).toBe(names.length ** 2);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
