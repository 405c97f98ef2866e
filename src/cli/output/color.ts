import type { Writer } from '../io.js';

/** Paints text for a terminal, or leaves it alone. */
export interface Painter {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

/** `--color` / `--no-color` as given (undefined when neither was). */
export type ColorChoice = boolean | undefined;

/**
 * Whether to colour output written to `stream`. `NO_COLOR` (set and not empty, per no-color.org)
 * always wins, even over `--color`: the project's rule is "never with NO_COLOR". Then the flags,
 * then `FORCE_COLOR` (set and not `0`/`false`), then whether the stream is a terminal.
 */
export function colorEnabled(
  stream: Writer,
  env: Readonly<Record<string, string | undefined>>,
  choice: ColorChoice,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (choice !== undefined) return choice;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return stream.isTTY;
}

const sgr =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const identity = (text: string): string => text;

/** A painter that colours (when `enabled`) or returns text unchanged. */
export function painter(enabled: boolean): Painter {
  if (!enabled) {
    return {
      enabled,
      bold: identity,
      dim: identity,
      red: identity,
      yellow: identity,
      green: identity,
      cyan: identity,
    };
  }
  return {
    enabled,
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    green: sgr(32, 39),
    cyan: sgr(36, 39),
  };
}
