import { Linter as Linter10, RuleTester as RuleTester10 } from 'eslint';
import { Linter as Linter9, RuleTester as RuleTester9 } from 'eslint-v9';
import { describe, it } from 'vitest';

/**
 * The plugin supports ESLint 9 and 10: every rule test runs under both (ESLint 9 installed as the
 * `eslint-v9` alias), with vitest's `describe` and `it`.
 */
export const ESLINTS = [
  { version: 'ESLint 10', RuleTester: RuleTester10, Linter: Linter10 },
  {
    version: 'ESLint 9',
    RuleTester: RuleTester9 as unknown as typeof RuleTester10,
    Linter: Linter9 as unknown as typeof Linter10,
  },
] as const;

for (const { RuleTester } of ESLINTS) {
  RuleTester.describe = describe;
  RuleTester.it = it;
  RuleTester.itOnly = it.only;
}
