/// <reference types="jest" />
// A component spec: App rendered in jsdom (jest.config.js, the "components" project), the server's answer
// stubbed, so what it shows for each answer is checked without a server.
import { render, screen } from '@testing-library/react';
import { App } from './App';
import styles from './App.module.css';

/** The page's fetch (jsdom has none): answers every request with `status` and the JSON `body`. */
function answerWith(status: number, body: unknown) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => ({ ok: status >= 200 && status < 300, status, json: async () => body }) as Response);
  window.fetch = fetch as unknown as typeof window.fetch;
  return fetch;
}

const withoutFetch = window.fetch;
afterEach(() => {
  window.fetch = withoutFetch;
});

describe('App', () => {
  it('asks GET /api/hello for JSON once, and shows its message', async () => {
    const fetch = answerWith(200, { message: 'Hello from a stub' });
    render(<App />);
    expect(await screen.findByText('Hello from a stub')).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('/api/hello', expect.objectContaining({ headers: { Accept: 'application/json' } }));
  });

  it("styles its header with the CSS module's class, and shows the imported logo", async () => {
    answerWith(200, { message: 'Hello' });
    const { container } = render(<App />);
    await screen.findByText('Hello');
    expect(container.querySelector('header')?.className).toBe(styles.header);
    const logo = container.querySelector('header img');
    expect({ className: logo?.className, src: logo?.getAttribute('src') }).toEqual({ className: styles.logo, src: 'logo.svg' });
  });

  it('says the server did not answer when it answers 500', async () => {
    answerWith(500, { error: 'boom' });
    render(<App />);
    expect(await screen.findByText('The server did not answer (GET /api/hello answered 500).')).toBeTruthy();
  });
});
