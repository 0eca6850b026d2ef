// The app, declared once: its variables, its page, its routes and its services.
// The toolkit reads nothing else of the app (see the README's "Make it yours").
import { defineApp } from 'twelvepack/app';
import { adminKvRoute } from 'twelvepack/server';
import { countVisit } from './server/countVisit';
import { greeting } from './server/greeting';
import { openDemoServices, type DemoServices } from './server/openDemoServices';

export default defineApp({
  variables: [
    {
      name: 'PUBLIC_APP_NAME',
      type: 'string',
      default: 'twelvepack',
      exposure: 'public',
      doc: 'Name shown in the page title and header.',
    },
    {
      name: 'PUBLIC_TAGLINE',
      type: 'string',
      default: 'A webpack app that follows the twelve-factor methodology.',
      exposure: 'public',
      doc: 'One line shown under the app name.',
    },
  ],
  pages: [{ name: 'main', entry: 'src/client/main.ts', template: 'public/index.html' }],
  routes: [
    { path: '/api/greeting', methods: ['GET'], handler: greeting },
    { path: '/api/visits', methods: ['POST'], handler: countVisit },
    // The toolkit's admin key/value API (only with ADMIN_TOKEN), on the demo's store.
    adminKvRoute({ store: (services: DemoServices) => services.store }),
  ],
  services: openDemoServices,
});
