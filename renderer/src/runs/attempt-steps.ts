/**
 * An attempt's steps as a timeline: the store keeps a 'started' row and then its outcome as two
 * rows; the view shows one line per step with how it ended and how long it took. Also how the
 * view names scenarios and times. Pure.
 */
import type { StepName, StepStatus, StepView } from '../../../shared/domain/run';
import type { Locale } from '../../../shared/i18n';
import { scenarioById } from '../../../shared/scenarios/catalog';

export interface TimelineStep {
  readonly name: StepName;
  /** 'started' while it runs (or when the attempt stopped inside it). */
  readonly status: StepStatus;
  readonly startedAt: number;
  readonly endedAt: number | null;
  /** The outcome's detail (phone text inside is untrusted: render as text). */
  readonly detail: string | null;
}

/** Folds each 'started' row with the outcome row of the same step that follows it. */
export function stepTimeline(steps: readonly StepView[]): TimelineStep[] {
  const out: TimelineStep[] = [];
  for (const step of [...steps].sort((a, b) => a.seq - b.seq)) {
    const openIndex =
      step.status === 'started'
        ? -1
        : out.findLastIndex((s) => s.name === step.name && s.status === 'started' && s.endedAt === null);
    const open = openIndex >= 0 ? out[openIndex] : undefined;
    if (open)
      out[openIndex] = { ...open, status: step.status, endedAt: step.at, detail: step.detail ?? open.detail };
    else
      out.push({
        name: step.name,
        status: step.status,
        startedAt: step.at,
        endedAt: step.status === 'started' ? null : step.at,
        detail: step.detail,
      });
  }
  return out;
}

/** The scenario's title in the UI language, or its id when the catalog does not know it. */
export function scenarioTitle(id: string, locale: Locale): string {
  const scenario = scenarioById(id);
  if (!scenario) return id;
  return locale === 'zh-CN' ? scenario.title.zhCN : scenario.title.en;
}

/** Host epoch ms as a clock time with seconds (steps take seconds, not minutes). */
export function clockTime(locale: Locale, ms: number): string {
  const date = new Date(ms);
  if (!Number.isFinite(ms) || Number.isNaN(date.getTime())) return '–';
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(
    date,
  );
}

/** How long a step took, in seconds with one decimal; null while it runs. */
export function stepSeconds(step: TimelineStep): number | null {
  return step.endedAt === null ? null : Math.max(0, step.endedAt - step.startedAt) / 1000;
}
