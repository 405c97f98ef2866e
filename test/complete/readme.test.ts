import { describe, expect, it } from 'vitest';
import { complete, workflowExecutionsSchema } from '../../src/index.js';
import { readManual } from '../support/manual.js';

/** The README's completion examples say "real results": each call is run and compared. */
const readme = readManual();
const section = readme.slice(
  readme.indexOf('### Completions: `complete(text, offset, { schema })`'),
  readme.indexOf('### The CodeMirror 6 extension'),
);
const examples = [
  ...section.matchAll(
    /```ts\ncomplete\('((?:[^'\\]|\\.)*)', (\d+), \{ schema: workflowExecutionsSchema \}\);\n```\n\n```json\n([\s\S]*?)```/g,
  ),
].map((m) => ({ text: m[1]!, offset: Number(m[2]), result: JSON.parse(m[3]!) as unknown }));

describe('the README completion examples are real complete() results', () => {
  it('has the examples', () => {
    expect(examples).toHaveLength(2);
  });

  for (const { text, offset, result } of examples) {
    it(`complete(${JSON.stringify(text)}, ${offset})`, () => {
      expect(complete(text, offset, { schema: workflowExecutionsSchema })).toEqual(result);
    });
  }
});
