import type { SecretValue } from '../config/collectSecrets';

/** A secret found in a file: the variable's name and the form it took; never the value. */
export interface Leak {
  /** The variable whose value was found. */
  readonly name: string;
  /** raw, JSON-escaped, or URL-encoded. */
  readonly form: string;
}

/**
 * The byte patterns a secret may take once bundled: as written, escaped inside a
 * JSON or JS string literal, or URL-encoded.
 */
export function secretForms(value: string): ReadonlyMap<string, Buffer> {
  const forms = new Map<string, Buffer>([['raw', Buffer.from(value)]]);
  const json = JSON.stringify(value).slice(1, -1);
  if (json !== value) forms.set('JSON-escaped', Buffer.from(json));
  const singleQuoted = value.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  if (singleQuoted !== value && singleQuoted !== json) forms.set('JS-escaped', Buffer.from(singleQuoted));
  const encoded = encodeURIComponent(value);
  if (encoded !== value) forms.set('URL-encoded', Buffer.from(encoded));
  return forms;
}

/** Every secret whose value appears in the content, in any of its forms. Pure. */
export function findLeaks(content: Buffer, secrets: readonly SecretValue[]): readonly Leak[] {
  const leaks: Leak[] = [];
  for (const { name, value } of secrets) {
    for (const [form, bytes] of secretForms(value)) {
      if (content.includes(bytes)) {
        leaks.push({ name, form });
        break;
      }
    }
  }
  return leaks;
}
