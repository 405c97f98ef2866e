/**
 * The one error the CLI throws on purpose: a usage or I/O problem, reported as a clean message
 * and exit status 2. Anything else that escapes a command is a bug, still reported without a
 * stack trace (see main.ts).
 */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** Exit statuses: 0 clean, 1 problems found in the filters, 2 usage or I/O error. */
export const EXIT = Object.freeze({ clean: 0, problems: 1, usage: 2 });

/** The message of any thrown value, for a one-line report. */
export function messageOf(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  return String(cause);
}
