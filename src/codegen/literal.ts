import { stringifyVisible } from '../diagnostic/text.js';
import type { Schema } from '../schema/types.js';

/** A key written bare when it is an identifier, else as a JSON string; `__proto__` computed, so it stays a field. */
function keyText(key: string): string {
  if (key === '__proto__') return '["__proto__"]';
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : stringifyVisible(key);
}

function valueText(value: unknown, indent: string): string {
  if (Array.isArray(value)) return `[${value.map((item) => valueText(item, indent)).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return objectText(value as Record<string, unknown>, indent);
  // Strings as JSON strings (valid JavaScript): quotes, backslashes, controls, bidi, zero-width
  // and line-separator characters escaped, so reviewed code shows every character it holds.
  return stringifyVisible(value);
}

function objectText(record: Readonly<Record<string, unknown>>, indent: string): string {
  const entries = Object.entries(record).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return '{}';
  const inner = `${indent}  `;
  const lines = entries.map(([key, value]) => `${inner}${keyText(key)}: ${valueText(value, inner)},`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/**
 * A schema as a TypeScript object literal, one property a line (arrays on one line), for
 * `defineSchema(...)`: its `const` type parameter keeps every field name, operator and enum value
 * as a literal type.
 */
export function schemaLiteral(schema: Schema): string {
  return objectText(schema as unknown as Record<string, unknown>, '');
}
