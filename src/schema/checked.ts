import { type Diagnostic, error } from '../diagnostic/index.js';
import type { DocumentDiagnostic } from './document-diagnostic.js';
import { schemaErrors } from './own.js';

/**
 * The schema check of every entry that takes a schema object (`validate`, the compilers, the
 * query builders, `parseCollectionQuery`, the collection handler): the errors `loadSchema`
 * reports, with the same codes and messages, as filter diagnostics. Checked once per schema
 * object (see `ownSchema`); a schema known good costs one identity test, else one WeakMap lookup.
 */

const NO_SPAN = { start: 0, end: 0 };

/** One schema error as a filter diagnostic: its code and message, its JSON Pointer in the message. */
export function schemaDiagnostic(problem: DocumentDiagnostic): Diagnostic {
  const where = problem.pointer === '' ? 'the schema' : `\`${problem.pointer}\``;
  return error(problem.code, `Invalid schema at ${where}: ${problem.message}`, NO_SPAN);
}

const converted = new WeakMap<readonly DocumentDiagnostic[], readonly Diagnostic[]>();

// The last schema object found good: compiles come in runs against one schema.
const NONE = Symbol('none');
let lastGood: unknown = NONE;

/**
 * Why a schema cannot be used, as filter diagnostics (errors only), or undefined when it can: any
 * value is accepted (`null`, a string, a hostile proxy). Never throws.
 */
export function schemaProblems(schema: unknown): readonly Diagnostic[] | undefined {
  if (schema === lastGood) return undefined;
  const errors = schemaErrors(schema);
  if (errors.length === 0) {
    lastGood = schema;
    return undefined;
  }
  let diagnostics = converted.get(errors);
  if (diagnostics === undefined) {
    diagnostics = Object.freeze(errors.map(schemaDiagnostic));
    converted.set(errors, diagnostics);
  }
  return diagnostics;
}

/**
 * {@link schemaProblems} for `options.schema`, read as an own property, when it is an object with
 * an own `fields` object, or cannot be read. Anything else (no options, no schema, `fields`
 * missing or not an object) is undefined here: the entry's own option check reports it.
 */
export function schemaOptionProblems(options: unknown): readonly Diagnostic[] | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  let schema: unknown;
  try {
    schema = Object.hasOwn(options, 'schema') ? (options as { schema: unknown }).schema : undefined;
  } catch {
    return undefined;
  }
  if (schema === lastGood) return undefined;
  if (typeof schema !== 'object' || schema === null) return undefined;
  try {
    if (!Object.hasOwn(schema, 'fields')) return undefined;
    const fields = (schema as { fields: unknown }).fields;
    if (typeof fields !== 'object' || fields === null) return undefined;
  } catch {
    // A schema that cannot be read is the schema's problem (`unreadable-schema`), not the options'.
  }
  return schemaProblems(schema);
}

/**
 * The refusal of a compiler entry whose `options.schema` is not usable: `{ ok: false, diagnostics }`
 * (the failure shape of `tryCompileSql`), or undefined when the schema is good.
 */
export function refusedSchemaOption(
  options: unknown,
): { readonly ok: false; readonly diagnostics: readonly Diagnostic[] } | undefined {
  const problems = schemaOptionProblems(options);
  return problems === undefined ? undefined : { ok: false, diagnostics: problems };
}

/**
 * Throws `new Refusal(diagnostics)` when `options.schema` is not usable (see
 * {@link schemaOptionProblems}): one call at the entry of a compiler that throws.
 */
export function assertSchemaOption(
  options: unknown,
  Refusal: new (diagnostics: readonly Diagnostic[]) => Error,
): void {
  const problems = schemaOptionProblems(options);
  if (problems !== undefined) throw new Refusal(problems);
}
