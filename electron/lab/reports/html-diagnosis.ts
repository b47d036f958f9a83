/**
 * The report's "which link failed" section (plan mode "diagnose"): one row per diagnosed attempt
 * with its link, Tencent's view of the account and the sentence saying what to check. Absent for
 * a verify run. Phone and vendor texts are untrusted: every value goes through html()/bdi().
 */
import type { AttemptView } from '../../../shared/domain/run';
import type { RunMatrix } from '../../../shared/matrix/types';
import { describeDiagnosis, linkName, presenceName, type Diagnosis } from '../../../shared/runs/diagnose';
import { lookup, phoneName, scenarioName } from './html-failures';
import { bdi, html } from './html-text';
import type { ReportFormat } from './report-format';

export interface ReportDiagnosis {
  readonly serial: string;
  readonly scenarioId: string;
  readonly repeat: number;
  readonly diagnosis: Diagnosis;
}

/** The diagnosed attempts of a run, in its order. */
export function reportDiagnoses(attempts: readonly AttemptView[]): ReportDiagnosis[] {
  return attempts.flatMap((a) =>
    a.verdict?.diagnosis === undefined
      ? []
      : [{ serial: a.serial, scenarioId: a.scenarioId, repeat: a.repeat, diagnosis: a.verdict.diagnosis }],
  );
}

export function diagnoseSection(
  f: ReportFormat,
  matrix: RunMatrix,
  rows: readonly ReportDiagnosis[],
): string {
  if (rows.length === 0) return '';
  const l = lookup(matrix);
  const locale = f.locale === 'zh-CN' ? 'zh-CN' : 'en';
  const cols = [
    'report.col.phone',
    'report.col.scenario',
    'report.col.link',
    'report.col.presence',
    'report.col.reason',
  ] as const;
  const body = rows.map(
    (r) =>
      `<tr><td>${bdi(phoneName(l, r.serial))}</td><td>${bdi(scenarioName(f, l, r.scenarioId))} #${html(r.repeat)}</td>` +
      `<td class="link-${html(r.diagnosis.link)}">${html(linkName(r.diagnosis.link, locale))}</td>` +
      `<td>${html(presenceName(r.diagnosis.presence))}</td><td>${bdi(describeDiagnosis(r.diagnosis, locale))}</td></tr>`,
  );
  return (
    `<section id="diagnose"><h2>${html(f.t('report.diagnose.heading'))}</h2><p class="muted">${html(f.t('report.diagnose.intro'))}</p>` +
    `<table><thead><tr>${cols.map((k) => `<th scope="col">${html(f.t(k))}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table></section>`
  );
}
