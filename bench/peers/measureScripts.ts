import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'acorn';
import { listFiles } from './listFiles';

/** The scripts a build emitted for the browser: every .js file under its output folder, raw and gzipped (level 9). */
export function scriptSizes(outDir: string): { jsRawBytes: number; jsGzipBytes: number } {
  let jsRawBytes = 0;
  let jsGzipBytes = 0;
  for (const file of listFiles(outDir).filter((path) => path.endsWith('.js'))) {
    const bytes = readFileSync(file);
    jsRawBytes += bytes.length;
    jsGzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { jsRawBytes, jsGzipBytes };
}

/** Whether every script parses as ECMAScript 5 (acorn, as a classic script), and the first that does not. */
export function checkEs5(files: readonly string[], base: string): { es5: boolean; problem?: string } {
  if (files.length === 0) return { es5: false, problem: 'no legacy scripts were emitted' };
  for (const file of files) {
    try {
      parse(readFileSync(file, 'utf8'), { ecmaVersion: 5, sourceType: 'script' });
    } catch (error) {
      return { es5: false, problem: `${relative(base, file)}: ${(error as Error).message}` };
    }
  }
  return { es5: true };
}

