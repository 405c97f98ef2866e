import { SAMPLE_WORKFLOWS } from './seed/sample.js';

/** Percent-encodes a query parameter's value as `URLSearchParams` does (`+` for a space). */
function query(parameters: Record<string, string>): string {
  return new URLSearchParams(parameters).toString();
}

/**
 * Ready-to-paste requests against a running server at `base` (`http://localhost:3000`): the
 * workflows, a filtered page with its total, paging, and a rejected filter.
 */
export function exampleRequests(base: string, apiToken?: string): string[] {
  const auth = apiToken === undefined ? '' : ` -H 'Authorization: Bearer ${apiToken}'`;
  const executions = `${base}/v3/workflows/${SAMPLE_WORKFLOWS[0]!.id}/executions`;
  const urls = [
    `${base}/v3/workflows`,
    `${executions}?${query({ filters: 'status eq "Failed"', limit: '3', count: 'true' })}`,
    `${executions}?${query({ filters: 'start_time ge 2026-10-01T00:00:00Z and start_time lt 2026-10-02T00:00:00Z', limit: '50', offset: '50' })}`,
    `${executions}?${query({ filters: 'status eq "Fail"' })}`,
  ];
  return urls.map((url) => `curl -si${auth} '${url}'`);
}
