import { estimateEntropyBits } from './estimateEntropyBits';
import { maskValue } from './maskValue';
import type { ConfigProblem, Mode } from './parseConfig';
import type { VarSpec } from './schema';

/** How to make a value that passes, for every strength message. */
const HOW_TO_MAKE =
  "Make one with `openssl rand -base64 32` or `node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\"` " +
  'and set it in the environment (development and test accept any value).';

/**
 * Each variable declared with a `strength` whose non-empty value falls short of
 * it, in production mode only (or whose declaration is not a string's). The
 * message shows how many characters and bits the value has, never the value.
 */
export function strengthProblems(schema: readonly VarSpec[], values: Readonly<Record<string, unknown>>, mode: Mode): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const spec of schema) {
    if (spec.strength === undefined) continue;
    if (spec.type !== 'string') {
      problems.push({ name: spec.name, message: `${spec.name} declares a strength, but only a string variable may: fix the declaration.` });
      continue;
    }
    const value = values[spec.name];
    if (mode !== 'production' || typeof value !== 'string' || value === '') continue;
    const { minLength, minBits } = spec.strength;
    const length = Array.from(value).length;
    const bits = Math.floor(estimateEntropyBits(value));
    if (length >= minLength && bits >= minBits) continue;
    const given = spec.exposure === 'secret' ? `${length} characters` : maskValue(spec, value);
    problems.push({
      name: spec.name,
      message:
        `${spec.name} is too weak for production: it must be at least ${minLength} characters with about ${minBits} bits of entropy ` +
        `(got ${given}, about ${bits} bits by the toolkit's estimate). ${HOW_TO_MAKE}`,
    });
  }
  return problems;
}
