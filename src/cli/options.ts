import { type Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_LIMITS, MAX_LIMITS, type ParseLimits } from '../syntax/limits.js';
import type { SchemaOptions } from './endpoint.js';

/** A positive integer option value; anything else is a usage error (exit 2). */
export function positiveInteger(value: string): number {
  if (!/^[0-9]+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('must be a positive integer');
  }
  return Number(value);
}

/** A non-negative integer option value (`--parameter-offset 0` is the default, spelled out). */
export function nonNegativeInteger(value: string): number {
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('must be a non-negative integer');
  }
  return Number(value);
}

const LIMIT_OPTIONS: readonly { flag: string; key: keyof ParseLimits; what: string }[] = [
  { flag: '--max-length', key: 'maxLength', what: 'longest filter, in UTF-16 code units' },
  { flag: '--max-depth', key: 'maxDepth', what: 'deepest nesting of parentheses and not' },
  { flag: '--max-comparisons', key: 'maxComparisons', what: 'most comparisons in one filter' },
  { flag: '--max-list-values', key: 'maxListValues', what: 'most values in one list, such as in (...)' },
  { flag: '--max-errors', key: 'maxErrors', what: 'most diagnostics reported per filter' },
];

/** Adds `--max-length` and the other parser limits (each capped at the library's maximum). */
export function addLimitOptions(command: Command): Command {
  for (const { flag, key, what } of LIMIT_OPTIONS) {
    command.addOption(
      new Option(
        `${flag} <n>`,
        `${what} (default ${DEFAULT_LIMITS[key]}, at most ${MAX_LIMITS[key]})`,
      ).argParser(positiveInteger),
    );
  }
  return command;
}

/** The parser limits the options name (commander camel-cases `--max-length` into `maxLength`). */
export function limitsFrom(options: Readonly<Record<string, unknown>>): Partial<ParseLimits> {
  const limits: Partial<Record<keyof ParseLimits, number>> = {};
  for (const { key } of LIMIT_OPTIONS) {
    const value = options[key];
    // The library answers a limit past its maximum with a diagnostic; the flags cap it, as --help says.
    if (typeof value === 'number') limits[key] = Math.min(value, MAX_LIMITS[key]);
  }
  return limits;
}

/** Adds `--schema`, `--openapi` and `--endpoint`. */
export function addSchemaOptions(command: Command): Command {
  return command
    .option('--schema <file>', 'check against the schema in this JSON file')
    .option(
      '--endpoint <name>',
      'check against a built-in endpoint (workflow-executions), or with --openapi an operation: "GET /path" or its operationId',
    )
    .option('--openapi <spec>', 'OpenAPI document (JSON or YAML) that --endpoint is looked up in');
}

/** The schema options as given. */
export function schemaOptionsFrom(options: Readonly<Record<string, unknown>>): SchemaOptions {
  const pick = (key: string) => (typeof options[key] === 'string' ? (options[key] as string) : undefined);
  const schema = pick('schema');
  const endpoint = pick('endpoint');
  const openapi = pick('openapi');
  return {
    ...(schema !== undefined ? { schema } : {}),
    ...(endpoint !== undefined ? { endpoint } : {}),
    ...(openapi !== undefined ? { openapi } : {}),
  };
}

/** Adds `--file`. */
export function addFileOption(command: Command): Command {
  return command.option(
    '-f, --file <file>',
    'read filters from a file: one per line, or a JSON array of strings (- for stdin)',
  );
}

/** Adds `--format` with the given choices (the first is the default). */
export function addFormatOption(command: Command, choices: readonly string[]): Command {
  return command.addOption(
    new Option('--format <format>', 'output format').choices(choices).default(choices[0]),
  );
}
