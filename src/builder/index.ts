/**
 * `v3-filters/builder`: the typed filter builder on its own, for clients (a browser page, a
 * service that only sends requests). It holds the builder, schema declaration, the built-in
 * schemas and the printer, and nothing of the parser (no Chevrotain): a few kilobytes bundled.
 * Everything here is also exported by the main entry, `v3-filters`, from the same modules.
 * The guide: [Clients](../../docs/clients.md).
 * @module builder
 */

export type * from '../ast/public.js';
export type { Diagnostic, Fix, Severity, TextEdit } from '../diagnostic/index.js';
export { type FormatOptions, format, InvalidAstError } from '../printer/format.js';
export * from '../schema/public.js';
export * from './api.js';
