import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyApp } from './AppManifest';
import { formatEnvExample } from './formatEnvExample';
import { formatPublicEnvTypes, PUBLIC_ENV_TYPES_FILE } from './formatPublicEnvTypes';
import { schema as toolkitSchema } from './schema';

/** Where `.env.example` lives, relative to the app's folder. */
export const ENV_EXAMPLE_FILE = '.env.example';

/** The files made from the declarations (the toolkit's variables and the app's), by path relative to the app's folder. */
export function generatedFiles(app: Pick<AnyApp, 'variables'>): ReadonlyMap<string, string> {
  const schema = [...toolkitSchema, ...app.variables];
  return new Map([
    [ENV_EXAMPLE_FILE, formatEnvExample(schema)],
    [PUBLIC_ENV_TYPES_FILE, formatPublicEnvTypes(schema)],
  ]);
}

/** The generated files that are missing or differ from the declarations (empty when all are current). */
export function staleGeneratedFiles(app: Pick<AnyApp, 'variables'>, root: string): string[] {
  return [...generatedFiles(app)].filter(([file, content]) => readOrUndefined(join(root, file)) !== content).map(([file]) => file);
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
