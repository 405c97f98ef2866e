import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { readManual } from '../support/manual.js';
import { memoryIo } from './support/memory-io.js';

/** Splits a command line as a POSIX shell would, for the quoting the docs use ('...', "...", \). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  while (i < line.length) {
    const char = line[i]!;
    if (char === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
      i++;
    } else if (char === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end + 1;
    } else if (char === '"') {
      let text = '';
      i++;
      while (line[i] !== '"') {
        if (line[i] === '\\' && '"\\$`'.includes(line[i + 1]!)) i++;
        text += line[i];
        i++;
      }
      word = (word ?? '') + text;
      i++;
    } else {
      word = (word ?? '') + char;
      i++;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

const docs = readManual();
// The manual's `v3-filters` sessions; other tools' (ESLint's) are checked by their own tests.
const examples = [...docs.matchAll(/```console\n\$ (npx v3-filters\b.*)\n([\s\S]*?)```/g)].map((m) => ({
  command: m[1]!,
  output: m[2]!,
}));

describe('the README shows what the CLI really prints', () => {
  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  for (const { command, output } of examples) {
    it(command, async () => {
      const words = shellWords(command);
      expect(words.slice(0, 2)).toEqual(['npx', 'v3-filters']);
      const io = memoryIo();
      await runCli(words.slice(2), io);
      expect(io.all()).toBe(output);
    });
  }

  it('the shell splitting used here is right on the docs’ quoting', () => {
    expect(shellWords(`a 'b "c"' "d \\"e\\" {f}" g'h'`)).toEqual(['a', 'b "c"', 'd "e" {f}', 'gh']);
  });
});
