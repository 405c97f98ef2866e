import { readFileSync } from 'node:fs';
import type { CliIo, Writer } from './io.js';
import { type ColorChoice, colorEnabled, type Painter, painter } from './output/color.js';
import { guardWriter } from './output/terminal.js';

/** What every command gets: the process surroundings and the global options. */
export interface CommandContext {
  readonly io: CliIo;
  /** A painter for text written to `stream` (colour only where allowed). */
  paint(stream: Writer): Painter;
  /** Prints `v3-filters: <line>` on stderr (a note or warning that is not a diagnostic). */
  note(line: string): void;
  /**
   * Writes data (filters printed by `fmt` or `lint --fix`) to stdout exactly as they are, to be
   * piped or redirected; on a terminal, escaped like every report (io.stdout escapes always).
   */
  writeData(text: string): void;
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

/**
 * Builds the context from the process and the `--color` choice. Every text written through `io`
 * is made safe for a terminal (output/terminal.ts); `writeData` alone reaches the process's
 * stdout unchanged, and only when it is no terminal.
 */
export function createContext(processIo: CliIo, color: () => ColorChoice, version: string): CommandContext {
  const colours = (stream: Writer) => () => colorEnabled(stream, processIo.env, color());
  const io: CliIo = {
    stdout: guardWriter(processIo.stdout, colours(processIo.stdout)),
    stderr: guardWriter(processIo.stderr, colours(processIo.stderr)),
    stdin: processIo.stdin,
    env: processIo.env,
  };
  return {
    io,
    paint: (stream) => painter(colorEnabled(stream, processIo.env, color())),
    note: (line) => io.stderr.write(`v3-filters: ${line}\n`),
    writeData: (text) => (processIo.stdout.isTTY ? io.stdout : processIo.stdout).write(text),
    version,
  };
}
