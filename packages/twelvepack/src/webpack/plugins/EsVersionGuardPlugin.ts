import { parse, type Position } from 'acorn';
import type { RawSourceMap } from 'source-map-js';
import type { Asset, Compilation, Compiler } from 'webpack';
import { findOriginalPosition } from './findOriginalPosition';
import { PassedAssetCache } from './PassedAssetCache';
import type { Redact } from './redactSecrets';

const NAME = 'twelvepack:EsVersionGuardPlugin';

/** The level a bundle's scripts are proven at: an ECMAScript version, and how the browser parses them. */
export interface SyntaxLevel {
  /** 5 for the legacy bundle, 2020 for the modern one (src/webpack/browserTargets.js). */
  readonly ecmaVersion?: 5 | 2020;
  /** `module` for scripts loaded with `<script type="module">`: strict mode's syntax rules too. */
  readonly sourceType?: 'script' | 'module';
}

/**
 * Proves each bundle's promise: after minification, every emitted `.js` asset
 * must parse at the bundle's ECMAScript version (ES5 scripts for the legacy
 * bundle, ES2020 modules for the modern one). A failure fails the build and
 * names the asset, the line and column, the offending code and, through the
 * source map, the module.
 */
export class EsVersionGuardPlugin {
  private readonly redact: Redact;
  private readonly level: Required<SyntaxLevel>;

  /**
   * @param options.redact the build's redactor: the code snippet is cut from the redacted line, so no part of a secret shows
   * @param options.ecmaVersion, options.sourceType the level (ES5 scripts by default)
   */
  constructor({ redact = (text) => text, ecmaVersion = 5, sourceType = 'script' }: SyntaxLevel & { readonly redact?: Redact } = {}) {
    this.redact = redact;
    this.level = { ecmaVersion, sourceType };
  }

  apply(compiler: Compiler): void {
    const { Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE }, async () => {
        // Parsing is most of this plugin's cost: content that was proven at this level before is not parsed again.
        const proven = new PassedAssetCache(compilation, `${NAME}:${this.level.ecmaVersion}:${this.level.sourceType}`);
        for (const asset of compilation.getAssets()) {
          if (!/\.m?js$/.test(asset.name)) continue;
          if (await proven.hasPassed(asset)) continue;
          const problem = findSyntaxProblem(asset.source.source().toString(), this.level, this.redact);
          if (problem === undefined) {
            await proven.remember(asset);
            continue;
          }
          const origin = findOriginalPosition(sourceMapOf(compilation, asset), problem.line, problem.column);
          const level = `ES${this.level.ecmaVersion}`;
          const error = new WebpackError(
            `${level} guard: ${asset.name}:${problem.line}:${problem.column + 1} is not ${level}${this.level.sourceType === 'module' ? ' (as a module script)' : ''} (${problem.message}).\n` +
              `  code: ${problem.snippet}\n` +
              `  from: ${origin ?? 'unknown module (enable source maps to see it)'}\n` +
              `  Transpile that module to ${level}: application code goes through babel-loader; dependencies in node_modules do too, ` +
              "except those twelvepack's src/webpack/createModuleRules.ts lists in NEVER_TRANSPILED. If the module is a dependency, " +
              'check that its package ships plain JavaScript (no syntax Babel cannot parse), or pick a version that does.',
          );
          error.name = 'EsVersionGuardError';
          error.file = asset.name;
          compilation.errors.push(error);
        }
      });
    });
  }
}

/** Where a script stops being at its level: the parser's message, position and a short snippet. */
export interface SyntaxProblem {
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
 * Parses code at a level (an ES5 script by default); returns the first problem, or undefined when it parses.
 * The snippet is cut from the line once redacted: cut first, it could end in the middle of a secret and show the rest.
 */
export function findSyntaxProblem(code: string, { ecmaVersion = 5, sourceType = 'script' }: SyntaxLevel = {}, redact: Redact = (text) => text): SyntaxProblem | undefined {
  try {
    parse(code, { ecmaVersion, sourceType, locations: true });
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
