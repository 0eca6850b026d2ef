import { randomBytes } from 'node:crypto';

/** Ids one prefix serves: the counter's 12 hex digits (48 bits), the UUID's last group. */
const IDS_PER_PREFIX = 2 ** 48;

/**
 * A source of request ids: RFC 9562 UUIDs of version 8 (the layout is ours),
 * 74 random bits drawn once per call of this factory (once per process), then
 * a 48-bit counter. Unique across workers, machines and restarts, since each
 * process draws its own bits (two of a million processes share them with a
 * chance near 3·10⁻¹¹), and within a process, where the counter never repeats
 * under one prefix. A counter and a concatenation instead of `randomUUID()`'s
 * 16 random bytes formatted per request, and still a UUID, so
 * whatever stores request ids as UUIDs keeps working.
 */
export function createRequestIds(): () => string {
  let prefix = drawPrefix();
  let counter = 0;
  return () => {
    counter += 1;
    if (counter === IDS_PER_PREFIX) {
      prefix = drawPrefix();
      counter = 1;
    }
    return prefix + counter.toString(16).padStart(12, '0');
  };
}

/** `xxxxxxxx-xxxx-8xxx-vxxx-`: random hex, version 8, and the variant bits (10) topping the fourth group. */
function drawPrefix(): string {
  const random = randomBytes(10).toString('hex');
  const variant = (0x8 | (parseInt(random[15]!, 16) & 0x3)).toString(16);
  return `${random.slice(0, 8)}-${random.slice(8, 12)}-8${random.slice(12, 15)}-${variant}${random.slice(16, 19)}-`;
}
