import { spawn } from 'node:child_process';
import { cleanEnv } from './cleanEnv';

/** How a command ended, and everything it wrote (stdout and stderr, interleaved). */
export interface CommandResult {
  readonly code: number | null;
  readonly output: string;
}

/** Options for {@link runCommand}. */
export interface RunOptions {
  readonly cwd: string;
  /** Added to the cleaned environment (see cleanEnv). */
  readonly env?: Readonly<Record<string, string>>;
  /** The command is killed (its whole process group) after this long; the result says so. */
  readonly timeoutMs: number;
}

/** Runs a command as a person would in a terminal, collecting its output; never rejects on a non-zero exit. */
export function runCommand(command: string, args: readonly string[], { cwd, env = {}, timeoutMs }: RunOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    const collect = (chunk: Buffer) => (output += chunk.toString('utf8'));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      output += `\n[runCommand: killed after ${timeoutMs} ms]\n`;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
