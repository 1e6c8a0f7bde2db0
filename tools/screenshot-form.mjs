// Developer tool: the review form and the parts under the article, in headless Chromium.
// node tools/screenshot-form.mjs URL OUT_PREFIX [width] [height]
//   -> OUT_PREFIX-form-dprN.png (focus in the name field, the empty form sent so every message shows),
//      OUT_PREFIX-below-dprN.png (the follow buttons and, on narrow screens, the News Line)
import { launchBrowser } from '../tests/browser/browser.mjs';

const [url, out, width = '1280', height = '900'] = process.argv.slice(2);
const browser = await launchBrowser();
const frame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
for (const dpr of [1, 2]) {
  const page = await browser.newPage({ viewport: { width: +width, height: +height }, deviceScaleFactor: dpr });
  page.on('pageerror', (e) => console.log(`[dpr${dpr} pageerror]`, e.message));
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('article-widget')?.ready);
  const w = page.locator('article-widget');
  await w.getByRole('button', { name: 'Send review' }).click();
  await w.getByRole('textbox', { name: 'Your name' }).click();
  await w.getByRole('textbox', { name: 'Your name' }).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -120));
  await frame(page);
  await page.screenshot({ path: `${out}-form-dpr${dpr}.png` });
  await w.getByRole('heading', { name: 'Follow us on social networks' }).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 200));
  await frame(page);
  await page.screenshot({ path: `${out}-below-dpr${dpr}.png` });
  await page.close();
}
await browser.close();
