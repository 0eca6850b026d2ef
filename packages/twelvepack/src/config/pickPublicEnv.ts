import { PUBLIC_PREFIX, schema as defaultSchema, type Config, type PublicEnv, type VarSpec } from './schema';

/**
 * Checks that a schema's public variables form a safe allowlist: the prefix is
 * not empty (an empty one would make every variable public, which Vite refuses
 * too), every public name but NODE_ENV carries it, and nothing carrying it is
 * kept private by mistake. Throws, since this is a programming error.
 */
export function assertPublicSchema(schema: readonly VarSpec[], prefix: string = PUBLIC_PREFIX): void {
  if (prefix.trim() === '') {
    throw new Error(
      'The public variable prefix must not be empty: an empty prefix would expose every environment variable, ' +
        `secrets included, to the browser. Use a prefix such as "${PUBLIC_PREFIX}".`,
    );
  }
  const wrong = schema.filter((spec) => (spec.exposure === 'public') !== (spec.name.startsWith(prefix) || spec.name === 'NODE_ENV'));
  if (wrong.length > 0) {
    const names = wrong.map((spec) => `${spec.name} (${spec.exposure})`).join(', ');
    throw new Error(
      `Public variables must be exactly those named ${prefix}* (plus NODE_ENV); these break that rule: ${names}. ` +
        `Rename the variable or change its exposure where it is declared (src/app.ts for an app's).`,
    );
  }
}

/** The public subset of a config, as strings: exactly what may reach the browser. */
export function pickPublicEnv(config: Config, schema: readonly VarSpec[] = defaultSchema): PublicEnv & Readonly<Record<string, string>> {
  assertPublicSchema(schema);
  const values = config as Readonly<Record<string, unknown>>;
  const entries = schema
    .filter((spec) => spec.exposure === 'public')
    .map((spec) => [spec.name, values[spec.name] === undefined ? '' : String(values[spec.name])]);
  return Object.freeze(Object.fromEntries(entries)) as PublicEnv & Readonly<Record<string, string>>;
}

/** The names on the public allowlist. */
export function publicNames(schema: readonly VarSpec[] = defaultSchema): readonly string[] {
  assertPublicSchema(schema);
  return schema.filter((spec) => spec.exposure === 'public').map((spec) => spec.name);
}
