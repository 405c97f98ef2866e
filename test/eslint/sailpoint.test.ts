import { describe } from 'vitest';
import plugin from '../../src/integrations/eslint/index.js';
import { ESLINTS } from './testers.js';

/**
 * The `filters` of a request passed to a `sailpoint-api-client` API method, found from the
 * imported class names alone (plain JavaScript, no type information), validated against the
 * operation's whitelist in the class's API version.
 */
const IMPORT =
  "import { AccessProfilesApi, AccessProfilesBetaApi, SourcesApi } from 'sailpoint-api-client';\n";

for (const { version, RuleTester } of ESLINTS) {
  describe(version, () => {
    const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
    tester.run('valid-filters on the SailPoint SDK', plugin.rules['valid-filters'], {
      valid: [
        `${IMPORT}new AccessProfilesApi(cfg).listAccessProfiles({ filters: 'name sw "Sales" and requestable eq true' });`,
        `${IMPORT}const api = new SourcesApi(cfg);\nawait api.listSources({ filters: 'features ca ("AUTHENTICATE")', limit: 10 });`,
        // The method takes no filters, the class is someone else's, or the call is no SDK call.
        `${IMPORT}new AccessProfilesApi(cfg).getAccessProfile({ id: 'x', filters: 'nmae eq 1' });`,
        "import { AccessProfilesApi } from './local';\nnew AccessProfilesApi(cfg).listAccessProfiles({ filters: 'nmae eq 1' });",
        "const api = { listAccessProfiles() {} };\napi.listAccessProfiles({ filters: 'nmae eq 1' });",
        // A `let` may hold anything by the time of the call.
        `${IMPORT}let api = new AccessProfilesApi(cfg);\napi = other;\napi.listAccessProfiles({ filters: 'nmae eq 1' });`,
      ],
      invalid: [
        {
          code: `${IMPORT}new AccessProfilesApi(cfg).listAccessProfiles({ filters: 'nmae eq "x"' });`,
          output: null,
          errors: [
            {
              message:
                'Unknown field `nmae`; did you mean `name`? Fields: `id`, `name`, `created`, `modified`, `owner.id`, `requestable` and `source.id`',
              line: 2,
              column: 59,
              endColumn: 63,
              suggestions: [
                {
                  messageId: 'fix',
                  data: { message: 'Use `name`' },
                  output: `${IMPORT}new AccessProfilesApi(cfg).listAccessProfiles({ filters: 'name eq "x"' });`,
                },
              ],
            },
          ],
        },
        {
          // Aliased import, the API object and the request in constants, the filter in a template.
          code: "import { AccessProfilesBetaApi as Profiles } from 'sailpoint-api-client';\nconst api = new Profiles(cfg);\nconst request = { limit: 5, filters: `created lt 2024-01-01T00:00:00Z` };\napi.listAccessProfiles(request);",
          output: null,
          errors: [
            {
              message: '`lt` is not allowed on `created`; allowed: `gt`, `ge` and `le`',
              line: 3,
              column: 47,
              endColumn: 49,
            },
          ],
        },
        {
          // CommonJS and a namespace import reach the same classes.
          code: "const sdk = require('sailpoint-api-client');\nnew sdk.SourcesApi(cfg).listSources({ filters: 'name EQ \"x\"' });",
          output:
            "const sdk = require('sailpoint-api-client');\nnew sdk.SourcesApi(cfg).listSources({ filters: 'name eq \"x\"' });",
          errors: [{ message: 'Operators are lowercase: use `eq`', line: 2, column: 54, endColumn: 56 }],
        },
        {
          code: `${IMPORT}new AccessProfilesBetaApi(cfg).listAccessProfiles({ filters: "requestable eq \\"yes\\"" });`,
          output: null,
          // The source holds `\"yes\"`: seven characters for the filter's five.
          errors: [
            {
              message: '`"yes"` is text, but `requestable` is a boolean field: use `true` or `false`',
              line: 2,
              column: 78,
              endColumn: 85,
            },
          ],
        },
      ],
    });
  });
}
