import type { Handler } from 'twelvepack/server';
import { json } from 'twelvepack/server';

/** `GET /api/greeting`: the small demo API the page calls on the same origin. */
export const greeting: Handler<{ readonly PUBLIC_APP_NAME: string }, unknown> = (_req, { config }) =>
  json(200, { greeting: `Hello from the ${config.PUBLIC_APP_NAME} server`, servedBy: process.pid });
