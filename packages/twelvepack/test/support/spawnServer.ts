import { spawnServer as spawnAppServer, type SpawnedServer, type SpawnOptions } from '../../src/testing/spawnServer';
import { builtAppDir } from './builtApp';

export type { SpawnedServer };

/** The shared test build's server (the fixture app's), as the platform runs it; the test must stop it. */
export function spawnServer(options: Omit<SpawnOptions, 'dir'> = {}): SpawnedServer {
  return spawnAppServer({ dir: builtAppDir(), ...options });
}
