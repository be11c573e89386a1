/**
 * The page in Debian's Chromium (playwright-core, no downloaded browser):
 * the seeds' fact sheet, from a figure to its words, keyboard use, search,
 * and a hostile document that must run nothing. One browser for the file.
 *
 * The page is built from web/ into a temp folder first (so it tests the
 * current sources), and served over two servers on one archive: one with a
 * hand-made event (the Event contract), one with what reconcile makes. The
 * tests marked "(reconcile)" need reconcile's events and skip, with a notice,
 * while it returns none. Screenshots go to test-results/screenshots/.
 * The browser resolves rebind.test to 127.0.0.1, as a hostile name would
 * after DNS rebinding.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { build } from 'vite';
import { ingest } from '../../src/pipeline/ingest.js';
import { startServer, type Running } from '../../src/server/index.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Event } from '../../src/reconcile/types.js';
import type { EventsResponse } from '../../src/server/types.js';
import { ROOT, SEEDS, tempDirManual } from '../helpers.js';
import { buildEvent, putDocument, seedsEventSpec } from '../server/helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_SEEDS = fs.existsSync(SEEDS);
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const SHOTS = path.join(ROOT, 'test-results/screenshots');

if (!HAVE_SEEDS) console.warn(`\n  NOTICE: e2e page tests skipped: ${SEEDS} is absent (the shared corpus lives at ../shared beside the project)\n`);
if (!HAVE_CHROMIUM) console.warn(`\n  NOTICE: e2e page tests skipped: no browser at ${CHROMIUM} (apt-get install chromium)\n`);

const HOSTILE_TEXT = `Hostile <script>window.__pwned = "script"</script> report
<img src=x onerror="window.__pwned='img';alert('img')"> and <svg onload="window.__pwned='svg'"></svg>
Click <a href="javascript:window.__pwned='link'">here</a> or <iframe src="javascript:alert(1)"></iframe>.
Officials said 7 people were killed in Testville on March 3, 2024. <b onmouseover="alert(2)">bold</b>
`;

const HOSTILE_HTML = `<!doctype html><html><head><title>&lt;img src=x onerror=alert(1)&gt; Hostile page</title>
<script>window.__pwned = 'head'</script></head><body><article><h1>Hostile page</h1>
<p>Officials said 9 people were injured in Testville on March 3, 2024. &lt;script&gt;window.__pwned = 'escaped'&lt;/script&gt;
<img src=x onerror="window.__pwned='img2'"> &lt;img src=x onerror=alert(3)&gt;</p>
<p><a href="javascript:alert(1)">a javascript: link</a> <a href="data:text/html,<script>alert(1)</script>">a data link</a></p>
</article></body></html>`;

describe.skipIf(!HAVE_SEEDS || !HAVE_CHROMIUM)('the web page', () => {
  let browser: Browser;
  let fixtureServer: Running;
  let realServer: Running;
  let store: SqliteStore;
  let remove: () => void;
  let event: Event;
  const hostile: { text: string; html: string } = { text: '', html: '' };

  beforeAll(async () => {
    const t = tempDirManual();
    remove = t.remove;
    const webRoot = path.join(t.dir, 'web');
    await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot, emptyOutDir: true } });
    store = new SqliteStore(path.join(t.dir, 'archive.db'));
    await store.migrate();
    const report = await ingest(store, [SEEDS]);
    expect(report.failures).toEqual([]);
    event = await buildEvent(store, seedsEventSpec());
    hostile.text = await putDocument(store, { source: 'fixture://hostile.txt', text: HOSTILE_TEXT, url: 'javascript:alert(document.domain)' });
    hostile.html = await putDocument(store, { source: 'fixture://hostile.html', html: HOSTILE_HTML, url: 'javascript:alert(1)' });
    fixtureServer = await startServer({ store, webRoot, port: 0, events: async () => [event], limits: { rate: { perSecond: 1000, burst: 1000 } } });
    realServer = await startServer({ store, webRoot, port: 0, limits: { rate: { perSecond: 1000, burst: 1000 } } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
        '--host-resolver-rules=MAP rebind.test 127.0.0.1',
      ],
    });
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await fixtureServer?.close();
    await realServer?.close();
    await store?.close();
    remove?.();
  });

  /** A page that records CSP violations, script errors and dialogs. */
  async function open(url: string, options: BrowserContextOptions = {}) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', ...options });
    const page = await ctx.newPage();
    const problems: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url);
    return { page, problems, dialogs, close: () => ctx.close() };
  }

  const factCard = (page: Page, category: string, scope = '') => page.locator(`section.fact[data-category="${category}"][data-scope="${scope}"]`);

  it('shows the fact sheet: killed 131–150 disputed, injured 744 consensus, one mark per claim', async () => {
    const { page, problems, close } = await open(`${fixtureServer.url}/#/event/${event.id}`);
    try {
      const killed = factCard(page, 'killed');
      await expect.poll(() => killed.count()).toBe(1);
      expect(await killed.locator('.range').textContent()).toBe('131–150');
      expect(await killed.getAttribute('data-status')).toBe('disputed');
      expect(await killed.locator('.badge').textContent()).toMatch(/disputed/i);
      expect(await killed.locator('.badge svg path').count()).toBe(1); // the triangle: shape, not color alone
      expect(await killed.locator('a.mark').count()).toBe(5);
      // the parts of 131 that report [5] states are listed, not plotted as rival values
      expect(await killed.locator('.parts[data-role="component"] a.cell').allTextContents()).toEqual(['82', '20', '21', '8']);
      expect(await killed.locator('.best-label').textContent()).toBe('best 147');
      // the policy in use and the alternatives side by side
      expect(await killed.locator('.policy.in-use').textContent()).toMatch(/median\s*147/);
      expect(await killed.locator('.policy[data-policy="conservative"]').textContent()).toMatch(/131/);

      const injured = factCard(page, 'injured');
      expect(await injured.locator('.range').textContent()).toBe('744');
      expect(await injured.getAttribute('data-status')).toBe('consensus');
      expect(await injured.locator('.badge').textContent()).toMatch(/consensus/i);

      // matrix: a row per source, the 147 only in its source's row, silence is an empty cell
      const rows = page.locator('table.matrix tbody tr');
      expect(await rows.count()).toBe(5);
      expect(await page.locator('table.matrix td.silent').count()).toBeGreaterThan(0);
      expect(await page.locator('table.matrix a.cell', { hasText: '147' }).count()).toBe(1);
      // checks and copies
      expect(await page.locator('.check.ok .sum').textContent()).toBe('82 + 20 + 21 + 8 = 131');
      expect(await page.locator('ul.copies li').count()).toBe(1);
      expect(await page.locator('ol.timeline > li').count()).toBe(2);
      await page.screenshot({ path: path.join(SHOTS, 'fact-sheet.png') });
      await page.screenshot({ path: path.join(SHOTS, 'fact-sheet-full.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('opens the words of a figure: its quote marked in its sentence, scrolled into view, with qualifiers and rules', async () => {
    const { page, problems, close } = await open(`${fixtureServer.url}/#/event/${event.id}`);
    try {
      const claim = event.facts[0]!.claims.find((c) => c.value === 131)!;
      await factCard(page, 'killed').locator(`a.mark[data-claim="${claim.claim}"]`).click();
      await page.waitForURL(`**/#/doc/${claim.document}?claim=${encodeURIComponent(claim.claim)}`);
      const mark = page.locator('mark#focused-claim');
      await mark.waitFor();
      expect(await mark.textContent()).toBe(claim.quote);
      expect(claim.quote).toMatch(/131/);
      const sentence = page.locator('.doc-text .sentence');
      expect(await sentence.count()).toBe(1);
      expect(await sentence.textContent()).toMatch(/^In total, 131 people were killed and 744 were injured in Baku and surrounding areas\.$/);
      expect(await sentence.locator('mark#focused-claim').count()).toBe(1);
      expect(await mark.isVisible()).toBe(true);
      const box = (await mark.boundingBox())!;
      expect(box.y).toBeGreaterThan(0);
      expect(box.y + box.height).toBeLessThan(900);
      const panel = page.locator('.claim-panel');
      expect(await panel.locator('.quote').textContent()).toBe(claim.quote);
      expect(await panel.locator('dt').allTextContents()).toEqual(expect.arrayContaining(['Figure', 'Hedge', 'Where', 'Offsets']));
      expect((await panel.locator('.rules code').allTextContents()).some((r) => r.startsWith('parse.'))).toBe(true);
      // places and dates are marked too
      expect(await page.locator('.doc-text .m-place').count()).toBeGreaterThan(0);
      expect(await page.locator('.doc-text .m-date').count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(SHOTS, 'document.png') });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('works from the keyboard: a matrix cell and a plot mark open with Enter', async () => {
    const { page, problems, close } = await open(`${fixtureServer.url}/#/event/${event.id}`);
    try {
      const arrested = event.facts.find((f) => f.id === 'arrested-overall')!.claims.find((c) => c.value === 400)!;
      const cell = page.locator(`table.matrix a.cell[data-claim="${arrested.claim}"]`);
      await cell.focus();
      expect(await page.evaluate("document.activeElement?.getAttribute('data-claim')")).toBe(arrested.claim);
      await page.keyboard.press('Enter');
      await page.locator(`mark#focused-claim[data-claim="${arrested.claim}"]`).waitFor();
      expect(await page.locator('mark#focused-claim').textContent()).toMatch(/400/);

      await page.goBack();
      const injured = event.facts.find((f) => f.id === 'injured-overall')!.claims[2]!;
      const mark = factCard(page, 'injured').locator(`a.mark[data-claim="${injured.claim}"]`);
      await mark.focus();
      expect(await page.evaluate("document.activeElement?.getAttribute('data-claim')")).toBe(injured.claim);
      await page.keyboard.press('Enter');
      await page.locator(`mark#focused-claim[data-claim="${injured.claim}"]`).waitFor();
      expect(await page.locator('mark#focused-claim').textContent()).toMatch(/744/);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('switches the best-value policy', async () => {
    const { page, close } = await open(`${fixtureServer.url}/#/event/${event.id}`);
    try {
      await factCard(page, 'killed').waitFor();
      await page.selectOption('.policy-picker select', 'conservative');
      await page.waitForURL('**/#/event/*?policy=conservative');
      await expect.poll(() => factCard(page, 'killed').locator('.best-label').textContent()).toBe('best 131');
      expect(await factCard(page, 'killed').locator('.policy.in-use').textContent()).toMatch(/conservative.*131/);
    } finally {
      await close();
    }
  });

  it('searches the archive: Neftchala is in two reports, marked in their snippets', async () => {
    const { page, problems, close } = await open(`${fixtureServer.url}/#/`);
    try {
      await page.fill('.quick-search input', 'Neftchala');
      await page.press('.quick-search input', 'Enter');
      await page.waitForURL('**/#/search?q=Neftchala');
      const hits = page.locator('ol.hits > li');
      await expect.poll(() => hits.count()).toBe(2);
      expect(await page.locator('.total').textContent()).toMatch(/^2 documents match/);
      for (const m of await page.locator('ol.hits mark').allTextContents()) expect(m.toLowerCase()).toBe('neftchala');
      expect(await page.locator('ol.hits mark').count()).toBeGreaterThanOrEqual(2);
      // a facet narrows the results
      await page.locator('.facet button', { hasText: 'Operative Information Center' }).click();
      await expect.poll(() => hits.count()).toBe(1);
      expect(page.url()).toMatch(/outlet=Operative/);
      await page.screenshot({ path: path.join(SHOTS, 'search.png') });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('runs nothing from a hostile document and shows its markup as text', async () => {
    for (const id of [hostile.text, hostile.html]) {
      const { page, problems, dialogs, close } = await open(`${fixtureServer.url}/#/doc/${id}`);
      try {
        await page.locator('.doc-text').waitFor();
        await page.locator('.doc-text').hover();
        await page.waitForTimeout(300);
        expect(await page.evaluate('window.__pwned')).toBeUndefined();
        expect(dialogs).toEqual([]);
        expect(await page.locator('main img, main script, main iframe, main svg [onload], main [onerror], main [onmouseover]').count()).toBe(0);
        expect(await page.locator('a[href^="javascript:"], a[href^="data:"]').count()).toBe(0);
        const text = (await page.locator('.doc-text').textContent()) ?? '';
        if (id === hostile.text) {
          // the first line became the title; the rest is the text
          expect(await page.locator('main h1').textContent()).toBe('Hostile <script>window.__pwned = "script"</script> report');
          expect(text).toContain(`<img src=x onerror="window.__pwned='img';alert('img')">`);
          expect(text).toContain(`<a href="javascript:window.__pwned='link'">here</a>`);
          expect(text).toContain('<b onmouseover="alert(2)">bold</b>');
          await page.screenshot({ path: path.join(SHOTS, 'hostile.png') });
        } else {
          expect(text).toContain("<script>window.__pwned = 'escaped'</script>");
          expect(text).toContain('<img src=x onerror=alert(3)>');
        }
        expect(await page.locator('.doc-meta').textContent()).not.toMatch(/Original/);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    }
  });

  it('is readable on a phone and in dark mode', async () => {
    const phone = await open(`${fixtureServer.url}/#/event/${event.id}`, { viewport: { width: 390, height: 844 }, colorScheme: 'dark', isMobile: true, hasTouch: true });
    try {
      await factCard(phone.page, 'killed').waitFor();
      // nothing wider than the screen: the matrix scrolls inside its own box
      expect(await phone.page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      const bg = await phone.page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
      expect(bg).not.toBe('rgb(251, 250, 247)');
      await phone.page.screenshot({ path: path.join(SHOTS, 'fact-sheet-phone-dark.png') });
      const claim = event.facts[0]!.claims[2]!;
      await phone.page.goto(`${fixtureServer.url}/#/doc/${claim.document}?claim=${encodeURIComponent(claim.claim)}`);
      await phone.page.locator('mark#focused-claim').waitFor();
      expect(await phone.page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await phone.page.screenshot({ path: path.join(SHOTS, 'document-phone-dark.png') });
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('(reconcile) shows the seeds reconciled: killed 131–150 disputed, injured 744 consensus', async (ctx) => {
    const res = await fetch(`${realServer.url}/api/events`);
    const { events } = (await res.json()) as EventsResponse;
    if (!events.length) {
      console.warn('\n  NOTICE: "(reconcile)" e2e test skipped: reconcile() returns no events yet\n');
      ctx.skip();
    }
    const main = [...events].sort((a, b) => b.documents - a.documents)[0]!;
    expect(main.documents).toBeGreaterThanOrEqual(5);
    const { page, problems, close } = await open(`${realServer.url}/#/event/${encodeURIComponent(main.id)}`);
    try {
      const killed = factCard(page, 'killed');
      await killed.waitFor();
      expect(await killed.locator('.range').textContent()).toBe('131–150');
      expect(await killed.getAttribute('data-status')).toBe('disputed');
      const injured = factCard(page, 'injured');
      expect(await injured.locator('.range').textContent()).toBe('744');
      expect(await injured.getAttribute('data-status')).toBe('consensus');
      await page.screenshot({ path: path.join(SHOTS, 'fact-sheet-reconciled.png') });
      // from a reconciled figure to its words
      await killed.locator('a.mark').first().click();
      await page.locator('mark#focused-claim').waitFor();
      expect(await page.locator('mark#focused-claim').textContent()).toMatch(/\d/);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('answers nothing to a hostile name pointed at it (DNS rebinding) nor to another site\'s requests', async () => {
    const port = new URL(fixtureServer.url).port;
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    // another site on this machine, whose page asks a server for its events with an image and a no-cors fetch
    let loaded = 0;
    const server = await startServer({ store, webRoot: null, port: 0, events: async () => (loaded++, [event]) });
    const target = server.url;
    const attacker = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<!doctype html><title>other site</title><img src="${target}/api/events"><script>fetch('${target}/api/events?policy=latest', { mode: 'no-cors' })</script>`);
    });
    await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
    try {
      const rebound = await page.goto(`http://rebind.test:${port}/`);
      expect(rebound?.status()).toBe(421);
      expect(await page.content()).toContain('MISDIRECTED');
      expect((await page.goto(`http://rebind.test:${port}/api/events`))?.status()).toBe(421);

      // the answers reach the browser (which withholds them from the page: Cross-Origin-Resource-Policy)...
      const answered: string[] = [];
      page.on('requestfailed', (r) => {
        if (r.url().startsWith(target) && /BLOCKED_BY_RESPONSE/.test(r.failure()?.errorText ?? '')) answered.push(r.url());
      });
      // (localhost and 127.0.0.1 are different sites)
      await page.goto(`http://localhost:${(attacker.address() as AddressInfo).port}/`);
      await expect.poll(() => answered.length).toBe(2);
      // ...but were refusals: the events were never computed
      expect(loaded).toBe(0);
      expect((await fetch(`${target}/api/events`)).status).toBe(200);
      expect(loaded).toBe(1);
    } finally {
      await ctx.close();
      await server.close();
      await new Promise((r) => attacker.close(r));
    }
  });
});
