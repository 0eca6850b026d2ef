import CompressionPlugin from 'compression-webpack-plugin';
import { MANIFEST_FILE } from '../plugins/AssetManifestPlugin';
import type { BrowserPart } from './BrowserPart';

/** Files above this size get `.br` and `.gz` siblings; smaller ones gain too little. */
const COMPRESS_THRESHOLD = 1024;
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|xml|wasm|ico)$/;

/** Precompressed siblings of what ships, for the server to send as they are. */
export const compressionPart: BrowserPart = (plan) => {
  if (!plan.ships) return {};
  const common = { test: COMPRESSIBLE, exclude: MANIFEST_FILE, threshold: COMPRESS_THRESHOLD, minRatio: 0.9 };
  return {
    plugins: [
      new CompressionPlugin({ ...common, algorithm: 'gzip', filename: '[path][base].gz', compressionOptions: { level: 9 } }),
      new CompressionPlugin({ ...common, algorithm: 'brotliCompress', filename: '[path][base].br' }),
    ],
  };
};
