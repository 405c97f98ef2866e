/**
 * Which calls take filter text, and against which schema: the `filters` of a request passed to a
 * `sailpoint-api-client` API method, the text passed to v3-filters' own `parse`, and the targets
 * a user declares for their own APIs. Anything else is not a target, so `{ filters: 'x' }`
 * elsewhere is never checked.
 */
import type { Rule } from 'eslint';
import type * as ESTree from 'estree';
import { findSailPointOperation } from '../../sailpoint/find.js';
import { loadSchema } from '../../schema/load.js';
import type { Schema } from '../../schema/types.js';
import {
  type FilterLiteral,
  filterLiteralOf,
  importedName,
  propertyValue,
  resolveExpression,
} from './literals.js';
import { sailPointClassFromTypes } from './type-info.js';

/** The module of SailPoint's TypeScript SDK. */
export const SAILPOINT_SDK = 'sailpoint-api-client';

/** The modules of this package whose functions take filter text. */
export const OWN_MODULES: readonly string[] = ['v3-filters', 'v3-filters/builder'];

/** Own functions that take filter text, and which argument holds it. */
const OWN_FUNCTIONS: Readonly<Record<string, number>> = { parse: 0 };

/** A target the user declares in the rule's options. */
export interface UserTarget {
  /** The callee, as a dotted name matched against the end of the call's callee: `listUsers`, `client.users.list`. */
  readonly callee: string;
  /** Which argument holds the filter text or the object holding it (default 0). */
  readonly argument?: number;
  /** The property of that argument that holds the filter text, when it is an object. */
  readonly property?: string;
  /** The filter schema to validate against (for example one `v3-filters codegen` wrote). */
  readonly schema?: unknown;
}

/** A call's argument that holds filter text, with what to check it against. */
export interface FoundTarget {
  /** The expression written as the filter (a literal, or a name standing for one). */
  readonly value: ESTree.Node;
  readonly schema: Schema | undefined;
  /** Where the schema came from, for messages: `AccessProfilesApi.listAccessProfiles (v3)`. */
  readonly label: string;
  /** A schema problem of a user's target, reported once at the call. */
  readonly schemaError?: string;
}

/** The dotted name of a callee (`a.b.c`, `this.x`), or `undefined` when it is not one. */
function dottedName(node: ESTree.Node): string[] | undefined {
  if (node.type === 'Identifier') return [node.name];
  if (node.type === 'ThisExpression') return ['this'];
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const object = dottedName(node.object);
    return object ? [...object, node.property.name] : undefined;
  }
  return undefined;
}

function methodName(callee: ESTree.MemberExpression): string | undefined {
  if (!callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  if (callee.computed && callee.property.type === 'Literal' && typeof callee.property.value === 'string')
    return callee.property.value;
  return undefined;
}

/** The SDK class of an API object: `new X(...)` written or reached through a `const`, else its type. */
function sailPointClass(context: Rule.RuleContext, object: ESTree.Node): string | undefined {
  const created = resolveExpression(context, object);
  if (created.type === 'NewExpression' && created.callee.type !== 'Super') {
    const name = importedName(context, resolveExpression(context, created.callee), [SAILPOINT_SDK]);
    if (name !== undefined) return name;
  }
  return sailPointClassFromTypes(context, object);
}

function sailPointTarget(context: Rule.RuleContext, call: ESTree.CallExpression): FoundTarget | undefined {
  if (call.callee.type !== 'MemberExpression' || call.callee.object.type === 'Super') return undefined;
  const method = methodName(call.callee);
  const request = call.arguments[0];
  if (method === undefined || request === undefined || request.type === 'SpreadElement') return undefined;
  const className = sailPointClass(context, call.callee.object);
  const operation = className === undefined ? undefined : findSailPointOperation(className, method);
  if (operation === undefined) return undefined;
  const value = propertyValue(context, request, 'filters');
  if (value === undefined) return undefined;
  return { value, schema: operation.schema, label: `${className}.${method} (${operation.version})` };
}

function ownTarget(context: Rule.RuleContext, call: ESTree.CallExpression): FoundTarget | undefined {
  if (call.callee.type === 'Super') return undefined;
  const name = importedName(context, call.callee, OWN_MODULES);
  const index = name === undefined ? undefined : OWN_FUNCTIONS[name];
  const value = index === undefined ? undefined : call.arguments[index];
  if (value === undefined || value.type === 'SpreadElement') return undefined;
  return { value, schema: undefined, label: `${name}()` };
}

const loadedSchemas = new WeakMap<object, ReturnType<typeof loadSchema>>();

/** A user target's schema, loaded once per object; a message when it does not load. */
function userSchema(target: UserTarget): { schema?: Schema; error?: string } {
  if (target.schema === undefined) return {};
  const key = typeof target.schema === 'object' && target.schema !== null ? target.schema : undefined;
  let loaded = key ? loadedSchemas.get(key) : undefined;
  if (loaded === undefined) {
    loaded = loadSchema(target.schema);
    if (key) loadedSchemas.set(key, loaded);
  }
  if (loaded.ok) return { schema: loaded.schema };
  const first = loaded.diagnostics.find((d) => d.severity === 'error') ?? loaded.diagnostics[0];
  const where = first?.pointer ? ` at ${first.pointer}` : '';
  return {
    error: `The schema of the target \`${target.callee}\` is not valid${where}: ${first?.message ?? ''}`,
  };
}

function userTargets(
  call: ESTree.CallExpression,
  targets: readonly UserTarget[],
  context: Rule.RuleContext,
): FoundTarget[] {
  const name = call.callee.type === 'Super' ? undefined : dottedName(call.callee);
  if (name === undefined) return [];
  const found: FoundTarget[] = [];
  for (const target of targets) {
    const wanted = target.callee.split('.');
    if (
      wanted.length > name.length ||
      wanted.some((part, i) => name[name.length - wanted.length + i] !== part)
    )
      continue;
    const argument = call.arguments[target.argument ?? 0];
    if (argument === undefined || argument.type === 'SpreadElement') continue;
    const value =
      target.property === undefined ? argument : propertyValue(context, argument, target.property);
    if (value === undefined) continue;
    const { schema, error } = userSchema(target);
    found.push({
      value,
      schema,
      label: target.callee,
      ...(error === undefined ? {} : { schemaError: error }),
    });
  }
  return found;
}

/** Every argument of `call` that holds filter text, with its schema. */
export function targetsOfCall(
  context: Rule.RuleContext,
  call: ESTree.CallExpression,
  targets: readonly UserTarget[],
): FoundTarget[] {
  const found = userTargets(call, targets, context);
  const sdk = sailPointTarget(context, call);
  if (sdk) found.push(sdk);
  const own = ownTarget(context, call);
  if (own) found.push(own);
  return found;
}

/** Whether a tagged template's tag is this package's `v3f`. */
export function isV3fTag(context: Rule.RuleContext, tag: ESTree.Node): boolean {
  return importedName(context, tag, OWN_MODULES) === 'v3f';
}

/**
 * The literal holding a target's filter text: a string or template literal (written there or
 * through a `const`), or the template of a `v3f` tag. A template under any other tag is not
 * filter text (the tag decides what it becomes).
 */
export function targetLiteral(context: Rule.RuleContext, value: ESTree.Node): FilterLiteral | undefined {
  const resolved = resolveExpression(context, value);
  if (resolved.type === 'TaggedTemplateExpression')
    return isV3fTag(context, resolved.tag) ? resolved.quasi : undefined;
  const literal = filterLiteralOf(context, resolved);
  const parent = literal && (literal as { parent?: ESTree.Node }).parent;
  if (
    parent?.type === 'TaggedTemplateExpression' &&
    parent.quasi === literal &&
    !isV3fTag(context, parent.tag)
  )
    return undefined;
  return literal;
}
