/**
 * The live endpoint: when the reference server (`npm start`) serves the page, the page also sends
 * each filter to the server's own `GET /v3/workflows/{id}/executions` and shows what it answers
 * (the page of rows and `X-Total-Count`, or the V3 400 body), beside the sample records. Served by
 * anything else (a static server, a file), the page finds no such endpoint and stays static.
 * @module
 */

/** A workflow the live endpoint can list executions of. */
export interface LiveWorkflow {
  readonly id: string;
  readonly name: string;
}

/** What the page found at its origin. */
export type LiveConnection =
  | { readonly kind: 'static' }
  /** The reference server, which asks for a bearer token (`API_TOKEN`). */
  | { readonly kind: 'locked' }
  | { readonly kind: 'live'; readonly workflows: readonly LiveWorkflow[] };

/** One answer of the live endpoint, as the page shows it. */
export interface LiveAnswer {
  readonly status: number;
  /** `X-Total-Count`, when the server sent it. */
  readonly total: string | null;
  /** The JSON body (the rows, or an error body), or the text when it is no JSON. */
  readonly body: unknown;
}

/** Rows per live request: a page to look at, not the whole table. */
export const LIVE_LIMIT = 20;

/** Filters longer than this are not sent: no server takes a URL that long. */
export const LIVE_MAX_FILTER = 8192;

function headers(token: string | undefined): HeadersInit {
  const base: Record<string, string> = { accept: 'application/json' };
  if (token !== undefined) base.authorization = `Bearer ${token}`;
  return base;
}

function isJson(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').includes('application/json');
}

/**
 * Asks the page's origin for `GET /v3/workflows`: a JSON list of workflows means the reference
 * server serves the page; its 401 means it does, behind a token; anything else (no answer, a 404,
 * HTML) means a static host.
 */
export async function connect(token?: string): Promise<LiveConnection> {
  try {
    const response = await fetch('/v3/workflows?limit=250', { headers: headers(token), cache: 'no-store' });
    if (response.status === 401 && isJson(response)) return { kind: 'locked' };
    if (!response.ok || !isJson(response)) return { kind: 'static' };
    const body: unknown = await response.json();
    if (!Array.isArray(body)) return { kind: 'static' };
    const workflows = body
      .filter((row): row is { id: string; name?: unknown } => typeof row?.id === 'string')
      .map((row) => ({ id: row.id, name: typeof row.name === 'string' ? row.name : row.id }));
    return workflows.length > 0 ? { kind: 'live', workflows } : { kind: 'static' };
  } catch {
    return { kind: 'static' };
  }
}

/** The query string the page sends for `filter`: percent-encoded (`%20`, never `+`), a count, one page. */
export function liveQuery(filter: string): string {
  const query = [`limit=${LIVE_LIMIT}`, 'count=true'];
  if (filter.trim() !== '') query.unshift(`filters=${encodeURIComponent(filter)}`);
  return query.join('&');
}

/** Sends `filter` to the live endpoint for `workflowId`. */
export async function runLive(
  workflowId: string,
  filter: string,
  token: string | undefined,
  signal: AbortSignal,
): Promise<LiveAnswer> {
  const path = `/v3/workflows/${encodeURIComponent(workflowId)}/executions?${liveQuery(filter)}`;
  const response = await fetch(path, { headers: headers(token), signal, cache: 'no-store' });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: shown as the text it is.
  }
  return { status: response.status, total: response.headers.get('x-total-count'), body };
}
