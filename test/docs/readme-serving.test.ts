import { describe, expect, it } from 'vitest';
import { createCollectionHandler, workflowExecutionsSchema } from '../../src/index.js';
import { readManual } from '../support/manual.js';

/**
 * The README's "Serving a collection endpoint" example says "real output": this test runs the
 * example's calls and compares each printed line.
 */
const readme = readManual();
const section = readme.slice(readme.indexOf('## Serving a collection endpoint'));

function block(after: string, language: string): string {
  const at = section.indexOf(after);
  expect(at, after).toBeGreaterThanOrEqual(0);
  const open = section.indexOf(`\`\`\`${language}\n`, at);
  return section.slice(open + language.length + 4, section.indexOf('\n```', open + 4));
}

describe('the README serving example is real output', () => {
  it('createCollectionHandler: where, orderBy, page and the 400', () => {
    const code = block('## Serving a collection endpoint', 'ts');
    const query = /executions\('(filters=[^']*)'\)/.exec(code)?.[1];
    const rejectedQuery = /executions\('(limit=[^']*)'\)/.exec(code)?.[1];
    expect(code).toContain(
      "sorters: ['start_time', 'status'],\n  tiebreaker: ['id'],\n  dialect: 'postgres',",
    );
    const lines = block('Real output:', 'text').split('\n');
    const trackingId = (JSON.parse(lines[4]!) as { trackingId: string }).trackingId;

    const executions = createCollectionHandler(workflowExecutionsSchema, {
      sorters: ['start_time', 'status'],
      tiebreaker: ['id'],
      dialect: 'postgres',
      trackingId: () => trackingId,
    });
    const request = executions(query!);
    if (!request.ok) throw new Error(JSON.stringify(request.body));
    const where = request.where('postgres', { parameterOffset: 1 });
    const rejected = executions(rejectedQuery!);
    if (rejected.ok) throw new Error('expected a 400');
    expect(lines).toEqual([
      `where:   ${where.sql}   params: ${JSON.stringify(where.params)}`,
      `orderBy: ${request.orderBy('postgres')}`,
      `page:    limit ${request.limit}, offset ${request.offset}, count ${request.count}`,
      `rejected: ${rejected.status} ${JSON.stringify(rejected.headers)}`,
      JSON.stringify(rejected.body),
    ]);
  });
});
