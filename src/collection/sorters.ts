import type { Sorter } from '../compile/sql/order-by.js';
import { type Diagnostic, error, quote, replaceFix } from '../diagnostic/index.js';
import { isFieldPath } from '../language/chars.js';
import { clearBestMatch, closestMatches, didYouMean, listWords } from '../schema/suggest.js';

// A sort key is the SQL compiler's type (`toSqlOrderBy` takes a list of them), which sits below
// this parser in the layers; the parser makes them.
export type { Sorter } from '../compile/sql/order-by.js';

/** The sort keys, or the problems with them (spans into the decoded `sorters` value). */
export interface SortersResult {
  readonly sorters: readonly Sorter[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses `sorters` (`type,-modified`): comma-separated field names, `-` for descending, each
 * field on the whitelist `allowed` and named once. `allowed` undefined means the endpoint does
 * not sort at all.
 */
export function parseSorters(text: string, allowed: readonly string[] | undefined): SortersResult {
  const whole = { start: 0, end: text.length };
  if (!allowed) {
    return {
      sorters: [],
      diagnostics: [error('sorting-not-supported', 'This endpoint does not support sorting', whole)],
    };
  }
  const sorters: Sorter[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (const item of text.split(',')) {
    const span = { start: offset, end: offset + item.length };
    offset += item.length + 1;
    const trimmed = item.trim();
    if (trimmed === '') {
      diagnostics.push(
        error('invalid-sorters', 'Empty sort field: separate field names with single commas', span),
      );
      continue;
    }
    if (trimmed !== item) {
      diagnostics.push(
        error('invalid-sorters', `Sort fields take no spaces: ${quote(trimmed)}`, span, [
          replaceFix('Remove the spaces', span, trimmed),
        ]),
      );
      continue;
    }
    const descending = item.startsWith('-');
    if (item.startsWith('+')) {
      diagnostics.push(
        error('invalid-sorters', 'Ascending order has no prefix; descending is `-field`', span, [
          replaceFix('Remove the `+`', { start: span.start, end: span.start + 1 }, ''),
        ]),
      );
      continue;
    }
    const field = descending ? item.slice(1) : item;
    const fieldSpan = { start: span.start + (descending ? 1 : 0), end: span.end };
    if (!isFieldPath(field)) {
      diagnostics.push(
        error('invalid-sorters', `${quote(item)} is not a field name (or \`-\` and a field name)`, span),
      );
      continue;
    }
    if (!allowed.includes(field)) {
      const suggestion = clearBestMatch(field, allowed);
      const near = suggestion ? [suggestion] : closestMatches(field, allowed);
      const list = allowed.length > 0 ? ` Sortable fields: ${listWords(allowed, quote)}` : '';
      diagnostics.push(
        error(
          'unknown-sorter',
          `Cannot sort by ${quote(field)}${didYouMean(near, quote)}${list}`,
          fieldSpan,
          suggestion ? [replaceFix(`Use ${quote(suggestion)}`, fieldSpan, suggestion)] : undefined,
        ),
      );
      continue;
    }
    if (seen.has(field)) {
      diagnostics.push(error('duplicate-sorter', `${quote(field)} is already a sort field`, span));
      continue;
    }
    seen.add(field);
    sorters.push({ field, direction: descending ? 'desc' : 'asc' });
  }
  return { sorters, diagnostics };
}
