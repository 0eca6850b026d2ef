import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithBrowser, launchBrowser } from '../../src/testing/browser';

const profiles = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('twelvepack-chromium-')));

describeWithBrowser('launchBrowser', () => {
  it('runs Chromium on a fresh profile folder of its own and removes it when the browser closes', async () => {
    const before = profiles();
    const browser = await launchBrowser();
    const created = [...profiles()].filter((name) => !before.has(name));
    try {
      expect(created).toHaveLength(1);
      const page = await browser.newPage();
      await page.setContent('<p>hello</p>');
      expect(await page.textContent('p')).toBe('hello');
    } finally {
      await browser.close();
    }
    expect(existsSync(join(tmpdir(), created[0]!))).toBe(false);
  });
});
