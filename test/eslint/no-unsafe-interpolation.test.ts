import { describe } from 'vitest';
import plugin from '../../src/integrations/eslint/index.js';
import { ESLINTS } from './testers.js';

const SDK = "import { SourcesApi } from 'sailpoint-api-client';\n";
const message =
  'A value interpolated into filter text can change what the filter selects (a value holding `"` ends the string): write the filter with the `v3f` tag, which writes each value in the filter\'s syntax.';

for (const { version, RuleTester } of ESLINTS) {
  describe(version, () => {
    const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
    tester.run('no-unsafe-interpolation', plugin.rules['no-unsafe-interpolation'], {
      valid: [
        `${SDK}new SourcesApi(cfg).listSources({ filters: 'name eq "x"' });`,
        `${SDK}import { v3f } from 'v3-filters';\nnew SourcesApi(cfg).listSources({ filters: v3f\`id eq \${sourceId}\` });`,
        // Not a target: a template elsewhere is none of this rule's business.
        'call({ filters: `id eq "${sourceId}"` });',
        'const text = `id eq "${sourceId}"`;',
      ],
      invalid: [
        {
          code: `${SDK}new SourcesApi(cfg).listSources({ filters: \`id eq "\${sourceId}"\` });`,
          errors: [
            {
              message,
              line: 2,
              column: 52,
              endColumn: 63,
              suggestions: [
                {
                  messageId: 'useV3f',
                  output: `import { v3f } from 'v3-filters';\n${SDK}new SourcesApi(cfg).listSources({ filters: v3f\`id eq "\${sourceId}"\` });`,
                },
              ],
            },
          ],
        },
        {
          // v3f already imported (under another name): used as it is.
          code: `import { v3f as filter } from 'v3-filters';\nimport { parse } from 'v3-filters';\nparse(\`name eq \${a} or id in (\${b}, "\${c}")\`);`,
          errors: [
            {
              message,
              line: 3,
              column: 16,
              endColumn: 20,
              suggestions: [
                {
                  messageId: 'useV3f',
                  output: `import { v3f as filter } from 'v3-filters';\nimport { parse } from 'v3-filters';\nparse(filter\`name eq \${a} or id in (\${b}, "\${c}")\`);`,
                },
              ],
            },
          ],
        },
        {
          // Inside a double-quoted string, v3f joins the value to its text, escaped: the same intent.
          code: 'import { parse } from \'v3-filters\';\nparse(`name sw "${prefix}-x"`);',
          errors: [
            {
              message,
              line: 2,
              column: 17,
              suggestions: [
                {
                  messageId: 'useV3f',
                  output:
                    "import { v3f } from 'v3-filters';\nimport { parse } from 'v3-filters';\nparse(v3f`name sw \"${prefix}-x\"`);",
                },
              ],
            },
          ],
        },
        {
          // A substitution standing for a field or an operator: v3f would throw, so no rewrite.
          code: "import { parse } from 'v3-filters';\nparse(`${field} eq 1`);\nparse(`id ${op} 1`);",
          errors: [
            { message, line: 2, column: 8, suggestions: [] },
            { message, line: 3, column: 11, suggestions: [] },
          ],
        },
        {
          // CommonJS: no import can be added, so no suggestion.
          code: "const { parse } = require('v3-filters');\nparse(`id eq ${id}`);",
          languageOptions: { sourceType: 'commonjs' },
          errors: [{ message, line: 2, column: 14, suggestions: [] }],
        },
      ],
    });
  });
}
