import { join } from 'node:path';
import { bin } from 'twelvepack/package.json';

/** The toolkit's command line as an app has it installed (its package.json `bin`), relative to the app's folder. */
export const TWELVEPACK_BIN = join('node_modules', 'twelvepack', bin.twelvepack);
