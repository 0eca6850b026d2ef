import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchTool } from '../BenchTool';
import { legacyBundleEnv } from '../legacyBundleEnv';
import { listFiles } from '../listFiles';
import { PEER_VERSIONS, peerDir, peerModule } from '../installPeers';
import { LEGACY_BROWSERS, MODERN_BROWSERS } from '../../../packages/twelvepack/src/webpack/browserTargets';

const BIN = () => join(peerDir('@rsbuild/core'), 'bin', 'rsbuild.js');

/**
 * The config an Rsbuild user would write for the same job: a pair build is two environments, the modern
 * one and the legacy one (IE 11 among its browsers, so SWC lowers it to ES5), each with core-js polyfills by
 * usage as twelvepack's bundles have them; its persistent cache (performance.buildCache) on, so the warm and
 * one-edit rows have one to use. @rsbuild/plugin-react for the React variant, imported by path from bench/.peers.
 */
function rsbuildConfig(variant: 'plain' | 'react', entry: string): string {
  const react = variant === 'react';
  return `// Written by bench/peers/tools/rsbuildTool.ts: the same app, the same browsers as twelvepack's bundles.
${react ? `import { pluginReact } from ${JSON.stringify(pathToFileURL(peerModule('@rsbuild/plugin-react')).href)};\n` : ''}
const pair = process.env.TWELVEPACK_LEGACY_BUNDLE !== 'false';
const modern = { output: { overrideBrowserslist: ${JSON.stringify(MODERN_BROWSERS)}, distPath: { root: 'dist/modern' } } };
const legacy = { output: { overrideBrowserslist: ${JSON.stringify(LEGACY_BROWSERS)}, distPath: { root: 'dist/legacy' } } };

export default {
  plugins: [${react ? 'pluginReact()' : ''}],
  source: { entry: { index: './${entry}' } },
  html: { template: './public/index.html' },
  output: { polyfill: 'usage' },
  performance: { buildCache: true },
  server: { host: '127.0.0.1', strictPort: true, publicDir: false },
  environments: pair ? { modern, legacy } : { modern },
};
`;
}

/** Rsbuild (Rspack) with its own CLI: `rsbuild build`, `rsbuild dev`. */
export const rsbuildTool: BenchTool = {
  name: 'rsbuild',
  describe: `@rsbuild/core ${PEER_VERSIONS['@rsbuild/core']} (pair builds: two environments) with @rsbuild/plugin-react ${PEER_VERSIONS['@rsbuild/plugin-react']} (the React variant)`,
  scripts: { build: 'rsbuild build', dev: 'rsbuild dev' },
  appFiles: (variant, entry) => ({ 'rsbuild.config.mjs': rsbuildConfig(variant, entry) }),
  build: (modern) => ({ args: [BIN(), 'build'], env: legacyBundleEnv(modern) }),
  // The dev server serves the modern environment alone, as twelvepack's does.
  dev: (port) => ({ args: [BIN(), 'dev', '--port', String(port)], env: legacyBundleEnv(true) }),
  coldPaths: ['node_modules/.cache', 'dist'],
  outDir: 'dist',
  legacyScripts: (app) => listFiles(join(app, 'dist', 'legacy')).filter((file) => file.endsWith('.js')),
};
