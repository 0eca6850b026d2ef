import { schema as defaultSchema, type VarSpec } from './schema';
import type { LoadedEnv } from './loadEnvFiles';

/** A value the build must never emit, with the variable it came from. */
export interface SecretValue {
  /** The variable's name: safe to print. */
  readonly name: string;
  /** The value: never print it. */
  readonly value: string;
}

/** Values shorter than this are too likely to occur by chance to count as a leak. */
export const MIN_SECRET_LENGTH = 8;

// Names whose values are credentials by convention (AWS_SECRET_ACCESS_KEY, GITHUB_TOKEN, DB_PASSWORD...).
const CREDENTIAL_NAME = /(^|_)(TOKEN|SECRET|KEY|PASS|PWD|AUTH|CREDENTIALS?|DSN|COOKIE|SIGNATURE|CERT)(_|$)|PASSWORD|PASSWD|PRIVATE|APIKEY|AUTHTOKEN/i;
// Shell and npm bookkeeping that looks like credentials but never is.
const NOT_CREDENTIAL_NAME = /^(PWD|OLDPWD|SSH_AUTH_SOCK|GPG_AGENT_INFO|KRB5CCNAME)$/;
// Values that recur in any build and would only raise false alarms.
const COMMON_VALUE = /^(true|false|yes|no|on|off|null|undefined|none|hidden|linked|development|production|test|localhost|0\.0\.0\.0|127\.0\.0\.1|::1|[\d.]+)$/i;

/**
 * Picks every value the leak guard must hunt for. Counted: every non-public
 * variable from a `.env` file; every variable the schema marks secret;
 * environment variables whose names look like credentials; and URLs anywhere
 * that carry a password (the password on its own counts too). Public values,
 * short values and common words are skipped so the guard does not cry wolf on
 * the many harmless values `npm run` and CI machines put in the environment.
 */
export function collectSecrets(loaded: LoadedEnv, schema: readonly VarSpec[] = defaultSchema): readonly SecretValue[] {
  const byName = new Map(schema.map((spec) => [spec.name, spec]));
  const found = new Map<string, SecretValue>();
  const add = (name: string, value: string) => {
    if (value.length < MIN_SECRET_LENGTH || COMMON_VALUE.test(value)) return;
    if (!found.has(`${name}\0${value}`)) found.set(`${name}\0${value}`, { name, value });
  };

  for (const [name, value] of Object.entries(loaded.values)) {
    if (value === undefined) continue;
    const spec = byName.get(name);
    if (spec?.exposure === 'public') continue;
    const password = urlPassword(value);
    if (password !== undefined) {
      add(name, value);
      add(name, password);
    }
    const isSecret =
      spec?.exposure === 'secret' ||
      loaded.fromFiles.has(name) ||
      (spec === undefined && CREDENTIAL_NAME.test(name) && !NOT_CREDENTIAL_NAME.test(name));
    if (isSecret) add(name, value);
  }
  return [...found.values()];
}

function urlPassword(value: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/\s]*:[^/\s]*@/i.test(value) || !URL.canParse(value)) return undefined;
  const password = new URL(value).password;
  if (password === '') return undefined;
  try {
    return decodeURIComponent(password);
  } catch {
    // A bare % (postgres://app:100%@db) is left as written by the URL parser.
    return password;
  }
}
