import { connect, LIVE_MAX_FILTER, type LiveAnswer, type LiveConnection, runLive } from './live.js';
import { cell, element } from './render.js';

/** The page's endpoint the live server serves: the seed's, `GET /workflows/{id}/executions`. */
export const LIVE_ENDPOINT_KEY = 'builtin:workflow-executions';

/** Milliseconds after the last change before the filter is sent. */
const DELAY = 250;

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`The page has no #${id}`);
  return node as T;
}

/**
 * The "Live endpoint" section: hidden on a static host; on the reference server, the workflow to
 * ask about, and the server's answer to the current filter (sent a moment after typing stops,
 * the request before it cancelled). `body[data-live]` says what was found: `static`, `locked`
 * (a token is needed) or `live`.
 */
export class LivePanel {
  private connection: LiveConnection = { kind: 'static' };
  private token: string | undefined;
  private pending: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly section = byId<HTMLElement>('live');
  private readonly workflow = byId<HTMLSelectElement>('live-workflow');
  private readonly status = byId<HTMLElement>('live-status');
  private readonly result = byId<HTMLElement>('live-result');

  constructor(private readonly current: () => { readonly text: string; readonly endpoint: string }) {
    this.workflow.addEventListener('change', () => this.schedule(0));
    byId<HTMLFormElement>('live-token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const token = byId<HTMLInputElement>('live-token').value.trim();
      this.token = token === '' ? undefined : token;
      void this.start();
    });
  }

  /** Looks for the live endpoint at the page's origin, then shows the current filter's answer. */
  async start(): Promise<void> {
    this.connection = await connect(this.token);
    document.body.dataset.live = this.connection.kind;
    this.section.hidden = this.connection.kind === 'static';
    byId<HTMLElement>('live-token-form').hidden = this.connection.kind !== 'locked';
    this.workflow.parentElement!.hidden = this.connection.kind !== 'live';
    if (this.connection.kind === 'locked') {
      this.show('This server asks for a bearer token (API_TOKEN): enter it to see its answers.');
      return;
    }
    if (this.connection.kind !== 'live') return;
    this.workflow.replaceChildren(
      ...this.connection.workflows.map((w) => {
        const option = element('option', undefined, `${w.name} (${w.id})`);
        option.value = w.id;
        return option;
      }),
    );
    this.schedule(0);
  }

  /** Sends the current filter after `delay` ms, cancelling what was scheduled or sent before. */
  schedule(delay = DELAY): void {
    if (this.connection.kind !== 'live') return;
    clearTimeout(this.timer);
    this.pending?.abort();
    this.timer = setTimeout(() => void this.send(), delay);
  }

  private async send(): Promise<void> {
    const { text, endpoint } = this.current();
    if (endpoint !== LIVE_ENDPOINT_KEY) {
      this.show('The live endpoint is the seed’s: choose the built-in workflow-executions endpoint.');
      return;
    }
    if (text.length > LIVE_MAX_FILTER) {
      this.show(`A filter longer than ${LIVE_MAX_FILTER} characters is not sent.`);
      return;
    }
    const controller = new AbortController();
    this.pending = controller;
    let answer: LiveAnswer;
    try {
      answer = await runLive(this.workflow.value, text, this.token, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.show(`The server did not answer: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (controller.signal.aborted) return;
    this.render(text, answer);
  }

  private show(message: string): void {
    this.status.textContent = message;
    this.status.removeAttribute('data-status');
    this.result.replaceChildren();
  }

  private render(filter: string, answer: LiveAnswer): void {
    const rows = Array.isArray(answer.body) ? (answer.body as unknown[]) : undefined;
    const parts = [`HTTP ${answer.status}`];
    if (answer.total !== null) parts.push(`X-Total-Count: ${answer.total}`);
    if (rows) parts.push(`${rows.length} rows on this page`);
    this.status.textContent = parts.join(' · ');
    this.status.dataset.status = String(answer.status);
    if (answer.total === null) delete this.status.dataset.total;
    else this.status.dataset.total = answer.total;
    this.result.dataset.filter = filter;
    if (rows) this.result.replaceChildren(rowsTable(rows));
    else this.result.replaceChildren(element('pre', 'live-body', JSON.stringify(answer.body, null, 2)));
  }
}

/** The rows as a table, one column per property (in the order the rows first show them). */
function rowsTable(rows: readonly unknown[]): HTMLElement {
  const records = rows.filter(
    (row): row is Record<string, unknown> => typeof row === 'object' && row !== null,
  );
  const columns = [...new Set(records.flatMap((row) => Object.keys(row)))];
  const table = element('table');
  const head = table.createTHead().insertRow();
  for (const name of columns) head.append(element('th', undefined, name));
  const body = table.createTBody();
  for (const record of records) {
    const row = body.insertRow();
    for (const name of columns) row.insertCell().textContent = cell(record[name]);
  }
  return table;
}
