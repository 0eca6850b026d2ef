import type { SecretValue } from '../../config/collectSecrets';

/** A secret found in a file: the variable's name and the form it took; never the value. */
export interface Leak {
  /** The variable whose value was found. */
  readonly name: string;
  /** raw, JSON-escaped, or URL-encoded. */
  readonly form: string;
}

/**
 * The byte patterns a secret may take once bundled: as written; escaped as in a
 * JSON or JS string, once or nested (webpack inlines JSON as `JSON.parse('…')`,
 * and a `.map` file stores that code inside JSON again); or URL-encoded.
 */
export function secretForms(value: string): ReadonlyMap<string, Buffer> {
  const inJson = jsonEscaped(value);
  const inJsonParse = singleQuoted(inJson);
  const candidates: [string, string][] = [
    ['raw', value],
    ['JSON-escaped', inJson],
    ['JS-escaped', singleQuoted(value)],
    ['inlined JSON', inJsonParse],
    ['JSON-escaped twice', jsonEscaped(inJson)],
    ['inlined JSON in a source map', jsonEscaped(inJsonParse)],
    ['URL-encoded', encodeURIComponent(value)],
  ];
  const forms = new Map<string, Buffer>();
  const seen = new Set<string>();
  for (const [form, text] of candidates) {
    if (seen.has(text)) continue;
    seen.add(text);
    forms.set(form, Buffer.from(text));
  }
  return forms;
}

function jsonEscaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

function singleQuoted(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
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
