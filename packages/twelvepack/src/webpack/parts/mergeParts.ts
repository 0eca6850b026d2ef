import type { Configuration } from 'webpack';

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * The parts made one configuration, in their order: lists (plugins, module rules, minimizers) are joined, plain
 * objects (output, module, optimization) merged key by key, and any other value set by a later part replaces an
 * earlier one. Pure.
 */
export function mergeParts(parts: readonly Partial<Configuration>[]): Configuration {
  return parts.reduce<Plain>((merged, part) => merge(merged, part as Plain), {}) as Configuration;
}

function merge(into: Plain, from: Plain): Plain {
  const out: Plain = { ...into };
  for (const [key, value] of Object.entries(from)) {
    const before = out[key];
    if (Array.isArray(before) && Array.isArray(value)) out[key] = [...before, ...value];
    else if (isPlain(before) && isPlain(value)) out[key] = merge(before, value);
    else out[key] = value;
  }
  return out;
}
