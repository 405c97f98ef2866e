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

/**
 * What a file system error means, in words a user can act on, naming the file as `what` (already
 * shown safely): never Node's own message, which repeats the path as given.
 */
export function describeFileError(action: 'read' | 'write', what: string, cause: unknown): string {
  const code = (cause as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return `${what}: no such file`;
    case 'EISDIR':
      return `${what} is a directory, not a file`;
    case 'EACCES':
    case 'EPERM':
      return `${what}: permission denied`;
    case 'ENOTDIR':
      return `${what}: a part of the path is not a folder`;
    case 'ENOSPC':
      return `cannot ${action} ${what}: no space left on the device`;
    case 'EROFS':
      return `cannot ${action} ${what}: read-only file system`;
    default:
      return `cannot ${action} ${what}${typeof code === 'string' ? ` (${code})` : ''}`;
  }
}
