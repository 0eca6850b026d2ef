import { json, type Handler } from 'twelvepack/server';

/** `GET /api/hello`: the route the page calls on its own origin; it names the app from the server's configuration. */
export const hello: Handler<{ readonly PUBLIC_APP_NAME: string }, unknown> = (_req, { config }) =>
  json(200, { message: `Hello from the ${config.PUBLIC_APP_NAME} server` });
