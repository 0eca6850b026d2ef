import type { SecretValue } from '../../config/collectSecrets';
import { secretForms } from './secretForms';

/** A secret found in a file: the variable's name and the form it took; never the value. */
export interface Leak {
  /** The variable whose value was found. */
  readonly name: string;
  /** raw, JSON-escaped, base64... (see secretForms). */
  readonly form: string;
}

/** The byte patterns to hunt for, computed once per build: every form of every secret. */
export interface Needle extends Leak {
  readonly bytes: Buffer;
}

/** Every form of every secret, as bytes, in the order findLeaks tries them. Pure. */
export function needlesOf(secrets: readonly SecretValue[]): readonly Needle[] {
  return secrets.flatMap(({ name, value }) => secretForms(value).map(({ form, text }) => ({ name, form, bytes: Buffer.from(text) })));
}

/** Every secret whose value appears in the content, once each, in the first form found. Pure. */
export function findLeaks(content: Buffer, needles: readonly Needle[]): readonly Leak[] {
  const leaks: Leak[] = [];
  const found = new Set<string>();
  for (const { name, form, bytes } of needles) {
    if (found.has(name) || !content.includes(bytes)) continue;
    found.add(name);
    leaks.push({ name, form });
  }
  return leaks;
}
