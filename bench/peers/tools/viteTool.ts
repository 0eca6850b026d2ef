import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchTool } from '../BenchTool';
import { legacyBundleEnv } from '../legacyBundleEnv';
import { listFiles } from '../listFiles';
import { PEER_VERSIONS, peerDir, peerModule } from '../installPeers';
import { LEGACY_BROWSERS, MODERN_BROWSERS } from '../../../packages/twelvepack/src/webpack/browserTargets';

const BIN = () => join(peerDir('vite'), 'bin', 'vite.js');

/**
 * The config a Vite user would write for the same job: @vitejs/plugin-react for the React variant, and
 * @vitejs/plugin-legacy with twelvepack's two sets of browsers, its modern polyfills on (twelvepack's
 * modern bundle has them by usage); for the modern bundle alone, the same plugin without legacy chunks,
 * so that bundle has its polyfills too. The plugin sets the modern build's target from modernTargets.
 * The plugins are imported by path from bench/.peers.
 */
function viteConfig(variant: 'plain' | 'react'): string {
  const url = (specifier: string) => JSON.stringify(pathToFileURL(peerModule(specifier)).href);
  const react = variant === 'react';
  return `// Written by bench/peers/tools/viteTool.ts: the same app, the same browsers as twelvepack's bundles.
${react ? `import react from ${url('@vitejs/plugin-react')};\n` : ''}import legacy from ${url('@vitejs/plugin-legacy')};

const pair = process.env.TWELVEPACK_LEGACY_BUNDLE !== 'false';

export default {
  // public/index.html is the page's template for the other tools; Vite's page is ./index.html.
  publicDir: false,
  build: { outDir: 'dist', emptyOutDir: true },
  server: { host: '127.0.0.1', strictPort: true },
  plugins: [
    ${react ? 'react(),' : ''}
    legacy({ targets: ${JSON.stringify(LEGACY_BROWSERS)}, modernTargets: ${JSON.stringify(MODERN_BROWSERS)}, modernPolyfills: true, renderLegacyChunks: pair }),
  ],
};
`;
}

/** Vite (Rolldown) with its own CLI: `vite build`, `vite`. */
export const viteTool: BenchTool = {
  name: 'vite',
  describe: `vite ${PEER_VERSIONS.vite} with @vitejs/plugin-legacy ${PEER_VERSIONS['@vitejs/plugin-legacy']} (legacy chunks in pair builds, modern polyfills in all) and @vitejs/plugin-react ${PEER_VERSIONS['@vitejs/plugin-react']} (the React variant)`,
  scripts: { build: 'vite build', dev: 'vite' },
  appFiles: (variant, entry) => ({
    'vite.config.mjs': viteConfig(variant),
    'index.html': `<!doctype html><html><head><title>A generated app</title></head><body><div id="app"></div><script type="module" src="/${entry}"></script></body></html>\n`,
  }),
  build: (modern) => ({ args: [BIN(), 'build'], env: legacyBundleEnv(modern) }),
  dev: (port) => ({ args: [BIN(), '--port', String(port)], env: {} }),
  coldPaths: ['node_modules/.vite', 'dist'],
  outDir: 'dist',
  legacyScripts: (app) => listFiles(join(app, 'dist')).filter((file) => /-legacy-[\w-]+\.js$/.test(file)),
};
