// What imports of assets (`./logo.svg`: its URL) and CSS modules (`./App.module.css`: its class map) give.
/// <reference types="twelvepack/assets" />

// Browser code sees only the public variables, each by name: a misspelt or
// non-public name is a type error here and a build error in the toolkit.
import type { PublicEnv } from 'twelvepack/client';

declare global {
  const process: { readonly env: PublicEnv };
  interface ImportMeta {
    /** webpack's hot module replacement under `npm run dev`; undefined in a production build. */
    readonly webpackHot?: { accept(): void; dispose(callback: () => void): void };
  }
}
