import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveQuery } from '../../playground/src/live.js';
import { get, startTestServer, type TestServer } from '../server/support/servers.js';
import { browserMissing, browserRequired, launchBrowser } from './browser.js';
import { distDirectory, ensurePlaygroundBuilt } from './build.js';

const missing = browserMissing();
const skipped = missing !== undefined && !browserRequired;

/** A V3 error body without its tracking id, which differs per request. */
function withoutTrackingId(body: unknown): unknown {
  const { trackingId: _trackingId, ...rest } = body as { trackingId?: unknown };
  return rest;
}

describe.skipIf(skipped)(
  `the playground served by the reference server, in headless Chromium${skipped ? ` (skipped: ${missing})` : ''}`,
  () => {
    let server: TestServer;
    let page: Page;
    let stop: (() => Promise<void>) | undefined;
    const pageErrors: string[] = [];
    const requests: string[] = [];

    /** What the server answers the live panel's request for `filter`, asked from Node. */
    async function direct(workflow: string, filter: string) {
      return get(server.url, `/v3/workflows/${encodeURIComponent(workflow)}/executions?${liveQuery(filter)}`);
    }

    async function typeFilter(text: string): Promise<void> {
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.insertText(text);
      await page.keyboard.press('Escape');
    }

    /** Waits until the live panel shows the server's answer for `filter`. */
    async function answered(filter: string): Promise<void> {
      await expect.poll(() => page.locator('#live-result').getAttribute('data-filter')).toBe(filter);
    }

    beforeAll(async () => {
      if (missing) throw new Error(`V3F_TEST_BROWSER=required, but ${missing}`);
      await ensurePlaygroundBuilt();
      server = await startTestServer({ engine: 'sqlite', executions: 3000, playgroundDir: distDirectory });
      const browser = await launchBrowser();
      stop = async () => {
        await browser.close();
        await server.close();
      };
      page = await browser.context.newPage();
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      page.on('console', (message) => {
        // The browser notes every 4xx answer; the live endpoint's 400 for a refused filter is one the page shows.
        const answer = new URL(message.location().url || 'about:blank', server.url).pathname.endsWith(
          '/executions',
        );
        if (message.type() === 'error' && !answer) pageErrors.push(message.text());
      });
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.goto(`${server.url}/`);
      await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
    });

    afterAll(async () => {
      await stop?.();
    });

    it('finds the live endpoint at its origin and lists the server’s workflows', async () => {
      await page.locator('body[data-live="live"]').waitFor({ state: 'attached' });
      expect(await page.locator('#live').isVisible()).toBe(true);
      const workflows = (await get(server.url, '/v3/workflows?limit=250')).body as { id: string }[];
      expect(workflows.length).toBeGreaterThan(0);
      const offered = await page
        .locator('#live-workflow option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      expect(offered).toEqual(workflows.map((w) => w.id));
    });

    it('shows the server’s page of rows and X-Total-Count for the filter, beside the sample records', async () => {
      const workflow = await page.locator('#live-workflow').inputValue();
      const filter = 'status eq "Failed"';
      await answered(filter);
      const expected = await direct(workflow, filter);
      expect(expected.status).toBe(200);
      const total = expected.headers.get('x-total-count');
      expect(Number(total)).toBeGreaterThan(0);
      expect(await page.locator('#live-status').getAttribute('data-status')).toBe('200');
      expect(await page.locator('#live-status').getAttribute('data-total')).toBe(total);
      const rows = expected.body as { id: string; status: string }[];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.status === 'Failed')).toBe(true);
      const ids = await page.locator('#live-result tbody tr td:first-child').allTextContents();
      expect(ids).toEqual(rows.map((row) => row.id));
      // The sample records are still there.
      expect(await page.locator('#rows tbody tr.match').count()).toBeGreaterThan(0);
    });

    it('narrows the live rows as the filter grows, and follows the workflow chosen', async () => {
      const workflow = await page.locator('#live-workflow').inputValue();
      const filter = 'status eq "Failed" and start_time ge 2022-02-07T20:13:29Z';
      await typeFilter(filter);
      await answered(filter);
      const expected = await direct(workflow, filter);
      expect(await page.locator('#live-status').getAttribute('data-total')).toBe(
        expected.headers.get('x-total-count'),
      );
      const options = await page.locator('#live-workflow option').count();
      if (options > 1) {
        const other = await page.locator('#live-workflow option').nth(1).getAttribute('value');
        await page.locator('#live-workflow').selectOption(other!);
        await expect
          .poll(async () => page.locator('#live-status').getAttribute('data-total'))
          .toBe((await direct(other!, filter)).headers.get('x-total-count'));
        await page.locator('#live-workflow').selectOption(workflow);
      }
    });

    it('shows the server’s V3 400 body for a filter the endpoint refuses', async () => {
      const workflow = await page.locator('#live-workflow').inputValue();
      const filter = 'status eq "Fail"';
      await typeFilter(filter);
      await answered(filter);
      const expected = await direct(workflow, filter);
      expect(expected.status).toBe(400);
      expect(await page.locator('#live-status').getAttribute('data-status')).toBe('400');
      const shown = JSON.parse((await page.locator('#live-result .live-body').textContent()) ?? 'null');
      expect(withoutTrackingId(shown)).toEqual(withoutTrackingId(expected.body));
      expect((shown as { detailCode: string }).detailCode).toBe('400.1 Bad Request Content');
    });

    it('sends an empty filter as no filter: every execution of the workflow', async () => {
      const workflow = await page.locator('#live-workflow').inputValue();
      await typeFilter('');
      await answered('');
      const expected = await direct(workflow, '');
      expect(expected.status).toBe(200);
      expect(await page.locator('#live-status').getAttribute('data-total')).toBe(
        expected.headers.get('x-total-count'),
      );
    });

    it('sends one request per pause in typing, not one per key, and ends with no page errors', async () => {
      const before = requests.filter((path) => path.endsWith('/executions')).length;
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.type('status eq "Canceled"', { delay: 10 });
      await answered('status eq "Canceled"');
      const sent = requests.filter((path) => path.endsWith('/executions')).length - before;
      expect(sent).toBeGreaterThanOrEqual(1);
      expect(sent).toBeLessThan(5);
      expect(server.faults).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  },
);
