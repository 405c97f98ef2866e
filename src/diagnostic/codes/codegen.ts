/** Diagnostic codes of `generateSchemaModule` besides the importer's. */
export const CODEGEN_CODES = {
  'endpoint-not-found': 'An `endpoints` entry matches no operation that takes `filters`.',
  'renamed-export':
    'Warning: two endpoints would get the same export name; the later one gets a number appended.',
} as const;

/** A diagnostic code of `generateSchemaModule`'s own. */
export type CodegenCode = keyof typeof CODEGEN_CODES;
