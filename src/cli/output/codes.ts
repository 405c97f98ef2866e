import { OPENAPI_CODES } from '../../openapi/codes.js';
import { SCHEMA_CODES } from '../../schema/codes.js';
import { SYNTAX_CODES } from '../../syntax/codes.js';
import { VALIDATION_CODES } from '../../validate/codes.js';

const REGISTRIES: readonly Readonly<Record<string, string>>[] = [
  SYNTAX_CODES,
  VALIDATION_CODES,
  OPENAPI_CODES,
  SCHEMA_CODES,
];

/** What a diagnostic code means, from the registries the library keeps (own properties only). */
export function describeCode(code: string): string {
  for (const registry of REGISTRIES) {
    if (Object.hasOwn(registry, code)) return registry[code]!;
  }
  return code;
}
