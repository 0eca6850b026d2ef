import { gzipSync } from 'node:zlib';
import type { Compiler } from 'webpack';
import { formatSizeTable, type SizeRow } from './formatSizeTable';
import { rememberPerContent } from './rememberPerContent';

const NAME = 'twelvepack:SizeReportPlugin';
const REPORTED = /\.(js|css|html)$/;

/** After a successful build, prints the files a browser downloads with their raw and gzip sizes. */
export class SizeReportPlugin {
  private readonly write: (text: string) => void;
  private readonly shownDir: string | undefined;
  private readonly what: string | undefined;

  /**
   * @param write where the table goes (stdout by default)
   * @param shownDir the folder the table names: where the files end up (the build's output folder by default; a staging folder is renamed)
   * @param what what was built, when a build has more than one table ("the legacy bundle")
   */
  constructor(write: (text: string) => void = (text) => process.stdout.write(text), shownDir?: string, what?: string) {
    this.write = write;
    this.shownDir = shownDir;
    this.what = what;
  }

  apply(compiler: Compiler): void {
    const { Compilation } = compiler.webpack;
    let rows: SizeRow[] = [];
    // Sizes are taken while the sources are in memory; after emit webpack keeps only their sizes.
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, async () => {
        // Gzip at level 9 is the costly part: measured once per content (see rememberPerContent).
        const cache = compilation.getCache(NAME);
        const reported = compilation.getAssets().filter((asset) => REPORTED.test(asset.name));
        rows = await Promise.all(
          reported.map(async (asset) => ({
            file: asset.name,
            raw: asset.source.size(),
            gzip: await rememberPerContent(cache, asset, () => gzipSync(asset.source.buffer(), { level: 9 }).length),
          })),
        );
      });
    });
    compiler.hooks.done.tap(NAME, (stats) => {
      if (stats.hasErrors()) return;
      const seconds = ((stats.endTime - stats.startTime) / 1000).toFixed(1);
      this.write(`\nBuilt ${this.what === undefined ? '' : `${this.what} `}in ${seconds} s. File sizes:\n\n${formatSizeTable(rows, this.shownDir ?? compiler.outputPath)}\n\n`);
    });
  }
}
