/**
 * Every environment variable twelvepack reads, declared once.
 *
 * `exposure` decides where a value may go: `public` values are inlined into the
 * browser bundle (their names must start with PUBLIC_, NODE_ENV excepted),
 * `server` values stay in Node, and `secret` values stay in Node and are also
 * hunted for by the build's leak guard. `.env.example` mirrors this table one
 * to one (test/config/envExample.test.ts proves it).
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
}

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
  {
    name: 'SOURCE_MAPS',
    type: 'enum',
    values: ['hidden', 'linked', 'none'],
    default: 'hidden',
    exposure: 'server',
    doc: 'Production source maps: hidden (written, not referenced), linked (referenced from the bundle) or none.',
  },
  {
    name: 'TWELVEPACK_SKIP_BUILD',
    type: 'boolean',
    default: 'false',
    exposure: 'server',
    doc: 'Set to true in the environment (not .env) to skip the production build that npm install runs.',
  },
  {
    name: 'ADMIN_TOKEN',
    type: 'string',
    exposure: 'secret',
    doc: 'Bearer token for the admin API; leave empty to disable that API.',
  },
] as const satisfies readonly VarSpec[];

/** The union of every declared variable's spec. */
export type Spec = (typeof schema)[number];

/** Every declared variable's name. */
export type VarName = Spec['name'];

/** The names the browser may see. */
export type PublicName = Extract<Spec, { exposure: 'public' }>['name'];

type ValueOf<S extends VarSpec> = S['type'] extends 'integer'
  ? number
  : S['type'] extends 'boolean'
    ? boolean
    : string;

type Optional<S> = S extends { default: string } ? never : S extends { name: 'NODE_ENV' } ? never : undefined;

/** The typed, validated configuration that every entry point receives. */
export type Config = {
  readonly [N in VarName]: ValueOf<Extract<Spec, { name: N }>> | Optional<Extract<Spec, { name: N }>>;
};

/** The public subset, as the strings that are inlined into the browser bundle. */
export type PublicEnv = { readonly [N in PublicName]: string };
