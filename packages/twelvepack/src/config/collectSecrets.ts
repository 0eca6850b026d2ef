import { schema as defaultSchema, type VarSpec } from './schema';
import type { LoadedEnv } from './loadEnvFiles';

/** A value the build must never emit, with the variable it came from. */
export interface SecretValue {
  /** The variable's name: safe to print. */
  readonly name: string;
  /** The value: never print it. */
  readonly value: string;
  /**
   * True when the value is a credential wherever it appears: the schema declares it secret, its name
   * looks like a credential, or it is a URL's password. False when it counts only because a `.env`
   * file holds it: the browser must not see it, but server code may hold it (a setting's default).
   */
  readonly credential: boolean;
}

/** Values shorter than this are too likely to occur by chance to count as a leak. */
export const MIN_SECRET_LENGTH = 8;

// Names whose values are credentials by convention (AWS_SECRET_ACCESS_KEY, GITHUB_TOKEN, DB_PASSWORD, STRIPE_SK,
// GITHUB_PAT, JWT_SIGNING...). Short words only as a whole part of the name: PAT must not catch PATH or PATTERN,
// SK not DISK or TASK, SIGNING not DESIGNING.
const CREDENTIAL_NAME =
  /(^|_)(TOKEN|SECRET|KEY|PASS|PWD|AUTH|CREDENTIALS?|DSN|COOKIE|SIGNATURE|CERT|SK|PAT)(_|$)|(^|_)SIGNING|PASSWORD|PASSWD|PRIVATE|APIKEY|AUTHTOKEN/i;
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
  const add = (name: string, value: string, credential: boolean) => {
    if (value.length < MIN_SECRET_LENGTH || COMMON_VALUE.test(value)) return;
    const key = `${name}\0${value}`;
    const credentialBefore = found.get(key)?.credential ?? false;
    found.set(key, { name, value, credential: credential || credentialBefore });
  };

  for (const [name, value] of Object.entries(loaded.values)) {
    if (value === undefined) continue;
    const spec = byName.get(name);
    if (spec?.exposure === 'public') continue;
    const password = urlPassword(value);
    if (password !== undefined) {
      add(name, value, true);
      add(name, password, true);
    }
    const credential = spec?.exposure === 'secret' || (spec === undefined && CREDENTIAL_NAME.test(name) && !NOT_CREDENTIAL_NAME.test(name));
    // A setting left at its declared default (a .env copied from .env.example) is in the source already, so in the bundle's maps.
    const isDefault = spec?.default !== undefined && value === spec.default;
    if (credential || (loaded.fromFiles.has(name) && !isDefault)) add(name, value, credential);
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
