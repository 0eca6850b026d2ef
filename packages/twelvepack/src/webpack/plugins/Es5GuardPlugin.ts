import { parse, type Position } from 'acorn';
import type { RawSourceMap } from 'source-map-js';
import type { Asset, Compilation, Compiler } from 'webpack';
import { findOriginalPosition } from './findOriginalPosition';
import { PassedAssetCache } from './PassedAssetCache';
import type { Redact } from './redactSecrets';

const NAME = 'twelvepack:Es5GuardPlugin';

/**
 * Proves the ES5 promise: after minification, every emitted `.js` asset must
 * parse with an ES5 parser. A failure fails the build and names the asset, the
 * line and column, the offending code and, through the source map, the module.
 */
export class Es5GuardPlugin {
  private readonly redact: Redact;

  /** @param options.redact the build's redactor: the code snippet is cut from the redacted line, so no part of a secret shows */
  constructor({ redact = (text) => text }: { readonly redact?: Redact } = {}) {
    this.redact = redact;
  }

  apply(compiler: Compiler): void {
    const { Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE }, async () => {
        // Parsing is most of this plugin's cost: content that was proven ES5 before is not parsed again.
        const proven = new PassedAssetCache(compilation, NAME);
        for (const asset of compilation.getAssets()) {
          if (!/\.m?js$/.test(asset.name)) continue;
          if (await proven.hasPassed(asset)) continue;
          const problem = findEs5Problem(asset.source.source().toString(), this.redact);
          if (problem === undefined) {
            await proven.remember(asset);
            continue;
          }
          const origin = findOriginalPosition(sourceMapOf(compilation, asset), problem.line, problem.column);
          const error = new WebpackError(
            `ES5 guard: ${asset.name}:${problem.line}:${problem.column + 1} is not ES5 (${problem.message}).\n` +
              `  code: ${problem.snippet}\n` +
              `  from: ${origin ?? 'unknown module (enable source maps to see it)'}\n` +
              '  Transpile that module to ES5: application code goes through babel-loader; dependencies in node_modules do too, ' +
              "except those twelvepack's src/webpack/createModuleRules.ts lists in NEVER_TRANSPILED. If the module is a dependency, " +
              'check that its package ships plain JavaScript (no syntax Babel cannot parse), or pick a version that does.',
          );
          error.name = 'Es5GuardError';
          error.file = asset.name;
          compilation.errors.push(error);
        }
      });
    });
  }
}

/** Where a script stops being ES5: the parser's message, position and a short snippet. */
export interface Es5Problem {
  /** acorn's message, such as "Unexpected token". */
  readonly message: string;
  /** 1-based line. */
  readonly line: number;
  /** 0-based column. */
  readonly column: number;
  /** Up to 80 characters around the position, cut from the line once redacted. */
  readonly snippet: string;
}

/**
 * Parses code as an ES5 script; returns the first problem, or undefined when it is ES5. The snippet is
 * cut from the line once redacted: cut first, it could end in the middle of a secret and show the rest.
 */
export function findEs5Problem(code: string, redact: Redact = (text) => text): Es5Problem | undefined {
  try {
    parse(code, { ecmaVersion: 5, sourceType: 'script', locations: true });
    return undefined;
  } catch (error) {
    const loc = (error as { loc?: Position }).loc;
    if (loc === undefined) throw error;
    const line = code.split(/\r?\n/)[loc.line - 1] ?? '';
    const text = redact(line);
    const column = redact(line.slice(0, loc.column)).length;
    const start = Math.max(0, column - 30);
    const snippet = `${start > 0 ? '…' : ''}${text.slice(start, column + 50)}${column + 50 < text.length ? '…' : ''}`;
    const message = (error as Error).message.replace(/ \(\d+:\d+\)$/, '');
    return { message, line: loc.line, column: loc.column, snippet };
  }
}

function sourceMapOf(compilation: Compilation, asset: Asset): RawSourceMap | undefined {
  const related = asset.info.related?.sourceMap;
  const mapName = Array.isArray(related) ? related[0] : related;
  const mapAsset = typeof mapName === 'string' ? compilation.getAsset(mapName) : undefined;
  if (mapAsset !== undefined) return JSON.parse(mapAsset.source.source().toString()) as RawSourceMap;
  const inline = asset.source.map();
  return inline === null ? undefined : (inline as unknown as RawSourceMap);
}
