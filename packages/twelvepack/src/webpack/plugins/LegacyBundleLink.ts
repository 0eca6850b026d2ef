import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Compilation, Compiler, WebpackPluginInstance } from 'webpack';
import type { ManifestEntry } from '../../config/AssetManifest';
import { LEGACY_FALLBACK_SCRIPT, MODERN_GATE } from '../../config/legacyFallback';
import { collectManifest } from './AssetManifestPlugin';

const NAME = 'twelvepack:LegacyBundleLink';

/** What the legacy compilation hands the modern one once its assets are final. */
export interface LegacyBundle {
  /** Each page's (entry's) legacy scripts, in the order they must run, by entry name. */
  readonly scripts: ReadonlyMap<string, readonly string[]>;
  /** Its files, as the asset manifest lists them (compressed siblings included). */
  readonly files: Readonly<Record<string, ManifestEntry>>;
}

/**
 * Joins the two client compilations of one build, which webpack runs side by side in one process:
 * the legacy one hands over its scripts and manifest entries (`provider`), and the modern one, which
 * writes the pages and the manifest, waits for them (`consumer`) to add the `<script nomodule>`
 * tags (and the fallback for module browsers older than the modern targets: src/config/legacyFallback.ts)
 * and to list the legacy files. The modern compilation waits only at its end (pages and
 * manifest), so the two compile at the same time. When the legacy compilation fails, the modern one
 * goes on without it: the build fails on the legacy errors, and nothing is swapped in.
 */
export class LegacyBundleLink {
  private result: Promise<LegacyBundle | undefined>;
  private settle: (bundle: LegacyBundle | undefined) => void = () => undefined;
  private provided = false;

  constructor() {
    this.result = this.reset();
  }

  /** The plugin of the legacy compilation. */
  provider(): WebpackPluginInstance {
    return {
      apply: (compiler: Compiler) => {
        this.provided = true;
        const { Compilation } = compiler.webpack;
        // A second run (a test's, or watch mode) hands over its own result.
        compiler.hooks.beforeRun.tap(NAME, () => void (this.result = this.reset()));
        compiler.hooks.watchRun.tap(NAME, () => void (this.result = this.reset()));
        compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
          // After compression (its siblings are in the manifest) and after the proofs.
          compilation.hooks.processAssets.tapPromise({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, async () => {
            this.settle({ scripts: entryScripts(compilation), files: (await collectManifest(compilation)).files });
          });
        });
        // Settled either way, so the modern compilation never waits for a build that stopped.
        compiler.hooks.done.tap(NAME, () => this.settle(undefined));
        compiler.hooks.failed.tap(NAME, () => this.settle(undefined));
      },
    };
  }

  /**
   * The plugin of the modern compilation: the gate at the start of its runtime, and in each page, after
   * its module scripts, the fallback and its legacy scripts.
   * @param pageOfHtml each page's HTML file name (as HtmlWebpackPlugin writes it) and its entry name
   */
  consumer(pageOfHtml: ReadonlyMap<string, string>): WebpackPluginInstance {
    return {
      apply: (compiler: Compiler) => {
        const { Compilation, sources } = compiler.webpack;
        compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
          // After minification (which would fold the gate away), before source maps and the real content hashes.
          compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 }, () => {
            for (const chunk of compilation.chunks) {
              if (!chunk.hasRuntime()) continue;
              for (const file of chunk.files) {
                if (file.endsWith('.js')) compilation.updateAsset(file, (source) => new sources.ConcatSource(MODERN_GATE, source));
              }
            }
          });
          HtmlWebpackPlugin.getHooks(compilation).alterAssetTags.tapPromise(NAME, async (data) => {
            const legacy = await this.legacy();
            const page = pageOfHtml.get(data.outputName);
            const scripts = (page === undefined ? undefined : legacy?.scripts.get(page)) ?? [];
            if (scripts.length === 0) return data;
            data.assetTags.scripts.push(HtmlWebpackPlugin.createHtmlTagObject('script', { type: 'module' }, LEGACY_FALLBACK_SCRIPT));
            for (const file of scripts) {
              data.assetTags.scripts.push(HtmlWebpackPlugin.createHtmlTagObject('script', { defer: true, nomodule: true, src: data.publicPath + file }));
            }
            return data;
          });
        });
      },
    };
  }

  /** The legacy compilation's result, once it has one; undefined when it failed. */
  async legacy(): Promise<LegacyBundle | undefined> {
    if (!this.provided) {
      throw new Error(
        'twelvepack: the modern client build waits for a legacy one, but none was built with it. Build the configurations ' +
          'createClientWebpackConfigs returns together, in one webpack() call.',
      );
    }
    return this.result;
  }

  private reset(): Promise<LegacyBundle | undefined> {
    let settled = false;
    return new Promise((resolve) => {
      this.settle = (bundle) => {
        if (settled) return;
        settled = true;
        resolve(bundle);
      };
    });
  }
}

/** Each entry's `.js` files, in the order its page loads them (the runtime first). */
function entryScripts(compilation: Compilation): Map<string, string[]> {
  return new Map([...compilation.entrypoints].map(([name, entrypoint]) => [name, entrypoint.getFiles().filter((file) => file.endsWith('.js'))]));
}
