import { spawn } from 'node:child_process';
import { TWELVEPACK_BIN } from './twelvepackBin';

/** How a CLI verb ended, and everything it wrote (stdout and stderr, interleaved). */
export interface CliResult {
  readonly code: number | null;
  readonly output: string;
}

/**
 * Runs a twelvepack verb in a copied project, as its npm script does (`npm run
 * build` is `twelvepack build`), with the copy's toolkit and a minimal
 * environment plus `env`: nothing from the test run leaks into the build.
 */
export function runTwelvepack(project: string, verb: string, env: Readonly<Record<string, string>> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TWELVEPACK_BIN, verb], {
      cwd: project,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Runs `twelvepack build` in the copy and throws with its output when it fails (for a spec's setup). */
export async function buildProject(project: string, env: Readonly<Record<string, string>> = {}): Promise<void> {
  const result = await runTwelvepack(project, 'build', env);
  if (result.code !== 0) throw new Error(`twelvepack build failed in ${project} (exit ${result.code}):\n${result.output}`);
}
