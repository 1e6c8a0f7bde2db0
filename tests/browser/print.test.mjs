// Print and Save as PDF: the whole article in the widget's faces, the follow
// links with their addresses, and neither the form nor the News Line. The
// pages are printed to PDF by Chromium and read back with pdftotext.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, startServer, waitForEvent } from './harness.mjs';

let server, browser, dir;
before(async () => { server = await startServer(); browser = await launchBrowser(); dir = mkdtempSync(join(tmpdir(), 'aw-print-')); });
after(async () => { await browser?.close(); await server?.stop(); rmSync(dir, { recursive: true, force: true }); });

// The printed pages' text, one string per page, with runs of white space as one space.
function printedPages(pdf) {
  const file = join(dir, 'article.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-']).toString().normalize('NFKC').split('\f')
    .map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

test('printing gives the whole article and the follow links, without the form and the News Line', async () => {
  const page = await openPage(browser, server.url);
  await waitForEvent(page, 'ready');
  await page.locator('article-widget').locator('a[data-open-in-widget="true"]').first().waitFor(); // the News Line is in, to be left out
  const { blocks, follow } = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    return {
      blocks: [...root.querySelectorAll('.text-layer :is(h1, p):not(.alert)')].map((b) => b.textContent.replace(/\s+/g, ' ').trim()),
      follow: [...root.querySelectorAll('[data-part=follow] a')].map((a) => ({ label: a.dataset.label, href: a.getAttribute('href') })),
    };
  });
  assert.equal(blocks.length, 9, 'headline, meta line and seven paragraphs');
  assert.ok(follow.length >= 5);

  const pages = printedPages(await page.pdf({ format: 'A4', printBackground: true }));
  const all = pages.join(' ');
  // Every block, whole and in order.
  let at = 0;
  for (const text of blocks) {
    const found = all.indexOf(text, at);
    assert.ok(found >= 0, `printed in order: "${text.slice(0, 60)}…"`);
    at = found + text.length;
  }
  // Each follow link with its name and address, after the article.
  for (const { label, href } of follow) {
    const found = all.indexOf(`${label}: ${href}`, at);
    assert.ok(found >= 0, `the follow link "${label}" is printed with ${href}`);
  }
  // The heading of the links is never alone at the bottom of a page.
  const heading = pages.findIndex((p) => p.includes('Follow us on social networks'));
  assert.ok(pages[heading].includes(follow[0].href), 'the links start on the page of their heading');
  // What only works on screen is left out.
  for (const absent of ['Send review', 'Leave a review', 'News Line', 'Caspian ferries add sailings', 'Your rating'])
    assert.ok(!all.includes(absent), `"${absent}" is not printed`);
  assert.ok(pages.length >= 2 && pages.length <= 4, `${pages.length} pages`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('printing the rich article keeps its structure: subheadings, quotes, bulleted and numbered lists, links, captions', async () => {
  const page = await openPage(browser, server.url + 'shoreline.html');
  await waitForEvent(page, 'ready');
  const pages = printedPages(await page.pdf({ format: 'A4', printBackground: true }));
  const all = pages.join(' ');
  let at = 0;
  for (const text of [
    "As the Caspian recedes, Baku's shoreline moves out to sea",
    'The seaside boulevard at dusk, with the flame towers above the bay.',
    "An overview of the sea itself is on Wikipedia's Caspian Sea page.",
    'Why the water is falling',
    'warmer summers, which raise evaporation from the shallow northern shelf;',
    'less snow and rain across the Volga basin in some recent years;',
    'New beach at five beaches on the Absheron peninsula',
    'Ports and ferries',
    'We used to dredge the approach channel once every few years.',
    'Measure the level and the rivers',
    'Protect the northern wetlands',
  ]) {
    const found = all.indexOf(text, at);
    assert.ok(found >= 0, `printed in order: "${text}"`);
    at = found + text.length;
  }
  // Each subheading starts a line of its own, with what follows it on the same page.
  const heading = pages.findIndex((p) => p.includes('What can be done'));
  assert.ok(pages[heading].includes('A sea this size cannot be refilled'), 'a subheading is kept with its paragraph');
  assert.ok(!all.includes('hijacked'), 'the body\'s script is not printed');
  // Lists print as lists (their markers are the browser's, which pdftotext does not read back).
  await page.emulateMedia({ media: 'print' });
  const lists = await page.evaluate(() => [...document.querySelector('article-widget').shadowRoot.querySelectorAll('.text-layer :is(ul, ol)')]
    .map((l) => ({ tag: l.localName, style: getComputedStyle(l).listStyleType, item: getComputedStyle(l.firstElementChild).display, first: l.firstElementChild.value })));
  assert.deepEqual(lists, [{ tag: 'ul', style: 'disc', item: 'list-item', first: 0 }, { tag: 'ol', style: 'decimal', item: 'list-item', first: 1 }]);
  await page.context().close();
});
