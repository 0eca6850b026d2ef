import { EsVersionGuardPlugin } from '../plugins/EsVersionGuardPlugin';
import type { BrowserPart } from './BrowserPart';

/** The proof that every script parses at the bundle's ECMAScript version: for what ships (development skips it to stay fast). */
export const proofsPart: BrowserPart = (plan, { redact }) => {
  if (!plan.ships) return {};
  return { plugins: [new EsVersionGuardPlugin({ redact, ecmaVersion: plan.ecmaVersion, sourceType: plan.bundle === 'modern' ? 'module' : 'script' })] };
};
