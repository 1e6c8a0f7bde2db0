// Developer tool: screenshots of a page in headless Chromium, for looking at what we build.
// node tools/screenshot.mjs URL OUT_PREFIX [width] [height]  -> OUT_PREFIX-dpr1.png, OUT_PREFIX-dpr2.png
import { launchBrowser } from '../tests/browser/browser.mjs';

const [url, out, width = '1280', height = '900', full = ''] = process.argv.slice(2);
const browser = await launchBrowser();
for (const dpr of [1, 2]) {
  const page = await browser.newPage({ viewport: { width: +width, height: +height }, deviceScaleFactor: dpr });
  page.on('console', (m) => console.log(`[dpr${dpr} console.${m.type()}]`, m.text()));
  page.on('pageerror', (e) => console.log(`[dpr${dpr} pageerror]`, e.message));
  await page.goto(url);
  await page.waitForFunction(() => [...document.querySelectorAll('article-widget')].every((w) => w.ready || w.shadowRoot.querySelector('.status.failed')), null, { timeout: 20000 }).catch((e) => console.log('not ready:', e.message));
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}-dpr${dpr}.png`, fullPage: full === 'full' });
  await page.close();
}
await browser.close();
