import type { SecretValue } from '../config/collectSecrets';

/** What the dev server sends its server-build process: what to build, then when to stop. */
export type ToServerBuild =
  | {
      readonly kind: 'watch';
      readonly root: string;
      readonly outDir: string;
      readonly manifest: string;
      readonly secrets: readonly SecretValue[];
      /** The manifest declares a webpack hook: load it, and build through it. */
      readonly appHook?: boolean;
    }
  | { readonly kind: 'close' };

/** What the server-build process reports after each build: done, or failed with webpack's (redacted) errors. */
export type FromServerBuild = { readonly kind: 'built' } | { readonly kind: 'failed'; readonly message: string };
