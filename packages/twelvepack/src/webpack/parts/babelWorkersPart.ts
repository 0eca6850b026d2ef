import { babelWorkerOptions } from '../babelWorkers';
import { BabelWorkersPlugin } from '../plugins/BabelWorkersPlugin';
import type { BrowserPart } from './BrowserPart';

/** Ends the Babel workers as soon as the build is done, when it runs any. */
export const babelWorkersPart: BrowserPart = (_plan, { workers }) => (workers > 0 ? { plugins: [new BabelWorkersPlugin(babelWorkerOptions(workers))] } : {});
