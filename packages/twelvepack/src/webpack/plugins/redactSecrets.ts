import type { SecretValue } from '../../config/collectSecrets';
import { TOKEN_SHAPES } from './findTokenShapes';
import { secretForms } from './secretForms';

/** Rewrites a text so it holds no secret: each known value, in any of its forms, and each well-known token. */
export type Redact = (text: string) => string;

/**
 * The one redaction every message the build prints goes through: each form
 * of each secret (see secretForms) becomes `[secret NAME]`, and each token of
 * a well-known format becomes `[secret <format>]`. Longer forms are replaced
 * first, so a secret that contains another is replaced whole. Pure.
 */
export function createRedactor(secrets: readonly SecretValue[]): Redact {
  const nameOf = new Map<string, string>();
  for (const { name, value } of secrets) {
    for (const { text } of secretForms(value)) if (!nameOf.has(text)) nameOf.set(text, name);
  }
  const texts = [...nameOf.keys()].sort((a, b) => b.length - a.length);
  const known = texts.length === 0 ? undefined : new RegExp(texts.map(escapeRegExp).join('|'), 'g');
  return (text) => {
    let redacted = known === undefined ? text : text.replace(known, (match) => `[secret ${nameOf.get(match)}]`);
    for (const { name, pattern } of TOKEN_SHAPES) redacted = redacted.replace(pattern, () => `[secret ${name}]`);
    return redacted;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
