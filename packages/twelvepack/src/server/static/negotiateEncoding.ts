/** Content codings we precompress, in the order we prefer them at equal q. */
export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * Picks the best available coding for an `Accept-Encoding` header (RFC 9110
 * §12.5.3): q-values honoured, `q=0` refuses, `*` covers codings not named,
 * identity is acceptable unless refused. Ties go to the smaller file (br).
 * Pure. Returns undefined when nothing acceptable is available (406).
 */
export function negotiateEncoding(header: string | undefined, available: readonly Encoding[]): Encoding | undefined {
  if (header === undefined || header.trim() === '') return available.includes('identity') ? 'identity' : undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.trim().split(';');
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    let q: number | undefined = 1;
    for (const param of params) {
      if (!/^\s*q\s*=/i.test(param)) continue;
      // RFC 9110 qvalue: 0, 0.xxx, 1 or 1.000. Anything else makes the element unusable.
      const match = /^\s*q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*$/i.exec(param);
      q = match ? Number(match[1]) : undefined;
    }
    if (q !== undefined) weights.set(name === 'x-gzip' ? 'gzip' : name, q);
  }
  const star = weights.get('*');
  const weightOf = (coding: Encoding): number => {
    const named = weights.get(coding);
    if (named !== undefined) return named;
    if (star !== undefined) return star;
    return coding === 'identity' ? 0.001 : 0;
  };
  let best: Encoding | undefined;
  let bestWeight = 0;
  for (const coding of ['br', 'gzip', 'identity'] as const) {
    if (!available.includes(coding)) continue;
    const weight = weightOf(coding);
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  return best;
}
