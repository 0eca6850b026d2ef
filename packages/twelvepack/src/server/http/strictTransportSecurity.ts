/** HSTS, sent only when the request came over HTTPS (directly or through a trusted proxy). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';
