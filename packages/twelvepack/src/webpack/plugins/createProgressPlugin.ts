import webpack from 'webpack';

/**
 * Progress while building: one rewritten line on a terminal, and a line per
 * tenth on a log (CI, platform build logs) so logs stay short.
 */
export function createProgressPlugin(stream: NodeJS.WriteStream = process.stderr): webpack.ProgressPlugin {
  let lastTenth = -1;
  return new webpack.ProgressPlugin((percentage, message) => {
    const percent = Math.round(percentage * 100);
    if (stream.isTTY) {
      const text = percentage < 1 ? `  building ${String(percent).padStart(3)}% ${message}` : '';
      stream.write(`\r${text.slice(0, (stream.columns || 80) - 1).padEnd((stream.columns || 80) - 1)}\r`);
      return;
    }
    const tenth = Math.floor(percentage * 10);
    // The size table that follows says the build is done; no 100% line.
    if (tenth > lastTenth && percentage < 1) {
      lastTenth = tenth;
      stream.write(`  building ${percent}% ${message}\n`);
    }
  });
}
