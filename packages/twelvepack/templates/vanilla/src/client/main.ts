import { installErrorReporter, publicConfig } from 'twelvepack/client';
import { getJson } from './getJson';

// Uncaught errors in this page land in the server's log (POST /api/client-errors).
installErrorReporter();

/** What GET /api/hello answers (src/server/hello.ts). */
interface Hello {
  readonly message: string;
}

/** Renders the page into the template's #app, then asks the server for its greeting. */
async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (root === null) throw new Error('public/index.html must contain an element with id="app".');

  const heading = document.createElement('h1');
  heading.textContent = publicConfig.PUBLIC_APP_NAME;
  const answer = document.createElement('p');
  answer.className = 'answer';
  answer.textContent = 'Asking the server…';
  root.textContent = '';
  root.appendChild(heading);
  root.appendChild(answer);

  try {
    const { message } = await getJson<Hello>('/api/hello');
    answer.textContent = message;
  } catch (error) {
    answer.textContent = `The server did not answer (${(error as Error).message}).`;
  }
}

start().catch((error: unknown) => {
  console.error(error);
});

// Under `npm run dev` an edit to this file (or to a module it imports) runs it again in place, without a page
// reload: start() draws #app from scratch. A module that keeps state would hand it over in dispose() first.
import.meta.webpackHot?.accept();
