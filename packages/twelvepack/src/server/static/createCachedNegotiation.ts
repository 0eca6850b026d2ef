import { negotiateEncoding, type Encoding } from './negotiateEncoding';

/** Distinct Accept-Encoding values remembered; browsers send a handful, so this only bounds hostile variety. */
const CACHE_SIZE = 256;
/** Longer values are negotiated every time, so a cache stays small (256 × 256 characters at most, per set of encodings). */
const MAX_CACHED_HEADER = 256;

/**
 * {@link negotiateEncoding}, remembered: the static handler asks it on every
 * request with the few Accept-Encoding values browsers send, so each answer is
 * worked out once.
 */
export function createCachedNegotiation(): (header: string | undefined, available: readonly Encoding[]) => Encoding | undefined {
  // Per set of available encodings, Accept-Encoding → the answer. Entries with the same set share one cache;
  // each entry's list (built once at boot) finds it by identity, so a request joins no strings.
  const answersBySet = new Map<string, Map<string, Encoding | undefined>>();
  const answersByList = new WeakMap<readonly Encoding[], Map<string, Encoding | undefined>>();
  return (header: string | undefined, available: readonly Encoding[]): Encoding | undefined => {
    if (header === undefined || header.length > MAX_CACHED_HEADER) return negotiateEncoding(header, available);
    let answers = answersByList.get(available);
    if (answers === undefined) {
      const set = [...available].sort().join();
      answers = answersBySet.get(set) ?? new Map<string, Encoding | undefined>();
      answersBySet.set(set, answers);
      answersByList.set(available, answers);
    }
    const known = answers.get(header);
    if (known !== undefined || answers.has(header)) return known;
    if (answers.size >= CACHE_SIZE) answers.clear();
    const encoding = negotiateEncoding(header, available);
    answers.set(header, encoding);
    return encoding;
  };
}
