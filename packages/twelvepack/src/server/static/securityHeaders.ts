import { LEGACY_FALLBACK_HASH } from '../../config/legacyFallback';

/**
 * The security headers of a document: a page, or a script run as a worker
 * (whose policy is the one its own response carries). The CSP allows scripts
 * from this origin and, by their hashes, the inline script that carries the
 * runtime config and the one that loads the legacy bundle in older module
 * browsers; never `unsafe-inline`. Styles and connections stay on this
 * origin; nothing may frame the app.
 */
export function securityHeaders(inlineScriptHash: string): Readonly<Record<string, string>> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${inlineScriptHash} ${LEGACY_FALLBACK_HASH}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/**
 * The security headers of a subresource (a script, a style, an image, a font
 * that a page of this origin loads): its type is never sniffed, and no other
 * origin may embed it. A CSP, framing rules and an opener policy mean nothing
 * on a response that is never a document; the referrer policy above is the
 * browsers' default, which a stylesheet's own requests follow without it. And
 * every header costs on every response.
 */
export const SUBRESOURCE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
