import type { Schema } from '../schema/types.js';

/** The versions of SailPoint's published API, as `sailpoint-api-client` splits them. */
export const SAILPOINT_API_VERSIONS = ['v3', 'beta', 'v2024', 'v2025'] as const;

/** One version of SailPoint's published API. */
export type SailPointApiVersion = (typeof SAILPOINT_API_VERSIONS)[number];

/**
 * One operation of SailPoint's published API that takes a `filters` query parameter, named as
 * `sailpoint-api-client` names it: `new AccessProfilesBetaApi(config).listAccessProfiles({ filters })`
 * is `{ className: 'AccessProfilesBetaApi', methodName: 'listAccessProfiles', version: 'beta' }`.
 */
export interface SailPointOperation {
  /** The API version whose document declares the operation. */
  readonly version: SailPointApiVersion;
  /**
   * The SDK's class: the operation's first tag in PascalCase plus `Api` (v3), `BetaApi`,
   * `V2024Api` or `V2025Api`, e.g. `AccessProfilesApi`, `SODPoliciesV2024Api`.
   */
  readonly className: string;
  /** The SDK's method: the operationId, e.g. `listAccessProfiles`. */
  readonly methodName: string;
  /** The upper-case HTTP method, e.g. `GET`. */
  readonly method: string;
  /** The path template, e.g. `/access-profiles/{id}/entitlements`. */
  readonly path: string;
  /** The filter whitelist its document declares: fields, operators, value types, composites. */
  readonly schema: Schema;
}

/** How the generated tables list an operation: compact, so the data stays small. */
export type OperationRow = readonly [
  className: string,
  methodName: string,
  method: string,
  path: string,
  schema: Schema,
];

/** The class-name suffix `sailpoint-api-client` gives each version's API classes. */
export const CLASS_SUFFIXES: { readonly [V in SailPointApiVersion]: string } = {
  v3: 'Api',
  beta: 'BetaApi',
  v2024: 'V2024Api',
  v2025: 'V2025Api',
};

/**
 * The SDK class that holds an operation of `tag`: what openapi-generator's typescript-axios makes
 * of the tag, each run of letters and digits a word with its first letter capitalised (the rest
 * kept: `SOD Policies` gives `SODPolicies`, `Non-Employee Lifecycle Management` gives
 * `NonEmployeeLifecycleManagement`), plus the version's suffix.
 */
export function sailPointClassName(tag: string, version: SailPointApiVersion): string {
  const words = tag.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const base = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return `${/^[0-9]/.test(base) ? `Class${base}` : base}${CLASS_SUFFIXES[version]}`;
}
