// `npm run kv -- <command> ...`: one admin action on the attached store
// (twelve-factor XII: admin processes run against the same config as the app).
// It opens the handle, does one thing, closes the handle, and exits.
import app from 'twelvepack-app';
import { loadAppConfigOrExit } from '../config/loadAppConfig';
import { runKvCommand } from './store/runKvCommand';
import { openStore } from './store/openStore';

async function main(): Promise<void> {
  const { config } = loadAppConfigOrExit(app, {});
  const args = process.argv.slice(2);
  let store;
  try {
    store = await openStore(config);
  } catch (error) {
    process.stderr.write(`kv: ${(error as Error).message}\n`);
    process.exit(3);
  }
  const result = await runKvCommand(store, args);
  await store.close();
  if (result.output !== undefined) process.stdout.write(`${result.output}\n`);
  if (result.error !== undefined) process.stderr.write(`kv: ${result.error}\n`);
  process.exitCode = result.code;
}

void main();
