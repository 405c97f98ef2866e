import { readFileSync } from 'node:fs';
import type { CliIo, Writer } from './io.js';
import { type ColorChoice, colorEnabled, type Painter, painter } from './output/color.js';

/** What every command gets: the process surroundings and the global options. */
export interface CommandContext {
  readonly io: CliIo;
  /** A painter for text written to `stream` (colour only where allowed). */
  paint(stream: Writer): Painter;
  /** Prints `v3-filters: <line>` on stderr (a note or warning that is not a diagnostic). */
  note(line: string): void;
  readonly version: string;
}

/** The package version, read from package.json beside src/ or dist/ (unknown if unreadable). */
export function packageVersion(): string {
  try {
    const json: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const version = (json as { version?: unknown }).version;
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Builds the context from the process and the `--color` choice. */
export function createContext(io: CliIo, color: () => ColorChoice, version: string): CommandContext {
  return {
    io,
    paint: (stream) => painter(colorEnabled(stream, io.env, color())),
    note: (line) => io.stderr.write(`v3-filters: ${line}\n`),
    version,
  };
}
