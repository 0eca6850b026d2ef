import { LeakGuardPlugin } from '../plugins/LeakGuardPlugin';
import { RedactSecretsPlugin } from '../plugins/RedactSecretsPlugin';
import type { BrowserPart } from './BrowserPart';

/** The leak guard over every emitted file, the redaction of every message the build prints, and nothing written when either fails. */
export const guardsPart: BrowserPart = (_plan, { loaded, redact }) => ({
  // A leak or an ES5 failure must leave nothing behind in the output folder.
  optimization: { emitOnErrors: false },
  plugins: [
    new LeakGuardPlugin({ secrets: loaded.secrets, bundle: 'client' }),
    // Every error and warning above (and Babel's, the minifier's, html-webpack-plugin's) reaches the terminal through it.
    new RedactSecretsPlugin(redact),
  ],
});
