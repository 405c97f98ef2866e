import { describe, expect, it } from 'vitest';
import * as extension from '../../../src/integrations/codemirror/index.js';
import { readManual } from '../../support/manual.js';

const readme = readManual();
const section = readme.slice(
  readme.indexOf('### The CodeMirror 6 extension'),
  readme.indexOf('### The playground'),
);

describe('the README CodeMirror section stays in step with the entry', () => {
  it('imports only what the entry exports', () => {
    const imports = /import \{([^}]*)\} from 'v3-filters\/codemirror'/.exec(section);
    expect(imports).not.toBeNull();
    const names = imports![1]!.split(',').map((name) => name.trim());
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(Object.keys(extension)).toContain(name);
  });

  it('names real exports in its list of parts', () => {
    const list = section.slice(
      section.indexOf('The parts are exported one by one'),
      section.indexOf('Peer dependencies'),
    );
    const names = [...list.matchAll(/`(\w+)`/g)].map((m) => m[1]!);
    expect(names).toContain('filtersLanguage');
    for (const name of names) expect(Object.keys(extension)).toContain(name);
  });

  it('maps completion kinds as it says', () => {
    expect(extension.COMPLETION_TYPES).toEqual({
      field: 'property',
      operator: 'keyword',
      keyword: 'keyword',
      value: 'constant',
      punctuation: 'text',
    });
    for (const [kind, type] of Object.entries(extension.COMPLETION_TYPES)) {
      expect(section).toContain(`\`${kind}\``);
      expect(section).toContain(`\`${type}\``);
    }
  });
});
