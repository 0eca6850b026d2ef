import type { Page } from 'playwright-core';
import { RUNTIME_ENV_GLOBAL } from '../config/schema';

// The functions handed to page.evaluate run in the browser; the toolkit's Node code has no DOM types, so they
// reach the page's globals through this much of them.
type BrowserGlobal = Record<string, unknown> & {
  __cspViolations?: string[];
  document: { addEventListener(type: string, listener: (event: { violatedDirective: string; blockedURI: string }) => void): void };
};

/** What the toolkit promises for every app's page, checked in a real browser. */
export interface PagePromises {
  /** Values that must never reach the browser: the secrets the server was started with. */
  readonly secrets?: readonly string[];
  /** Public values of the server's environment: the page's runtime config must hold exactly these. */
  readonly publicEnv?: Readonly<Record<string, string>>;
}

/** A page being watched: what went wrong so far, as sentences, empty when every promise holds. */
export interface WatchedPage {
  readonly page: Page;
  problems(promises?: PagePromises): Promise<string[]>;
}

/**
 * Watches a page from before its first request, so the app-agnostic promises
 * can be checked once it has loaded (call `problems()` after waiting for what
 * the app shows): no console error or uncaught exception, no CSP violation, no
 * secret in any response body, the DOM or `window`, no `%PUBLIC_...%`
 * placeholder left unrendered, and the runtime public config applied.
 */
export async function watchPage(page: Page): Promise<WatchedPage> {
  const consoleErrors: string[] = [];
  const bodies: { url: string; text: string }[] = [];
  await page.addInitScript(() => {
    const global = globalThis as unknown as BrowserGlobal;
    const violations: string[] = [];
    global.__cspViolations = violations;
    global.document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('response', (response) => {
    void response.text().then((text) => bodies.push({ url: response.url(), text }), () => undefined);
  });

  const problems = async ({ secrets = [], publicEnv }: PagePromises = {}): Promise<string[]> => {
    const found = consoleErrors.map((text) => `console error: ${text}`);
    const violations = await page.evaluate(() => (globalThis as unknown as BrowserGlobal).__cspViolations ?? []);
    found.push(...violations.map((violation) => `CSP violation: ${violation}`));
    const dom = await page.content();
    const windowText = await page.evaluate(serializeWindow);
    secrets.forEach((secret, i) => {
      // Never print the secret itself: name it by its place in the list.
      if (dom.includes(secret)) found.push(`secret #${i + 1} is in the DOM`);
      if (windowText.includes(secret)) found.push(`secret #${i + 1} is in a window property`);
      for (const body of bodies) if (body.text.includes(secret)) found.push(`secret #${i + 1} is in the response from ${body.url}`);
    });
    const placeholders = [...new Set(dom.match(/%(PUBLIC_[A-Z0-9_]+|NODE_ENV)%/g) ?? [])];
    if (placeholders.length > 0) found.push(`placeholders left unrendered: ${placeholders.join(', ')}`);
    if (publicEnv !== undefined) {
      const runtime = await page.evaluate((name) => (globalThis as unknown as BrowserGlobal)[name], RUNTIME_ENV_GLOBAL);
      for (const [name, value] of Object.entries(publicEnv)) {
        const shown = (runtime as Record<string, unknown> | undefined)?.[name];
        if (shown !== value) found.push(`runtime config ${name} is ${JSON.stringify(shown)}, not the server's ${JSON.stringify(value)}`);
      }
    }
    return found;
  };
  return { page, problems };
}

/** Every own property of `window` that serializes, as text (what a script on the page could read). */
function serializeWindow(): string {
  const global = globalThis as unknown as BrowserGlobal;
  return Object.keys(global)
    .map((key) => {
      try {
        return JSON.stringify(global[key]) ?? '';
      } catch {
        return '';
      }
    })
    .join('\n');
}
