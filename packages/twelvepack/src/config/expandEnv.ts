/** The outcome of {@link expandEnv}. */
export interface Expanded {
  /** Every file value with its references replaced. */
  readonly values: Readonly<Record<string, string>>;
  /** For each variable that referred to others, the names it referred to. */
  readonly references: ReadonlyMap<string, readonly string[]>;
}

const REFERENCE = /(\\?)\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Expands `${NAME}` and `${NAME:-fallback}` in values read from `.env` files.
 * A reference resolves against the real environment first (it wins, as
 * everywhere), then the other file values; `\${NAME}` stays literal. Pure.
 * Cycles resolve to the empty string instead of recursing forever.
 */
export function expandEnv(
  fileValues: Readonly<Record<string, string>>,
  processEnv: Readonly<Record<string, string | undefined>>,
): Expanded {
  const values: Record<string, string> = {};
  const references = new Map<string, string[]>();

  const resolve = (name: string, seen: ReadonlySet<string>): string | undefined => {
    // Own keys only: `${constructor}` must not find Object.prototype.constructor.
    if (Object.hasOwn(processEnv, name) && processEnv[name] !== undefined) return processEnv[name];
    if (!Object.hasOwn(fileValues, name) || seen.has(name)) return undefined;
    return expandOne(name, new Set([...seen, name]));
  };

  const expandOne = (name: string, seen: ReadonlySet<string>): string => {
    const refs: string[] = [];
    const out = fileValues[name]!.replace(REFERENCE, (_match, escape: string, ref: string, fallback?: string) => {
      if (escape) return `\${${ref}${fallback === undefined ? '' : `:-${fallback}`}}`;
      refs.push(ref);
      const value = resolve(ref, seen);
      return value === undefined || value === '' ? (fallback ?? '') : value;
    });
    if (refs.length > 0) references.set(name, refs);
    return out;
  };

  for (const name of Object.keys(fileValues)) values[name] = expandOne(name, new Set([name]));
  return { values, references };
}
