import { quote } from '../diagnostic/index.js';
import { isRecord } from '../schema/check-field.js';
import { type DocumentDiagnostic, documentError, documentWarning } from '../schema/document-diagnostic.js';
import { loadYaml } from './yaml-loader.js';

/** A JSON object of an OpenAPI document. */
export type JsonObject = Record<string, unknown>;

/** Receives the problems found while reading a document. */
export type Report = (diagnostic: DocumentDiagnostic) => void;

/**
 * Reads an OpenAPI document given as an object, JSON text or YAML text. Reports (and returns
 * undefined for) text that does not parse or is not an object.
 */
export function readDocument(input: unknown, report: Report): JsonObject | undefined {
  let value = input;
  if (typeof input === 'string') {
    try {
      // JSON is YAML too, but JSON.parse is far faster on a large document.
      value = input.trimStart().startsWith('{')
        ? JSON.parse(input)
        : loadYaml().parse(input, { maxAliasCount: 1000, logLevel: 'error' });
    } catch (cause) {
      const why = cause instanceof Error ? cause.message : String(cause);
      report(
        documentError('invalid-document', `The document is neither valid JSON nor valid YAML: ${why}`, ''),
      );
      return undefined;
    }
  }
  if (!isRecord(value)) {
    report(documentError('invalid-document', 'An OpenAPI document must be an object', ''));
    return undefined;
  }
  return value;
}

/** Decodes a `$ref` fragment (`#/components/schemas/A~1B`) into reference tokens. */
function refTokens(ref: string): string[] | undefined {
  if (ref === '#') return [];
  if (!ref.startsWith('#/')) return undefined;
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(2));
  } catch {
    return undefined;
  }
  return fragment.split('/').map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** A value of the document, with the pointer it was found at (after following `$ref`s). */
export interface Located {
  readonly value: unknown;
  readonly pointer: string;
}

/**
 * Resolves internal `$ref`s (`#/...`) against one document, following chains and guarding
 * against cycles. Lookups use own properties only, so a document cannot reach `__proto__`.
 */
export class RefResolver {
  private readonly reported = new Set<string>();
  /** Where each `$ref` object leads (null: nowhere), so a chain is followed once per document. */
  private readonly resolved = new WeakMap<JsonObject, Located | null>();

  constructor(
    private readonly document: JsonObject,
    private readonly report: Report,
  ) {}

  private lookup(tokens: readonly string[]): unknown {
    let node: unknown = this.document;
    for (const token of tokens) {
      if (Array.isArray(node) && /^(0|[1-9][0-9]*)$/.test(token) && Number(token) < node.length) {
        node = node[Number(token)];
      } else if (isRecord(node) && Object.hasOwn(node, token)) {
        node = node[token];
      } else {
        return undefined;
      }
    }
    return node;
  }

  private once(diagnostic: DocumentDiagnostic): void {
    const key = `${diagnostic.code}:${diagnostic.pointer}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.report(diagnostic);
  }

  /**
   * Follows `value`'s `$ref` chain, if any. Returns undefined (and reports once) for a reference
   * that is external, points nowhere, or loops back on itself.
   */
  resolve(value: unknown, pointer: string): Located | undefined {
    if (!isRecord(value) || !Object.hasOwn(value, '$ref')) return { value, pointer };
    const known = this.resolved.get(value);
    if (known !== undefined) return known ?? undefined;
    const chain: JsonObject[] = [];
    const outcome = this.follow(value, pointer, chain);
    for (const link of chain) this.resolved.set(link, outcome ?? null);
    return outcome;
  }

  private follow(value: JsonObject, pointer: string, chain: JsonObject[]): Located | undefined {
    let current: Located = { value, pointer };
    const seen = new Set<string>();
    while (isRecord(current.value) && Object.hasOwn(current.value, '$ref')) {
      const known = this.resolved.get(current.value);
      if (known !== undefined) return known ?? undefined;
      chain.push(current.value);
      const ref = current.value.$ref;
      if (typeof ref !== 'string') {
        this.once(documentWarning('unresolved-ref', '`$ref` must be a string', current.pointer));
        return undefined;
      }
      if (seen.has(ref)) {
        this.once(
          documentWarning('ref-cycle', `\`$ref\` ${quote(ref, 200)} refers back to itself`, current.pointer),
        );
        return undefined;
      }
      seen.add(ref);
      const tokens = refTokens(ref);
      const target = tokens ? this.lookup(tokens) : undefined;
      if (target === undefined) {
        const why = tokens ? 'points to nothing in the document' : 'is not an internal reference (#/...)';
        this.once(documentWarning('unresolved-ref', `\`$ref\` ${quote(ref, 200)} ${why}`, current.pointer));
        return undefined;
      }
      current = { value: target, pointer: ref.slice(1) };
    }
    return current;
  }

  /** Resolves and returns the value when it is an object. */
  object(value: unknown, pointer: string): (Located & { readonly value: JsonObject }) | undefined {
    const found = this.resolve(value, pointer);
    return found && isRecord(found.value) ? (found as Located & { readonly value: JsonObject }) : undefined;
  }
}

/** Own property `key` of `record`, or undefined. */
export function own(record: JsonObject, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
