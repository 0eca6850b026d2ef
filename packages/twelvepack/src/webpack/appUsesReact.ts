import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Whether the app in `root` renders with React: its package.json depends on react-dom (a dev dependency counts). */
export function appUsesReact(root: string): boolean {
  let pkg: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  try {
    pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as typeof pkg;
  } catch {
    return false;
  }
  return pkg.dependencies?.['react-dom'] !== undefined || pkg.devDependencies?.['react-dom'] !== undefined;
}
