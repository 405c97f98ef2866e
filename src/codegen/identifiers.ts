/**
 * Export names for generated schemas: valid, unique TypeScript identifiers made from operationIds.
 */

/** The name a generated module imports; no export may take it. */
export const IMPORTED_NAME = 'defineSchema';

/** The suffix of every export: it also keeps every name clear of reserved words (`delete`, `new`...). */
const SUFFIX = 'Schema';

/**
 * camelCase from the ASCII letters and digits of `source`, every other run of characters a word
 * break: `getWorkflowExecutions` stays, `list-accounts v2` gives `listAccountsV2`, `ÜberList`
 * gives `berList`. Empty when `source` has no ASCII letter or digit.
 */
export function camelWords(source: string): string {
  const words = source.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  return words
    .map((word, i) =>
      i === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join('');
}

/**
 * The base export name of an endpoint: its operationId in camelCase (else its method and path:
 * `GET /workflows/{id}` gives `getWorkflowsId`), a leading digit guarded by `_`, plus `Schema`.
 */
export function exportNameFor(operationId: string | undefined, method: string, path: string): string {
  let base = operationId === undefined ? '' : camelWords(operationId);
  if (base === '') base = camelWords(`${method.toLowerCase()} ${path}`);
  if (base === '') base = 'endpoint';
  if (/^[0-9]/.test(base)) base = `_${base}`;
  return base + SUFFIX;
}

/**
 * Hands out unique names: a name already taken gets `2`, `3`... appended. Each base name remembers
 * the next number to try, so thousands of operations sharing one operationId cost linear time
 * (counting from 2 again for each was quadratic).
 */
export class NameRegistry {
  private readonly taken = new Set<string>([IMPORTED_NAME]);
  private readonly nextNumber = new Map<string, number>();

  /** A name not handed out before, `wanted` itself when it is free. */
  claim(wanted: string): string {
    let name = wanted;
    if (this.taken.has(name)) {
      let n = this.nextNumber.get(wanted) ?? 2;
      do name = `${wanted}${n++}`;
      while (this.taken.has(name));
      this.nextNumber.set(wanted, n);
    }
    this.taken.add(name);
    return name;
  }
}
