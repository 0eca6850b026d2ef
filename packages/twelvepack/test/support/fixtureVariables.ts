import type { VarSpec } from '../../src/config/schema';

/** The fixture apps' own variables, declared as an app declares them in src/app.ts. */
export const FIXTURE_VARIABLES: readonly VarSpec[] = [
  { name: 'PUBLIC_APP_NAME', type: 'string', default: 'twelvepack', exposure: 'public', doc: 'Name shown in the page title and header.' },
  { name: 'PUBLIC_TAGLINE', type: 'string', default: 'A webpack app that follows the twelve-factor methodology.', exposure: 'public', doc: 'One line shown under the app name.' },
];
