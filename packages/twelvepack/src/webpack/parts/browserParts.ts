import type { Configuration } from 'webpack';
import type { BrowserBuildPlan } from '../planBrowserBuilds';
import { babelWorkersPart } from './babelWorkersPart';
import type { BrowserBuildContext, BrowserPart } from './BrowserPart';
import { cachePart } from './cachePart';
import { compressionPart } from './compressionPart';
import { cssPart } from './cssPart';
import { devtoolPart } from './devtoolPart';
import { entryPart } from './entryPart';
import { fastRefreshPart } from './fastRefreshPart';
import { guardsPart } from './guardsPart';
import { manifestPart } from './manifestPart';
import { mergeParts } from './mergeParts';
import { moduleRulesPart } from './moduleRulesPart';
import { optimizationPart } from './optimizationPart';
import { outputPart } from './outputPart';
import { pagesPart } from './pagesPart';
import { proofsPart } from './proofsPart';
import { publicEnvPart } from './publicEnvPart';
import { reportPart } from './reportPart';
import { resolvePart } from './resolvePart';
import { webApisPart } from './webApisPart';

/**
 * The parts of a browser compilation, in the order they apply. Plugins run their hooks in this order too: the
 * public env is defined before any module is built. The app's own hook (applyAppHook.ts) gets what they make;
 * GUARD_PARTS come after it. A new feature is a new part here, or a new field of the plan, never a condition
 * inside another part.
 */
export const BROWSER_PARTS: readonly BrowserPart[] = [
  entryPart,
  outputPart,
  resolvePart,
  moduleRulesPart,
  devtoolPart,
  cachePart,
  optimizationPart,
  publicEnvPart,
  fastRefreshPart,
  cssPart,
  pagesPart,
  compressionPart,
  manifestPart,
  babelWorkersPart,
  reportPart,
];

/**
 * The proofs and the guards, applied after the app's hook: whatever it does to the plugin list or the minimizers,
 * every script is proven (at stages after minification and compression), the legacy bundle's missing web APIs are
 * polyfilled or fail the build, and the leak guard and the redaction see every file and every message of the build.
 */
export const GUARD_PARTS: readonly BrowserPart[] = [webApisPart, proofsPart, guardsPart];

/** One browser compilation's configuration: every part, applied to the plan in order. */
export function applyBrowserParts(plan: BrowserBuildPlan, context: BrowserBuildContext, parts: readonly BrowserPart[] = BROWSER_PARTS): Configuration {
  return mergeParts(parts.map((part) => part(plan, context)));
}
