/** JSON output: pretty-printed, with a final newline, the same for every command. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
