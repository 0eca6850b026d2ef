import type { VarSpec } from './schema';

/**
 * Quotes a value for an error message, unless the variable is secret: then only
 * its length is shown, so a typo report never prints a credential.
 */
export function maskValue(spec: Pick<VarSpec, 'exposure'>, value: string): string {
  if (spec.exposure === 'secret') return `a secret value of ${value.length} characters, not shown`;
  return JSON.stringify(value);
}
