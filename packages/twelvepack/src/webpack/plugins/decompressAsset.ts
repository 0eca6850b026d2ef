import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** What the leak guard scans in a file, and why it is the raw bytes when it had to be. */
export interface ScannedContent {
  /** The decompressed content of a `.gz`/`.br` file; the file as it is otherwise, or when it does not decompress. */
  readonly content: Buffer;
  /** Set when a `.gz`/`.br` file did not decompress: a warning naming the file, and what to do. */
  readonly problem?: string;
}

/** More than any real asset holds; a file that claims more is scanned as it is instead of filling the memory. */
const MAX_DECOMPRESSED_BYTES = 512 * 1024 * 1024;

const FORMATS = [
  { suffix: '.gz', label: 'gzip', decompress: gunzipSync, fix: 'gzip -9 -k' },
  { suffix: '.br', label: 'Brotli', decompress: brotliDecompressSync, fix: 'brotli -k' },
] as const;

/**
 * The bytes of an asset to scan for secrets. A file named `.gz` or `.br` is
 * decompressed (the compression plugins' siblings, or a pre-compressed file
 * in public/); one that is not that format (a misnamed file, a truncated
 * download) is not an error of the build, but it must not hide anything: its
 * raw bytes are scanned, and the problem names it.
 */
export function decompressAsset(name: string, raw: Buffer): ScannedContent {
  const format = FORMATS.find(({ suffix }) => name.endsWith(suffix));
  if (format === undefined) return { content: raw };
  try {
    return { content: format.decompress(raw, { maxOutputLength: MAX_DECOMPRESSED_BYTES }) };
  } catch (error) {
    const reason = (error as Error).message;
    return {
      content: raw,
      problem:
        `Leak guard: ${name} does not decompress as ${format.label} (${reason}), so it was scanned as it is. ` +
        `If it is meant to be compressed, compress it again (${format.fix} <file>); if it is not ${format.label} data, give it a name without ${format.suffix}.`,
    };
  }
}
