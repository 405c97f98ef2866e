import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../playground/src/dialects.js';
import { maxLinkLength } from '../../playground/src/link.js';
import { sampleRecords } from '../../playground/src/sample-data.js';
import { compilePredicate, compileSql, complete, parse, workflowExecutionsSchema } from '../../src/index.js';
import { EDITOR_MAX_LENGTH } from '../../src/integrations/codemirror/index.js';
import { browserMissing, browserRequired, launchBrowser } from './browser.js';
import { distDirectory, ensurePlaygroundBuilt, repository } from './build.js';
import { serveStatic } from './static-server.js';

const screenshots = join(repository, 'test/playground/screenshots');
const SEED = 'builtin:workflow-executions';

/** The ids of the seed endpoint's sample records that `filter` matches, computed in Node. */
function expectedIds(filter: string): string[] {
  const parsed = parse(filter);
  if (!parsed.ok) throw new Error(`bad filter in the test: ${filter}`);
  const predicate = compilePredicate(parsed.ast, { schema: workflowExecutionsSchema });
  return sampleRecords(SEED, workflowExecutionsSchema)
    .filter((record) => predicate(record))
    .map((record) => String(record.id));
}

const missing = browserMissing();
const skipped = missing !== undefined && !browserRequired;
// The default reporter shows a skipped suite as a count only: say why on stderr too.
if (skipped) console.warn(`Browser tests skipped: ${missing}`);

describe.skipIf(skipped)(`playground in headless Chromium${skipped ? ` (skipped: ${missing})` : ''}`, () => {
  let page: Page;
  let stop: (() => Promise<void>) | undefined;
  const pageErrors: string[] = [];

  const doc = () => page.locator('.cm-content').evaluate((node) => node.textContent ?? '');
  const rowIds = () => page.locator('#rows tbody tr.match td:first-child').allTextContents();
  const typeSlowly = (text: string) => page.keyboard.type(text, { delay: 25 });

  async function clearEditor(): Promise<void> {
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Escape');
  }

  async function pickCompletion(label: string): Promise<void> {
    const option = page.locator('.cm-tooltip-autocomplete li', { hasText: label }).first();
    await option.waitFor();
    // CodeMirror ignores a pick within 75 ms of the list opening (interactionDelay).
    await page.waitForTimeout(100);
    await option.click();
  }

  beforeAll(async () => {
    if (missing) throw new Error(`V3F_TEST_BROWSER=required, but ${missing}`);
    mkdirSync(screenshots, { recursive: true });
    await ensurePlaygroundBuilt();
    const server = await serveStatic(distDirectory);
    const browser = await launchBrowser();
    stop = async () => {
      await browser.close();
      await server.close();
    };
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      // On a static host the page's one look for the live endpoint finds nothing: that 404 is expected.
      const probe = new URL(message.location().url || 'about:blank', server.url).pathname === '/v3/workflows';
      if (message.type() === 'error' && !probe) pageErrors.push(message.text());
    });
    await page.goto(server.url);
    await page.locator('body[data-ready="true"]').waitFor();
  });

  afterAll(async () => {
    await stop?.();
  });

  it('opens on the seed endpoint with its results, as a static page (no live endpoint here)', async () => {
    await page.locator('body[data-live="static"]').waitFor({ state: 'attached' });
    expect(await page.locator('#live').isHidden()).toBe(true);
    expect(await page.locator('#notice').isHidden()).toBe(true);
    expect(await page.locator('#endpoint').inputValue()).toBe(SEED);
    expect(await doc()).toBe('status eq "Failed"');
    expect(await page.locator('#canonical').textContent()).toBe('status eq "Failed"');
    expect(await rowIds()).toEqual(expectedIds('status eq "Failed"'));
    expect(await page.locator('#diagnostics').textContent()).toContain('No problems.');
  });

  it('completes a filter typed key by key: field, operator, value', async () => {
    await clearEditor();
    await typeSlowly('sta');
    await page.locator('.cm-tooltip-autocomplete li', { hasText: 'start_time' }).waitFor();
    expect(await page.locator('.cm-tooltip-autocomplete li').allTextContents()).toEqual([
      expect.stringContaining('start_time'),
      expect.stringContaining('status'),
    ]);
    await page.screenshot({ path: join(screenshots, 'completion-fields.png') });
    await pickCompletion('status');
    expect(await doc()).toBe('status ');
    // The list reopens with the operators `status` allows: only `eq`.
    await pickCompletion('eq');
    expect(await doc()).toBe('status eq ');
    // The values, in complete()'s order (the enum's), not CodeMirror's alphabetical one.
    const offered = page.locator('.cm-tooltip-autocomplete li .cm-completionLabel');
    const library = complete('status eq ', 10, { schema: workflowExecutionsSchema }).options.map(
      (o) => o.label,
    );
    expect(library).toEqual(['"Completed"', '"Failed"', '"Canceled"', '"Executing"']);
    await expect.poll(() => offered.allTextContents()).toEqual(library);
    await typeSlowly('"Fa');
    await pickCompletion('"Failed"');
    expect(await doc()).toBe('status eq "Failed"');
    await expect.poll(rowIds).toEqual(expectedIds('status eq "Failed"'));
    // One fragment per dialect of the page's list, as the library compiles it in Node.
    const parsed = parse('status eq "Failed"');
    if (!parsed.ok) throw new Error('the filter parses');
    const fragments = DIALECTS.map(({ name }) =>
      compileSql(parsed.ast, { schema: workflowExecutionsSchema, dialect: name }),
    );
    expect(fragments[0]?.sql).toBe('lower("status") = lower($1::text)');
    const sql = await page.locator('#sql .sql-text').allTextContents();
    expect(sql).toEqual(fragments.map((f) => f.sql));
    expect(await page.locator('#sql .sql-params').allTextContents()).toEqual(
      fragments.map((f) => JSON.stringify(f.params)),
    );
  });

  it('updates every result as the filter grows', async () => {
    await page.keyboard.press('End');
    await typeSlowly(' and start_time ge 2022-02-07T20:13:29Z');
    await page.keyboard.press('Escape');
    const filter = 'status eq "Failed" and start_time ge 2022-02-07T20:13:29Z';
    expect(await doc()).toBe(filter);
    await expect.poll(rowIds).toEqual(expectedIds(filter));
    expect(expectedIds(filter).length).toBeLessThan(expectedIds('status eq "Failed"').length);
    expect(await page.locator('#tree').textContent()).toMatch(
      /^and {2}\[0, 57\)\n├─ comparison: status eq "Failed"/,
    );
    expect(await page.locator('#sql .sql-text').first().textContent()).toBe(
      '(lower("status") = lower($1::text) AND "start_time" >= $2)',
    );
    expect(await page.locator('#error-body').textContent()).toBe('No errors: the endpoint answers 200.');
    await page.screenshot({ path: join(screenshots, 'results.png'), fullPage: true });
  });

  it('underlines a mistake where it is and applies its fix on a click', async () => {
    await clearEditor();
    await typeSlowly('status eq "Fail"');
    await page.keyboard.press('Escape');
    const range = page.locator('.cm-lintRange-error');
    await expect.poll(() => range.allTextContents()).toEqual(['"Fail"']);
    const listed = page.locator('#diagnostics [data-code="unknown-enum-value"]');
    expect(await listed.locator('.where').textContent()).toBe('1:11');
    expect(await page.locator('#error-body').textContent()).toContain('At column 11');
    expect(await page.locator('#rows .count').textContent()).toBe('40 sample records');
    await range.hover();
    const action = page.locator('.cm-tooltip-lint .cm-diagnosticAction', { hasText: 'Use `"Failed"`' });
    await action.waitFor();
    await page.screenshot({ path: join(screenshots, 'diagnostic.png') });
    await action.click();
    expect(await doc()).toBe('status eq "Failed"');
    await expect.poll(() => page.locator('#diagnostics').textContent()).toContain('No problems.');
    await expect.poll(rowIds).toEqual(expectedIds('status eq "Failed"'));
  });

  it('applies a fix from the diagnostics list too, and repairs syntax', async () => {
    await clearEditor();
    await typeSlowly('startTime GE 2022-02-07');
    await page.keyboard.press('Escape');
    const codes = () =>
      page
        .locator('#diagnostics .diagnostic')
        .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.code));
    await expect.poll(codes).toEqual(['operator-case']);
    await page.locator('#diagnostics .fix', { hasText: 'Use `ge`' }).click();
    await expect.poll(codes).toEqual(['unknown-field']);
    await page.locator('#diagnostics .fix', { hasText: 'Use `start_time`' }).click();
    expect(await doc()).toBe('start_time ge 2022-02-07');
    await expect.poll(rowIds).toEqual(expectedIds('start_time ge 2022-02-07'));
  });

  it('shows a field’s type and operators on hover', async () => {
    await page.mouse.move(0, 0);
    const field = page.locator('.cm-content .cm-line span', { hasText: 'start_time' }).first();
    await field.hover();
    const hover = page.locator('.cm-v3f-hover');
    await hover.waitFor();
    expect(await hover.locator('div').allTextContents()).toEqual([
      'start_time: date-time',
      'operators: eq lt le gt ge',
      'Date/time when the workflow started.',
    ]);
  });

  it('checks against another endpoint when the choice changes', async () => {
    await clearEditor();
    await typeSlowly('status eq "Executing"');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#diagnostics').textContent()).toContain('No problems.');
    const sailpoint = await page
      .locator('#endpoint option', { hasText: 'GET /workflows/{id}/executions (getWorkflowExecutions)' })
      .getAttribute('value');
    await page.locator('#endpoint').selectOption(sailpoint!);
    // SailPoint's document lists Queued and Running where the published page has Executing.
    await expect.poll(() => page.locator('.cm-lintRange-error').allTextContents()).toEqual(['"Executing"']);
    expect(await page.locator('#diagnostics [data-code]').first().getAttribute('data-code')).toBe(
      'unknown-enum-value',
    );
    expect(Number(await page.locator('#endpoint option').count())).toBeGreaterThan(40);
  });

  it('imports a pasted OpenAPI document and filters against it', async () => {
    await page.locator('#paste summary').click();
    await page.locator('#openapi').fill(PASTED);
    await page.locator('#import').click();
    await expect
      .poll(() => page.locator('#import-report').textContent())
      .toContain('1 endpoint with filters imported');
    expect(await page.locator('#endpoint').inputValue()).toBe('pasted:GET /pets');
    await clearEditor();
    await typeSlowly('name sw "al" and age gt 3');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#diagnostics').textContent()).toContain('No problems.');
    expect(await page.locator('#rows .count').textContent()).toMatch(/^\d+ of 40 sample records match$/);
    await clearEditor();
    await typeSlowly('kind eq "cat"');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.cm-lintRange-error').allTextContents()).toEqual(['kind']);
  });

  it('shows the railroad diagrams beside the page', async () => {
    await page.locator('section', { hasText: 'Grammar' }).locator('summary').click();
    const diagrams = page.frameLocator('iframe[title="Railroad diagrams"]').locator('svg.railroad-diagram');
    await diagrams.first().waitFor();
    expect(await diagrams.count()).toBeGreaterThan(3);
    await page.locator('section', { hasText: 'Grammar' }).locator('summary').click();
  });

  it('survives hostile input: a long binary paste answers diagnostics, not a crash', async () => {
    await clearEditor();
    const junk = Array.from({ length: 6000 }, (_, i) => String.fromCharCode((i * 7919) % 0x3000)).join('');
    await page.keyboard.insertText(junk);
    const codes = () =>
      page
        .locator('#diagnostics [data-code]')
        .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.code));
    await expect.poll(codes).toEqual(['input-too-long']);
    expect(await page.locator('#error-body').textContent()).toContain('400.1 Bad Request Content');
    await clearEditor();
    await page.keyboard.insertText(`${'('.repeat(40)}a eq 1`);
    await expect.poll(codes).toContain('nesting-too-deep');
  });

  it('reopens the endpoint and filter kept in the link', async () => {
    const filter = 'start_time lt 2022-02-10';
    const link = new URL(page.url());
    link.hash = new URLSearchParams({ endpoint: SEED, filter }).toString();
    const other = await page.context().newPage();
    await other.goto(link.href);
    await other.locator('body[data-ready="true"]').waitFor();
    expect(await other.locator('.cm-content').textContent()).toBe(filter);
    expect(await other.locator('#rows tbody tr.match td:first-child').allTextContents()).toEqual(
      expectedIds(filter),
    );
    await other.close();
  });

  it('opens no filter longer than the editor reads from a link, and says so', async () => {
    const link = new URL(page.url());
    link.hash = new URLSearchParams({ endpoint: SEED, filter: 'a'.repeat(EDITOR_MAX_LENGTH + 1) }).toString();
    const other = await page.context().newPage();
    await other.goto(link.href);
    await other.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
    expect(await other.locator('#notice').textContent()).toBe(
      `This link's filter is ${EDITOR_MAX_LENGTH + 1} characters long; the playground opens filters of up to ${EDITOR_MAX_LENGTH}.`,
    );
    expect(await other.locator('.cm-content').textContent()).toBe('status eq "Failed"');
    // A link longer than any the page writes is not even decoded.
    link.hash = `filter=${'%41'.repeat(Math.ceil(maxLinkLength(EDITOR_MAX_LENGTH) / 3))}`;
    await other.goto('about:blank');
    await other.goto(link.href);
    await other.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
    expect(await other.locator('#notice').textContent()).toBe(
      `This link is ${link.hash.length} characters long; the playground opens links of up to ${maxLinkLength(EDITOR_MAX_LENGTH)}.`,
    );
    await other.close();
  });

  it('runs under a strict Content-Security-Policy: no inline script or event handler in what is served', () => {
    for (const file of ['index.html', 'diagrams.html']) {
      const html = readFileSync(join(distDirectory, file), 'utf8');
      expect(html, file).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
      expect(html, file).not.toMatch(/<style/i);
      expect(html, file).not.toMatch(/\son[a-z]+\s*=/i);
    }
    // The server sent the reference server's policy with every file; a violation would be a console error (checked last).
  });

  it('ends with screenshots and no page errors', async () => {
    await page.locator('#endpoint').selectOption(SEED);
    await page.locator('#paste summary').click();
    await clearEditor();
    await typeSlowly('status eq "Fail" and start_time ge 2022-02-07T20:13:29Z');
    await page.keyboard.press('Escape');
    const range = page.locator('.cm-lintRange-error');
    await expect.poll(() => range.allTextContents()).toEqual(['"Fail"']);
    await page.screenshot({ path: join(screenshots, 'playground-full.png'), fullPage: true });
    await range.hover();
    await page.locator('.cm-tooltip-lint').waitFor();
    const shot = join(screenshots, 'playground.png');
    await page.screenshot({ path: shot });
    if (process.env.V3F_UPDATE_SCREENSHOT === '1')
      copyFileSync(shot, join(repository, 'docs/playground.png'));
    expect(pageErrors).toEqual([]);
  });
});

const PASTED = `openapi: 3.0.3
info: { title: Pets, version: "1" }
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - name: filters
          in: query
          description: |
            Filtering is supported for the following fields and operators:

            **name**: *eq, sw*

            **age**: *gt, lt*
      responses:
        "200":
          description: The pets
          content:
            application/json:
              schema:
                type: array
                items:
                  type: object
                  properties:
                    name: { type: string }
                    age: { type: integer }
`;
