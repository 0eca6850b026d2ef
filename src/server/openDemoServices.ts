import { openStore, type KeyValueStore, type ServiceTools, type StoreConfig } from 'twelvepack/server';

/** What the demo's routes use: the key/value store attached by URL (SQLite when none is). */
export interface DemoServices {
  readonly store: KeyValueStore;
  close(): Promise<void>;
}

/** Opens the demo's services, once per process (the toolkit closes them at shutdown). */
export async function openDemoServices(config: StoreConfig, { logger }: ServiceTools): Promise<DemoServices> {
  const store = await openStore(config, { logger });
  return { store, close: () => store.close() };
}
