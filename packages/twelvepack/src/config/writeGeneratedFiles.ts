import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AnyApp } from '../config/AppManifest';
import { generatedFiles } from '../config/generatedFiles';

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
