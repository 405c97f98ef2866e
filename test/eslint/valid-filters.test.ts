import { describe } from 'vitest';
import plugin from '../../src/integrations/eslint/index.js';
import { ESLINTS } from './testers.js';

const rule = plugin.rules['valid-filters'];

const PARSE = "import { parse } from 'v3-filters';\n";
const V3F = "import { v3f } from 'v3-filters';\n";
const usersSchema = {
  fields: {
    name: { type: 'string', operators: ['eq', 'sw'] },
    created: { type: 'date-time', operators: ['gt'] },
  },
};
const usersTarget = [{ targets: [{ callee: 'listUsers', property: 'filters', schema: usersSchema }] }];

for (const { version, RuleTester } of ESLINTS) {
  describe(version, () => {
    const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
    tester.run('valid-filters', rule, {
      valid: [
        `${PARSE}parse('name eq "x"');`,
        `${PARSE}parse("name eq \\"x\\" and id in (1, 2)");`,
        `${PARSE}const text = 'a pr';\nparse(text);`,
        // Not targets: an object elsewhere, a local function named parse, another module's parse.
        "call({ filters: 'anything @@' });",
        "function parse(x) { return x; }\nparse('@@');",
        "import { parse } from 'other';\nparse('@@');",
        // Unknown at lint time: a name with no constant behind it, a template under another tag.
        `${PARSE}export function f(text) { return parse(text); }`,
        `${PARSE}parse(sql\`@@\`);`,
        // A substitution's problems are unknown until run time.
        `${PARSE}parse(\`name eq \${value}\`);`,
        `${PARSE}parse(\`name eq "\${value}"\`);`,
        `${V3F}v3f\`name eq \${value} and created gt \${since}\`;`,
        {
          code: 'api.listUsers({ filters: \'name sw "a" and created gt 2020-01-01T00:00:00Z\' });',
          options: usersTarget,
        },
        { code: "api.listUsers({ other: 'nmae eq 1' }, 'nmae eq 1');", options: usersTarget },
        { code: "api.listGroups({ filters: 'nmae eq 1' });", options: usersTarget },
      ],
      invalid: [
        {
          code: `${PARSE}parse('name EQ "x"');`,
          output: `${PARSE}parse('name eq "x"');`,
          errors: [
            { message: 'Operators are lowercase: use `eq`', line: 2, column: 13, endLine: 2, endColumn: 15 },
          ],
        },
        {
          // Escapes count: `\u0045` is one character of the filter and six of the source.
          code: `${PARSE}parse("name eq \\"x\\" and id \\u0045Q 1");`,
          output: `${PARSE}parse("name eq \\"x\\" and id eq 1");`,
          errors: [
            { message: 'Operators are lowercase: use `eq`', line: 2, column: 29, endLine: 2, endColumn: 36 },
          ],
        },
        {
          // A fix's text is escaped for the literal it goes into.
          code: `${PARSE}parse("name eq 'x'");`,
          output: `${PARSE}parse("name eq \\"x\\"");`,
          errors: [
            {
              message: 'Single quotes do not delimit strings; use double quotes: `"x"`',
              line: 2,
              column: 16,
              endColumn: 19,
            },
          ],
        },
        {
          // Template parts, a line continuation and a line break: the report lands on line 4.
          code: `${PARSE}parse(\`name eq \\\n"x" and\n  (id eq \${n} or\n   id EQ 2)\`);`,
          output: `${PARSE}parse(\`name eq \\\n"x" and\n  (id eq \${n} or\n   id eq 2)\`);`,
          errors: [
            { message: 'Operators are lowercase: use `eq`', line: 5, column: 7, endLine: 5, endColumn: 9 },
          ],
        },
        {
          code: `${PARSE}const text = 'a eq "x" and';\nparse(text);`,
          output: null,
          errors: [{ message: 'Missing comparison after `and`', line: 2, column: 27, endColumn: 27 }],
        },
        {
          code: `${V3F}v3f\`name eq \${value} and (\`;`,
          output: null,
          errors: [
            { message: 'This `(` has no closing `)`', line: 2, column: 26, endColumn: 27 },
            { message: 'Missing comparison after `(`', line: 2, column: 27, endColumn: 27 },
          ],
        },
        {
          // Where v3f takes no value it throws at run time: reported at the substitution.
          code: `${V3F}v3f\`\${field} eq 1\`;\nv3f\`name eq 'x\${y}'\`;`,
          output: null,
          errors: [
            {
              message:
                'v3f throws FilterBuildError here at run time: No value may stand at interpolation 1 (at the start): a field, `not`, `pr` or `(` stands here',
              line: 2,
              column: 5,
              endColumn: 13,
            },
            {
              message:
                "v3f throws FilterBuildError here at run time: No value may stand at interpolation 1 (after `name eq 'x`): the value is inside a quote the language does not have (`'` or a typographic quote): write the interpolation bare, v3f quotes it",
              line: 3,
              column: 15,
              endColumn: 19,
            },
          ],
        },
        {
          // The validator's "did you mean" is a suggestion, not a fix: it may change the meaning.
          code: 'api.listUsers({ filters: \'nmae eq "x" and created eq 2020-01-01T00:00:00Z\' });',
          options: usersTarget,
          output: null,
          errors: [
            {
              message: 'Unknown field `nmae`; did you mean `name`? Fields: `name` and `created`',
              line: 1,
              column: 27,
              endColumn: 31,
              suggestions: [
                {
                  messageId: 'fix',
                  data: { message: 'Use `name`' },
                  output: 'api.listUsers({ filters: \'name eq "x" and created eq 2020-01-01T00:00:00Z\' });',
                },
              ],
            },
            {
              message: '`eq` is not allowed on `created`; allowed: `gt`',
              line: 1,
              column: 51,
              endColumn: 53,
            },
          ],
        },
        {
          // A request built a few lines up, the filter in a const: reported where the text is.
          code: 'const filters = \'name co "x"\';\nconst request = { filters };\nclient.users.listUsers(request);',
          options: [{ targets: [{ callee: 'users.listUsers', property: 'filters', schema: usersSchema }] }],
          output: null,
          errors: [
            {
              message: '`co` is not allowed on `name`; allowed: `eq` and `sw`',
              line: 1,
              column: 23,
              endColumn: 25,
            },
          ],
        },
        {
          code: "search('name eq', 'ignored');",
          options: [{ targets: [{ callee: 'search' }] }],
          output: null,
          errors: [{ message: 'Missing value after `eq`', line: 1, column: 16, endColumn: 16 }],
        },
        {
          code: 'search(1, \'a eq "x"\');',
          options: [{ targets: [{ callee: 'search', argument: 1, schema: { fields: 'none' } }] }],
          output: null,
          errors: [{ messageId: 'invalidSchema', line: 1, column: 1, endColumn: 7 }],
        },
      ],
    });
  });
}
