import { createHash } from 'node:crypto';
import type { Needle } from './findLeaks';
import { TOKEN_SHAPES, type TokenShape } from './findTokenShapes';

/**
 * What the leak guard's verdicts depend on besides an asset's content, as one
 * digest that keys its cache of clean assets: each form of each value, and each
 * format's pattern. A new secret, a new escaped form or a changed format makes
 * every asset be scanned again. It lands in the build cache, so it is salted
 * and never holds a value in the clear. Pure.
 */
export function leakGuardDigest(salt: string, needles: readonly Needle[], shapes: readonly TokenShape[] = TOKEN_SHAPES): string {
  const hash = createHash('sha256').update(salt);
  const entries = needles.map(({ name, form, bytes }) => `${name}\0${form}\0${bytes.toString('base64')}`).sort();
  for (const entry of entries) hash.update(`\0${entry}`);
  for (const { name, pattern } of shapes) hash.update(`\0${name}\0${pattern.source}\0${pattern.flags}`);
  return hash.digest('base64url');
}
