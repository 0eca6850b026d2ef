import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AnyApp } from './AppManifest';
import { generatedFiles, staleGeneratedFiles } from './generatedFiles';

/** `twelvepack env:example`: writes `.env.example` and the browser types from the declarations; returns what it wrote. */
export function writeGeneratedFiles(app: AnyApp, root: string): string[] {
  const written: string[] = [];
  for (const [file, content] of generatedFiles(app)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
    written.push(file);
  }
  return written;
}

/** Rewrites only the generated files that are stale (the dev server does, when src/app.ts changed); returns them. */
export function refreshGeneratedFiles(app: AnyApp, root: string): string[] {
  const stale = staleGeneratedFiles(app, root);
  if (stale.length === 0) return [];
  return writeGeneratedFiles(app, root).filter((file) => stale.includes(file));
}
