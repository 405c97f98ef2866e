import type { Schema } from '../schema/types.js';

/**
 * Placeholder for the generated SailPoint operation table (the `v3-filters/sailpoint` entry):
 * the same name and signature, answering no operation until the table is merged in.
 */
export interface SailPointOperation {
  readonly version: 'v3' | 'beta' | 'v2024' | 'v2025';
  readonly className: string;
  readonly methodName: string;
  readonly method: string;
  readonly path: string;
  readonly schema: Schema;
}

/** The operation `new <className>(config).<methodName>({ filters })` calls, or `undefined`. */
export function findSailPointOperation(
  className: string,
  methodName: string,
): SailPointOperation | undefined {
  return className === methodName ? undefined : undefined;
}
