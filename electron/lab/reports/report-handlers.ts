/**
 * The app's report exports (reports:*), one function each, like handlers.ts: the self-contained
 * HTML report and the CSV of a stored run, returned as strings for the window to save or print.
 */
import type { RequestArgs, RequestChannel, RequestResult } from '../../../shared/ipc';
import { csvReportFor, htmlReportFor, type ReportSources } from './gather-report';

type ReportChannel = Extract<RequestChannel, `reports:${string}`>;
export type ReportHandlers = { [C in ReportChannel]: (...args: RequestArgs<C>) => Promise<RequestResult<C>> };

export interface ReportHandlerServices extends ReportSources {
  /** When the report is made (epoch ms); the core's clock. */
  readonly now?: () => number;
}

export function createReportHandlers(s: ReportHandlerServices): ReportHandlers {
  const now = s.now ?? Date.now;
  return {
    'reports:html': async ({ runId, locale }) => ({
      html: await htmlReportFor(s, runId, { locale, generatedAt: now() }),
    }),
    'reports:csv': async (runId, options) => ({
      csv: await csvReportFor(s, runId, { attempts: options?.attempts === true }),
    }),
  };
}
