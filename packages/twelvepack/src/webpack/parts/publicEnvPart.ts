import { join } from 'node:path';
import { publicNames } from '../../config/pickPublicEnv';
import { PublicEnvPlugin } from '../plugins/PublicEnvPlugin';
import type { BrowserPart } from './BrowserPart';

/** The public variables, and only they, inlined into browser code. */
export const publicEnvPart: BrowserPart = (_plan, { loaded, cacheBase }) => ({
  plugins: [new PublicEnvPlugin({ publicEnv: loaded.publicEnv, allowed: publicNames(loaded.schema), envDir: join(cacheBase, 'public-env') })],
});
