import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { envFileNames } from './envFileNames';
import { expandEnv } from './expandEnv';
import type { Mode } from './parseConfig';

/** The environment as the build and the server see it. */
export interface LoadedEnv {
  /** Every value: `.env` files expanded and merged, then the real environment on top. */
  readonly values: Readonly<Record<string, string | undefined>>;
  /** Names that came from a `.env` file (and not from the environment), with the file. */
  readonly fromFiles: ReadonlyMap<string, string>;
  /** For file values that used `${}`, the names they referred to. */
  readonly references: ReadonlyMap<string, readonly string[]>;
  /** The `.env` files that existed, lowest priority first. */
  readonly files: readonly string[];
}

/** Options for {@link loadEnvFiles}. */
export interface LoadEnvOptions {
  /** The folder holding the `.env` files. */
  readonly dir: string;
  /** Selects `.env.[mode]` files. */
  readonly mode: Mode;
  /** The real environment; it wins over every file. */
  readonly processEnv: Readonly<Record<string, string | undefined>>;
}

/** Reads the `.env` cascade for a mode; the real environment wins over every file. */
export function loadEnvFiles({ dir, mode, processEnv }: LoadEnvOptions): LoadedEnv {
  const merged: Record<string, string> = {};
  const origin = new Map<string, string>();
  const files: string[] = [];
  for (const file of envFileNames(mode)) {
    const content = readIfPresent(join(dir, file));
    if (content === undefined) continue;
    files.push(file);
    for (const [name, value] of Object.entries(parse(content))) {
      merged[name] = value;
      origin.set(name, file);
    }
  }

  const expanded = expandEnv(merged, processEnv);
  const fromFiles = new Map([...origin].filter(([name]) => processEnv[name] === undefined));
  const references = new Map([...expanded.references].filter(([name]) => fromFiles.has(name)));
  const environment = Object.entries(processEnv).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { values: { ...expanded.values, ...Object.fromEntries(environment) }, fromFiles, references, files };
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
