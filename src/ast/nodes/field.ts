import type { Span } from '../span.js';

/**
 * A field reference: one or more identifier segments joined by dots (`name`,
 * `owners.primaryIdentity.name`). Field names are case-sensitive.
 */
export interface FieldNode {
  readonly kind: 'field';
  /** The full dotted name as written, e.g. `identitySummary.id`. */
  readonly name: string;
  readonly span: Span;
}

/** Creates a {@link FieldNode}. */
export function createField(name: string, span: Span): FieldNode {
  return { kind: 'field', name, span };
}
