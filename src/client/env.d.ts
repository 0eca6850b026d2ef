// What imports of assets (an SVG: its URL) and stylesheets (a CSS module: its class map) give.
/// <reference types="twelvepack/assets" />

// Browser code sees only the public variables, each by name: a misspelt or
// non-public name is a type error here and a build error in PublicEnvPlugin.
import type { PublicEnv } from 'twelvepack/client';

declare global {
  const process: { readonly env: PublicEnv };
}
