/** One row of the after-build table. */
export interface SizeRow {
  /** The file, relative to the output folder. */
  readonly file: string;
  /** Bytes as written. */
  readonly raw: number;
  /** Bytes after gzip, as most browsers will download it. */
  readonly gzip: number;
}

/** `12.3 kB`, as create-react-app prints sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

/** The table printed after a production build, largest gzip first. Pure. */
export function formatSizeTable(rows: readonly SizeRow[], outDir: string): string {
  const sorted = [...rows].sort((a, b) => b.gzip - a.gzip || a.file.localeCompare(b.file));
  const cells = sorted.map((row) => [formatBytes(row.gzip), formatBytes(row.raw), row.file]);
  const header = ['gzip', 'raw', `file (in ${outDir})`];
  const widths = [0, 1].map((i) => Math.max(header[i]!.length, ...cells.map((cell) => cell[i]!.length)));
  const line = (cell: readonly string[]) => `  ${cell[0]!.padStart(widths[0]!)}  ${cell[1]!.padStart(widths[1]!)}  ${cell[2]}`;
  return [line(header), ...cells.map(line)].join('\n');
}
