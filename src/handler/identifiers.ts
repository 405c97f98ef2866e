const LONE_SURROGATE = /\p{Surrogate}/u;

/** Why `name` cannot be an SQL identifier, or undefined when it can (same rules as `compileSql`). */
export function identifierProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'is empty or not a string';
  if (name.includes('\0')) return 'holds U+0000';
  if (LONE_SURROGATE.test(name)) return 'holds an unpaired surrogate';
  return undefined;
}
