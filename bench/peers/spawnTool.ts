import { spawn } from 'node:child_process';
import type { ToolCommand } from './BenchTool';
import { watchGroupRss } from './processGroupRss';

/** A tool's command running in its own process group, its memory sampled from the start. */
export interface RunningTool {
  /** Resolves with the exit code (null when a signal ended it) once the command's process has exited. */
  readonly exited: Promise<number | null>;
  /** The highest summed RSS of the process group so far, in MB. */
  peakRssMb(): number;
  /** What it printed so far (the last 20,000 characters). */
  output(): string;
  /** SIGINT to the whole group (Ctrl-C), SIGKILL after 10 s; resolves once the command's process is gone. */
  stop(): Promise<void>;
}

const running = new Set<number>();
// A bench that fails or is interrupted leaves no dev server behind.
process.on('exit', () => running.forEach((pgid) => killGroup(pgid, 'SIGKILL')));

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is gone.
  }
}

/**
 * Runs `node <args>` in the app's folder as the tool's CLI, with PATH, HOME and the command's variables
 * only, detached into a process group of its own so its memory and its stop cover all it spawns.
 */
export function spawnTool(app: string, command: ToolCommand): RunningTool {
  const child = spawn(process.execPath, [...command.args], {
    cwd: app,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...command.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error(`could not start node ${command.args.join(' ')} in ${app}`);
  running.add(pgid);
  const rss = watchGroupRss(pgid);
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      rss.peakMb();
      rss.stop();
      // Whatever the command left running in its group goes with it.
      killGroup(pgid, 'SIGKILL');
      running.delete(pgid);
      resolve(code);
    }),
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup(pgid, 'SIGINT');
    const forced = setTimeout(() => killGroup(pgid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(forced);
  };
  return { exited, peakRssMb: () => rss.peakMb(), output: () => output, stop };
}
