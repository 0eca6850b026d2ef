// The app, declared once: its variables, its page and its routes. The toolkit
// reads nothing else of the app (twelvepack's README: "defineApp").
import { defineApp } from 'twelvepack/app';
import { hello } from './server/hello';

export default defineApp({
  variables: [
    {
      name: 'PUBLIC_APP_NAME',
      type: 'string',
      default: 'My app',
      exposure: 'public',
      doc: 'Name shown in the page title and heading.',
    },
  ],
  pages: [{ name: 'main', entry: 'src/client/main.ts', template: 'public/index.html' }],
  routes: [{ path: '/api/hello', methods: ['GET'], handler: hello }],
});
