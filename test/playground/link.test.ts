import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxLinkLength, readLink, writeLink } from '../../playground/src/link.js';
import { EDITOR_MAX_LENGTH } from '../../src/integrations/codemirror/index.js';

/**
 * The playground's link (its URL fragment) reopens what the page wrote into it, for every filter
 * the editor holds, and reads nothing longer than such a link: a pasted link of megabytes is
 * refused before it is decoded.
 */

/** Characters that form-encoding writes longest (3-byte UTF-8, astral), or that mean something in a query. */
const unit = fc.oneof(
  fc.constantFrom('€', '😀', 'é', '日', '&', '=', '+', '%', '#', ' ', '"', '\\', '?'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

describe('the playground link', () => {
  it('reopens every filter of up to the editor length it writes, longest encodings included', () => {
    for (const character of ['a', '"', 'é', '€', '😀', '日']) {
      const filter = character.repeat(Math.floor(EDITOR_MAX_LENGTH / character.length));
      const link = writeLink('workflow-executions', filter, EDITOR_MAX_LENGTH);
      expect(readLink(link, EDITOR_MAX_LENGTH), character).toEqual({
        endpoint: 'workflow-executions',
        filter,
      });
    }
  });

  it('on random endpoints and filters: what it writes it reopens, and a filter past the maximum is left out', () => {
    const max = 40;
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 60 }),
        fc.string({ unit, minLength: 1, maxLength: 30 }),
        (filter, endpoint) => {
          const link = writeLink(endpoint, filter, max);
          expect(link.length).toBeLessThanOrEqual(maxLinkLength(max));
          // Form-encoding keeps well-formed text; an unpaired surrogate comes back as U+FFFD.
          const expected = new URLSearchParams({ endpoint, filter }).get('filter');
          const opened = readLink(link, max);
          expect(opened.notice).toBeUndefined();
          expect(opened.endpoint).toBe(new URLSearchParams({ endpoint }).get('endpoint'));
          expect(opened.filter).toBe(filter.length <= max ? expected : undefined);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a link longer than any it writes without decoding it, and a long filter with a notice', () => {
    const long = `#filter=${'%41'.repeat(maxLinkLength(EDITOR_MAX_LENGTH))}`;
    expect(readLink(long, EDITOR_MAX_LENGTH)).toEqual({
      notice: `This link is ${long.length} characters long; the playground opens links of up to ${maxLinkLength(EDITOR_MAX_LENGTH)}.`,
    });
    const filter = 'a'.repeat(EDITOR_MAX_LENGTH + 1);
    expect(readLink(`#endpoint=e&filter=${filter}`, EDITOR_MAX_LENGTH)).toEqual({
      endpoint: 'e',
      notice: `This link's filter is ${filter.length} characters long; the playground opens filters of up to ${EDITOR_MAX_LENGTH}.`,
    });
    expect(writeLink('e', filter, EDITOR_MAX_LENGTH)).toBe('#endpoint=e');
  });

  it('leaves out what a link could not reopen when the endpoint name is enormous', () => {
    const endpoint = 'e'.repeat(maxLinkLength(10));
    expect(writeLink(endpoint, 'a', 10)).toBe('#');
  });
});
