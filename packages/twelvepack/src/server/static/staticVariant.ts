import type { StaticVariant } from './loadStaticTable';

/** A variant from its body, ETag and complete headers, with the flat list and the `200` answer made once. Pure. */
export function staticVariant(body: Buffer, etag: string, headers: Readonly<Record<string, string>>): StaticVariant {
  const headerList = Object.entries(headers).flat();
  return { body, etag, headers, headerList, answer: { status: 200, headers: headerList, body } };
}
