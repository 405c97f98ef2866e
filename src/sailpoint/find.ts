import { SAILPOINT_OPERATION_ROWS } from './generated/operations.js';
import type { SailPointApiVersion, SailPointOperation } from './operation.js';

let byName: Map<string, SailPointOperation> | undefined;
let all: readonly SailPointOperation[] | undefined;

/**
 * Freezes a schema and everything in it: the operations are shared by every caller in the
 * process, so one caller's change to a field's operators would change what all of them accept.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** The operations, built from the compact rows on first use (most imports never ask). */
function operations(): readonly SailPointOperation[] {
  if (all === undefined) {
    const list: SailPointOperation[] = [];
    for (const [version, rows] of SAILPOINT_OPERATION_ROWS) {
      for (const [className, methodName, method, path, schema] of rows) {
        list.push(
          Object.freeze({ version, className, methodName, method, path, schema: deepFreeze(schema) }),
        );
      }
    }
    all = Object.freeze(list);
  }
  return all;
}

// One key for a class and a method: a class name never holds a space, so the key is unambiguous.
const keyOf = (className: string, methodName: string): string => `${className} ${methodName}`;

/**
 * The operation of SailPoint's published API that `sailpoint-api-client` calls as
 * `new <className>(config).<methodName>({ filters })`, with its filter schema; `undefined` when
 * that method takes no `filters` (or the names are not the SDK's). The class name carries the
 * version: `AccessProfilesApi` (v3), `AccessProfilesBetaApi`, `AccessProfilesV2024Api`,
 * `AccessProfilesV2025Api`. Names are matched exactly; any other input answers `undefined`.
 *
 * @example
 * const operation = findSailPointOperation('AccessProfilesApi', 'listAccessProfiles');
 * operation?.path; // '/access-profiles'
 * validate(parse(filterText), operation.schema);
 */
export function findSailPointOperation(
  className: string,
  methodName: string,
): SailPointOperation | undefined {
  if (typeof className !== 'string' || typeof methodName !== 'string') return undefined;
  if (byName === undefined) {
    byName = new Map(
      operations().map((operation) => [keyOf(operation.className, operation.methodName), operation]),
    );
  }
  return byName.get(keyOf(className, methodName));
}

/**
 * Every operation of SailPoint's published API that takes `filters`, optionally of one version,
 * in document order (v3, beta, v2024, v2025).
 */
export function listSailPointOperations(version?: SailPointApiVersion): readonly SailPointOperation[] {
  const list = operations();
  return version === undefined
    ? list
    : Object.freeze(list.filter((operation) => operation.version === version));
}
