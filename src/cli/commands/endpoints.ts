import { escapeInvisibles } from '../../diagnostic/text.js';
import { BUILTIN_ENDPOINTS, builtinSchemaNames } from '../../schema/index.js';
import type { Schema } from '../../schema/types.js';
import type { CommandContext } from '../context.js';
import { loadOpenApi } from '../endpoint.js';
import { EXIT } from '../errors.js';
import { toJson } from '../output/json.js';

/** The options of `v3-filters endpoints`. */
export interface EndpointsOptions {
  readonly openapi?: string;
  readonly format: 'text' | 'json';
}

interface Listed {
  readonly method: string;
  readonly path: string;
  /** The built-in name or the operationId. */
  readonly name?: string;
  readonly schema: Schema;
}

function describeSchema(schema: Schema): string {
  const names = Object.keys(schema.fields);
  const width = Math.max(0, ...names.map((n) => n.length));
  const lines = names.map((name) => {
    const field = schema.fields[name]!;
    const values = field.enum ? `  values: ${field.enum.join(', ')}` : '';
    return escapeInvisibles(
      `  ${name.padEnd(width)}  ${field.type.padEnd(9)}  ${field.operators.join(' ')}${values}`,
    );
  });
  if (schema.composite) lines.push(`  composite operators: ${schema.composite.join(' ') || 'none'}`);
  if (schema.caseSensitive) lines.push('  values are case-sensitive');
  return lines.join('\n');
}

/** `v3-filters endpoints`: the built-in endpoints, or every operation of `--openapi` that takes filters. */
export async function endpointsCommand(options: EndpointsOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  let listed: Listed[];
  if (options.openapi !== undefined) {
    const document = await loadOpenApi(options.openapi, io.stdin);
    listed = document.imported.endpoints.map((e) => ({
      method: e.method,
      path: e.path,
      ...(e.operationId !== undefined ? { name: e.operationId } : {}),
      schema: e.schema,
    }));
  } else {
    listed = builtinSchemaNames().map((name) => ({ ...BUILTIN_ENDPOINTS[name], name }));
  }
  if (options.format === 'json') {
    io.stdout.write(toJson(listed));
    return EXIT.clean;
  }
  const paint = context.paint(io.stdout);
  const blocks = listed.map((e) => {
    const name = e.name !== undefined ? `  (${escapeInvisibles(e.name)})` : '';
    return `${paint.bold(escapeInvisibles(`${e.method} ${e.path}`))}${name}\n${describeSchema(e.schema)}\n`;
  });
  io.stdout.write(blocks.join('\n'));
  return EXIT.clean;
}
