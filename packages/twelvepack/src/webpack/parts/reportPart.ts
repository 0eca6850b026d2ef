import { createProgressPlugin } from '../plugins/createProgressPlugin';
import { SizeReportPlugin } from '../plugins/SizeReportPlugin';
import type { BrowserPart } from './BrowserPart';

/** What the terminal shows: errors and warnings always; progress and the size table when the CLI asks. */
export const reportPart: BrowserPart = (plan, { report, reportedOutDir }) => ({
  stats: report ? 'errors-warnings' : 'none',
  ...(report ? { plugins: [createProgressPlugin(), new SizeReportPlugin(undefined, reportedOutDir, plan.paired ? `the ${plan.bundle} bundle` : undefined)] } : {}),
});
