import { extname } from 'node:path';

/**
 * What a browser does with a file, which decides the headers it gets:
 * a `document` may be shown, framed or run on its own and gets every security
 * header; the others are subresources of a page, with only the headers that
 * matter for them. A `script` is a document again when it is run as a worker
 * (see isWorkerRequest).
 */
export type ResponseKind = 'document' | 'script' | 'style' | 'image' | 'font';

const SUBRESOURCES: Readonly<Record<string, Exclude<ResponseKind, 'document'>>> = {
  '.js': 'script',
  '.mjs': 'script',
  '.css': 'style',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.gif': 'image',
  '.webp': 'image',
  '.avif': 'image',
  '.ico': 'image',
  '.woff': 'font',
  '.woff2': 'font',
  '.ttf': 'font',
  '.otf': 'font',
};

/**
 * The kind of a file of the build, by its name, and whether the name carries a
 * content hash. Everything not listed is a document: HTML, and also SVG (opened
 * by itself, an SVG is a document that runs its scripts), text, JSON, media and
 * unknown types, since a browser may show them on their own. A script is a
 * subresource only when hashed: a service worker lives at a stable URL, so an
 * unhashed script may be one, and keeps the document's headers. Pure.
 */
export function responseKindOf(file: string, hashed: boolean): ResponseKind {
  const kind = SUBRESOURCES[extname(file).toLowerCase()];
  if (kind === undefined || (kind === 'script' && !hashed)) return 'document';
  return kind;
}
