import { gzipSync } from 'node:zlib';
import type { Compiler } from 'webpack';
import { formatSizeTable, type SizeRow } from './formatSizeTable';

const NAME = 'twelvepack:SizeReportPlugin';
const REPORTED = /\.(js|css|html)$/;

/** After a successful build, prints the files a browser downloads with their raw and gzip sizes. */
export class SizeReportPlugin {
  private readonly write: (text: string) => void;

  /** @param write where the table goes (stdout by default) */
  constructor(write: (text: string) => void = (text) => process.stdout.write(text)) {
    this.write = write;
  }

  apply(compiler: Compiler): void {
    const { Compilation } = compiler.webpack;
    let rows: SizeRow[] = [];
    // Sizes are taken while the sources are in memory; after emit webpack keeps only their sizes.
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        rows = compilation
          .getAssets()
          .filter((asset) => REPORTED.test(asset.name))
          .map((asset) => {
            const content = asset.source.buffer();
            return { file: asset.name, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
          });
      });
    });
    compiler.hooks.done.tap(NAME, (stats) => {
      if (stats.hasErrors()) return;
      const seconds = ((stats.endTime - stats.startTime) / 1000).toFixed(1);
      this.write(`\nBuilt in ${seconds} s. File sizes:\n\n${formatSizeTable(rows, compiler.outputPath)}\n\n`);
    });
  }
}
