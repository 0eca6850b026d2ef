import ReactRefreshPlugin from '@pmmmwh/react-refresh-webpack-plugin';
import type { BrowserPart } from './BrowserPart';

/**
 * React Fast Refresh under the dev server: an edited component is swapped in place and keeps its state; an edit
 * outside a component falls back to a full reload, and the browser's console says which module caused it. Its
 * own overlay stays off: the dev server's shows build errors, once.
 */
export const fastRefreshPart: BrowserPart = (plan) => (plan.fastRefresh ? { plugins: [new ReactRefreshPlugin({ overlay: false })] } : {});
