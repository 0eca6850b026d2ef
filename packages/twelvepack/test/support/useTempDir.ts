import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temp folder per test (removed after it), and a way to write files into it. */
export function useTempDir(prefix: string): { path(): string; write(files: Record<string, string>): void } {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    path: () => dir,
    write: (files) => {
      for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    },
  };
}
