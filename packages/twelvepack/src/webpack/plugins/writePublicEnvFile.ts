import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parser dotenv-webpack reads its file with (its own dependency), so the proof is against what it will see. */
function dotenvWebpackParse(text: string): Record<string, string> {
  const parser = require.resolve('dotenv-defaults', { paths: [require.resolve('dotenv-webpack')] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(parser) as { parse(src: string): Record<string, string> }).parse(text);
}

/**
 * Writes the public values as a `.env` file for dotenv-webpack, and proves each
 * reads back exactly: single quotes carry any one-line value as it is; a
 * multi-line one goes in double quotes with `\n`. A value that format cannot
 * carry fails here, naming the variable, instead of reaching the browser changed.
 * The file is named after its content, so builds running at once with other
 * values never read each other's. Returns its path.
 */
export function writePublicEnvFile(dir: string, publicEnv: Readonly<Record<string, string>>): string {
  const lines = Object.entries(publicEnv).map(([name, value]) => `${name}=${quoted(value)}`);
  const text = `${lines.join('\n')}\n`;
  const readBack = dotenvWebpackParse(text);
  const changed = Object.keys(publicEnv).filter((name) => readBack[name] !== publicEnv[name]);
  if (changed.length > 0) {
    throw new Error(
      `The value of ${changed.join(', ')} cannot be inlined through dotenv-webpack's .env format ` +
        '(it holds a carriage return, or both a line break and a literal "\\n"). Simplify the value, or read it at run time from the server.',
    );
  }
  const file = join(dir, `${createHash('sha256').update(text).digest('hex').slice(0, 16)}.env`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, text);
  return file;
}

function quoted(value: string): string {
  return value.includes('\n') ? `"${value.replace(/\n/g, '\\n')}"` : `'${value}'`;
}
