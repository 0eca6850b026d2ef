/**
 * Every environment variable the toolkit reads, declared once; an app declares
 * its own in src/app.ts in the same format, and the loader validates the union.
 *
 * `exposure` decides where a value may go: `public` values are inlined into the
 * browser bundle (their names must start with PUBLIC_, NODE_ENV excepted),
 * `server` values stay in Node, and `secret` values stay in Node and are also
 * hunted for by the build's leak guard. `.env.example` mirrors this table one
 * to one (the app's spec proves it).
 *
 * This file is imported by browser code for its types, so it must stay free of
 * Node APIs.
 */

/** The kinds of value a variable may hold. */
export type VarType = 'string' | 'integer' | 'boolean' | 'enum' | 'url';

/** Where a variable's value may travel. */
export type Exposure = 'public' | 'server' | 'secret';

/** One declared variable. */
export interface VarSpec {
  /** The variable's name in the environment. */
  readonly name: string;
  /** What its value must look like. */
  readonly type: VarType;
  /** Where its value may travel. */
  readonly exposure: Exposure;
  /** One line for `.env.example` and the README. */
  readonly doc: string;
  /** The value used when the variable is unset or empty; absent means optional. */
  readonly default?: string;
  /** Allowed values, for `enum`. */
  readonly values?: readonly string[];
  /** Inclusive bounds, for `integer`. */
  readonly min?: number;
  /** Inclusive bounds, for `integer`. */
  readonly max?: number;
  /** For `integer`: another integer variable's name, whose value this one may not exceed (checked after both parse). */
  readonly atMost?: string;
  /** For `string`: in production, a non-empty value must be this strong (a token, a signing key); development and test accept any. */
  readonly strength?: SecretStrength;
}

/**
 * How strong a value must be in production: at least `minLength` characters and
 * `minBits` bits by the estimate of config/estimateEntropyBits.ts (pool size,
 * capped by repetition and by the value's own character frequencies).
 */
export interface SecretStrength {
  readonly minLength: number;
  readonly minBits: number;
}

/** The global the server sets in index.html with its runtime public config. */
export const RUNTIME_ENV_GLOBAL = '__TWELVEPACK_ENV__';

/** The prefix every public variable but NODE_ENV must carry. */
export const PUBLIC_PREFIX = 'PUBLIC_';

/** The schema: every variable, in the order `.env.example` lists them. */
export const schema = [
  {
    name: 'NODE_ENV',
    type: 'enum',
    values: ['development', 'production', 'test'],
    exposure: 'public',
    doc: 'Mode: development, production or test; defaults to the mode of the command you ran.',
  },
  {
    name: 'PORT',
    type: 'integer',
    min: 0,
    max: 65535,
    default: '3000',
    exposure: 'server',
    doc: 'Port the server listens on; platforms set it. 0 picks a free port.',
  },
  {
    name: 'HOST',
    type: 'string',
    default: '0.0.0.0',
    exposure: 'server',
    doc: 'Address the server listens on: 0.0.0.0 for every interface, 127.0.0.1 for this machine only.',
  },
  {
    // No default: unset must stay visible, so the worker count can fall back to
    // HEROKU_AVAILABLE_PARALLELISM and say which source it used (config/workerCount.ts).
    name: 'WEB_CONCURRENCY',
    type: 'integer',
    min: 1,
    max: 64,
    exposure: 'server',
    doc: 'Number of server processes; above 1, a primary forks that many workers. Unset: HEROKU_AVAILABLE_PARALLELISM, else 1.',
  },
  {
    // Heroku's Cloud Native Buildpack (heroku/buildpacks-nodejs) sets it at build and at run time to the
    // CPUs it detects plus one, and to 0 when it cannot tell; 0 means unknown, never zero workers.
    name: 'HEROKU_AVAILABLE_PARALLELISM',
    type: 'integer',
    min: 0,
    max: 4096,
    exposure: 'server',
    doc: "CPUs Heroku's Cloud Native Buildpack detected (it sets this); the worker count when WEB_CONCURRENCY is unset, at most 64. 0 means unknown.",
  },
  {
    name: 'SHUTDOWN_TIMEOUT_MS',
    type: 'integer',
    min: 100,
    max: 600000,
    default: '25000',
    exposure: 'server',
    doc: 'How long a graceful shutdown may take before the rest is forced; keep it under the platform limit (30 s on Heroku).',
  },
  {
    name: 'LOG_LEVEL',
    type: 'enum',
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    default: 'info',
    exposure: 'server',
    doc: 'Lowest log level written to stdout.',
  },
  {
    name: 'TRUST_PROXY',
    type: 'boolean',
    default: 'false',
    exposure: 'server',
    doc: 'Trust X-Forwarded-For and X-Forwarded-Proto from the proxy in front (true behind a platform router).',
  },
  {
    // Below the request timeout: Node swaps the two when headers is larger. A real client sends its headers
    // in one packet; 10 s still covers a lossy mobile link, and holds a slow-header (slowloris) connection 10 s at most.
    name: 'HEADERS_TIMEOUT_MS',
    type: 'integer',
    min: 100,
    max: 3600000,
    atMost: 'REQUEST_TIMEOUT_MS',
    default: '10000',
    exposure: 'server',
    doc: 'How long a client may take to send the headers of a request before it gets 408 and is closed; at most REQUEST_TIMEOUT_MS.',
  },
  {
    // 30 s, not Node's 5 minutes: Heroku's router answers 503 (H12) once 30 s pass without a response, so a request
    // still arriving then helps nobody; an app that takes large uploads over slow links raises it.
    name: 'REQUEST_TIMEOUT_MS',
    type: 'integer',
    min: 100,
    max: 3600000,
    default: '30000',
    exposure: 'server',
    doc: 'How long a client may take to send a whole request, body included, before it gets 408 and is closed; raise it for large uploads over slow links.',
  },
  {
    name: 'SERVE_CLIENT',
    type: 'boolean',
    default: 'true',
    exposure: 'server',
    doc: 'Serve the client build from dist/client; npm run dev turns it off because webpack-dev-server serves the client.',
  },
  {
    name: 'SERVE_SOURCE_MAPS',
    type: 'boolean',
    default: 'false',
    exposure: 'server',
    doc: 'Serve the .map files that the build writes (they reveal the source).',
  },
  {
    name: 'STORE_URL',
    type: 'url',
    exposure: 'secret',
    doc: 'Key/value store to attach: redis://user:pass@host:6379, sqlite://relative/file.sqlite or sqlite:///absolute/file.sqlite; wins over REDIS_URL.',
  },
  {
    name: 'REDIS_URL',
    type: 'url',
    exposure: 'secret',
    doc: 'Redis to use as the key/value store (Heroku-style platforms set it); unset means SQLite.',
  },
  {
    name: 'SQLITE_PATH',
    type: 'string',
    default: 'data/twelvepack.sqlite',
    exposure: 'server',
    doc: 'SQLite file for the key/value store when no store URL is set; shared by the workers on one machine.',
  },
  {
    name: 'SOURCE_MAPS',
    type: 'enum',
    values: ['hidden', 'linked', 'none'],
    default: 'hidden',
    exposure: 'server',
    doc: 'Production source maps: hidden (written, not referenced), linked (referenced from the bundle) or none.',
  },
  {
    name: 'TWELVEPACK_MINIFIER',
    type: 'enum',
    values: ['swc', 'terser'],
    default: 'swc',
    exposure: 'server',
    doc: 'Production script minifier: swc (native, fast) or terser (the JavaScript original, several times slower).',
  },
  {
    name: 'TWELVEPACK_LEGACY_BUNDLE',
    type: 'boolean',
    default: 'true',
    exposure: 'server',
    doc: 'Also build the legacy bundle (ES5, <script nomodule>) for browsers without module scripts, such as IE 11; false ships the modern bundle alone.',
  },
  {
    name: 'TWELVEPACK_SKIP_BUILD',
    type: 'boolean',
    default: 'false',
    exposure: 'server',
    doc: 'Set to true to skip the production build that npm install runs (it cannot skip the check that the build tools are installed).',
  },
  {
    name: 'TWELVEPACK_BUILD_HEAP_MB',
    type: 'integer',
    min: 128,
    max: 65536,
    default: '384',
    exposure: 'server',
    doc: 'Heap cap of the production build in MB; 384 fits a 512 MB build machine. Raise it if the build says it ran out.',
  },
  {
    name: 'TWELVEPACK_BUILD_WORKERS',
    type: 'integer',
    min: 0,
    max: 16,
    exposure: 'server',
    doc: 'Babel worker processes of the production build; unset: one on a machine with 2+ CPUs and 2 GB+, none otherwise. 0 saves about 225 MB.',
  },
  {
    // A bearer token guessed online is the whole API: 128 bits puts that beyond any rate of guessing.
    name: 'ADMIN_TOKEN',
    type: 'string',
    strength: { minLength: 32, minBits: 128 },
    exposure: 'secret',
    doc: 'Bearer token for the admin API; leave empty to disable that API. In production at least 32 random characters: openssl rand -base64 32.',
  },
] as const satisfies readonly VarSpec[];

/** The toolkit's variables. */
export type ToolkitSchema = typeof schema;

type ValueOf<S extends VarSpec> = S['type'] extends 'integer'
  ? number
  : S['type'] extends 'boolean'
    ? boolean
    : S extends { readonly type: 'enum'; readonly values: readonly (infer V)[] }
      ? V
      : string;

type Optional<S> = S extends { default: string } ? never : S extends { name: 'NODE_ENV' } ? never : undefined;

/** The typed, validated configuration of a list of declared variables. */
export type ConfigOf<Specs extends readonly VarSpec[]> = {
  readonly [N in Specs[number]['name']]: ValueOf<Extract<Specs[number], { name: N }>> | Optional<Extract<Specs[number], { name: N }>>;
};

/** The toolkit's configuration, which every entry point receives (an app's adds its own variables). */
export type Config = ConfigOf<ToolkitSchema>;

/** Every toolkit variable's name. */
export type VarName = ToolkitSchema[number]['name'];

/** The names of a list's public variables. */
export type PublicNameOf<Specs extends readonly VarSpec[]> = Extract<Specs[number], { exposure: 'public' }>['name'];

/** The public subset, as the strings that are inlined into the browser bundle. */
export type PublicEnvOf<Specs extends readonly VarSpec[]> = { readonly [N in PublicNameOf<Specs>]: string };

/** The toolkit's public subset (NODE_ENV). */
export type PublicEnv = PublicEnvOf<ToolkitSchema>;
