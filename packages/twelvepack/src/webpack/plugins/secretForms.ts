/** One way a secret value may be written in an emitted file or a message. */
export interface SecretForm {
  /** What the form is, safe to print: raw, JSON-escaped, base64... */
  readonly form: string;
  /** The value written that way: never print it. */
  readonly text: string;
}

/**
 * The forms a secret may take once bundled, each once: as written; escaped as
 * in a JSON or JS string, once or nested (webpack inlines JSON as
 * `JSON.parse('…')`, and a `.map` file stores that code inside JSON again);
 * URL-encoded; and base64-encoded, standard and URL-safe, at each of the three
 * byte alignments, so the value is found inside a larger base64 blob too
 * (a data: URL, a Basic auth header, an encoded JSON document). Pure.
 */
export function secretForms(value: string): readonly SecretForm[] {
  const inJson = jsonEscaped(value);
  const inJsonParse = singleQuoted(inJson);
  const candidates: SecretForm[] = [
    { form: 'raw', text: value },
    { form: 'JSON-escaped', text: inJson },
    { form: 'JS-escaped', text: singleQuoted(value) },
    { form: 'inlined JSON', text: inJsonParse },
    { form: 'JSON-escaped twice', text: jsonEscaped(inJson) },
    { form: 'inlined JSON in a source map', text: jsonEscaped(inJsonParse) },
    { form: 'URL-encoded', text: encodeURIComponent(value) },
    ...base64Forms(value),
  ];
  const seen = new Set<string>();
  return candidates.filter(({ text }) => text !== '' && !seen.has(text) && seen.add(text));
}

function jsonEscaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

function singleQuoted(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}

/**
 * Base64 turns 3 bytes into 4 characters, so the value's characters depend on
 * where it starts in the encoded data. For each of the 3 offsets, encode the
 * value behind that many filler bytes and keep only the characters the value
 * alone decides: drop the ones that mix in filler before it or unknown bytes
 * after it. Each is a substring of any base64 text that encodes the value there.
 */
function base64Forms(value: string): SecretForm[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms: SecretForm[] = [];
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64').replace(/=+$/, '');
    const head = offset === 0 ? 0 : offset + 1;
    const tail = (offset + bytes.length) % 3 === 0 ? 0 : 1;
    const core = encoded.slice(head, encoded.length - tail);
    forms.push({ form: 'base64', text: core }, { form: 'base64url', text: core.replace(/\+/g, '-').replace(/\//g, '_') });
  }
  return forms;
}
