import { missingWebApis } from '../missingWebApis';
import { LegacyWebApisPlugin } from '../plugins/LegacyWebApisPlugin';
import type { BrowserPart } from './BrowserPart';

/**
 * The web APIs the plan's browsers lack (fetch, AbortController, TextEncoder, IntersectionObserver...), by MDN's
 * browser-compat-data: polyfilled for the modules that name them where the toolkit trusts a polyfill, a build
 * error naming the global, the module and the fixes otherwise. The legacy bundle only.
 */
export const webApisPart: BrowserPart = (plan) => {
  if (plan.webApiBrowsers.length === 0) return {};
  return { plugins: [new LegacyWebApisPlugin(missingWebApis(plan.webApiBrowsers))] };
};
