import './styles.css';
import { installErrorReporter, publicConfig } from 'twelvepack/client';
import factors from './data/factors.json';
import { FactorList, type Factor } from './FactorList';
import { getJson, postJson } from './getJson';
import { replaceChildren } from './replaceChildren';

installErrorReporter();

const domReady = (): Promise<void> =>
  new Promise((resolve) => {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
    else resolve();
  });

async function start(): Promise<void> {
  await domReady();
  const { PUBLIC_APP_NAME: appName, PUBLIC_TAGLINE: tagline, NODE_ENV: mode } = publicConfig;
  document.title = appName;

  const root = document.getElementById('app');
  if (root === null) throw new Error('twelvepack: public/index.html must contain an element with id="app".');

  const heading = document.createElement('h1');
  heading.textContent = appName;
  const lead = document.createElement('p');
  lead.className = 'tagline';
  lead.textContent = tagline;

  const search = document.createElement('input');
  search.type = 'search';
  search.placeholder = 'Filter the factors';
  search.setAttribute('aria-label', 'Filter the factors');

  const list = new FactorList(factors as readonly Factor[], document);
  const count = document.createElement('p');
  count.className = 'count';
  const update = () => {
    const shown = list.render(search.value);
    count.textContent = `${shown} of ${factors.length} factors · ${mode} build`;
  };
  search.addEventListener('input', update);
  update();

  const greeting = document.createElement('p');
  greeting.className = 'greeting';
  greeting.textContent = 'Asking the server…';

  const visits = document.createElement('p');
  visits.className = 'visits';

  replaceChildren(root, [heading, lead, greeting, visits, search, count, list.element]);
  root.dataset.ready = 'true';

  try {
    const { greeting: text } = await getJson<{ greeting: string }>('/api/greeting');
    greeting.textContent = text;
  } catch (error) {
    greeting.textContent = `The server did not answer (${(error as Error).message}).`;
  }
  try {
    const { visits: total, store } = await postJson<{ visits: number | string; store: string }>('/api/visits');
    visits.textContent = `Visit number ${total}, counted in ${store}.`;
  } catch (error) {
    visits.textContent = `The visit counter is unavailable (${(error as Error).message}).`;
  }
}

start().catch((error: unknown) => {
  console.error(error);
});
