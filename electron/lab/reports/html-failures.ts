/**
 * The report's evidence sections: one card per failing cell (reason, expected vs shown for title,
 * text, channel and sound, the shade screenshot), the cells flagged as likely vendor limits, and
 * the waivers. All phone text is escaped and isolated in <bdi>.
 */
import type { CellWaiver, MatrixColumn, MatrixPhone, RunMatrix } from '../../../shared/matrix/types';
import { describeReason } from '../../../shared/runs/reasons';
import type { CheckStatus, ObservedRecord } from '../../../shared/runs/types';
import type { TextMatch } from '../../../shared/scenarios/types';
import { phoneLabel, verdictHtml } from './html-matrix';
import { bdi, fillSlot, html, safePngDataUrl, SLOT } from './html-text';
import type { ReportFormat } from './report-format';
import type { ReportFailure, ReportThumbnail } from './report-types';
import type { CaptureSeen } from '../../../shared/runs/delivery';
import {
  DEFAULT_CAPTURE_POLL_MS,
  pollReasonText,
  type CaptureModeView,
} from '../../../shared/runs/capture-mode';
import type { MessageKey } from '../../../shared/i18n/en';

/** What the report says when no captured record is kept: only "nothing captured" when that is proven. */
const SEEN_KEY = {
  nothing: 'report.failure.nothing',
  captured: 'report.failure.capturedNotKept',
  unknown: 'report.failure.unknown',
} as const satisfies Record<CaptureSeen, MessageKey>;

interface Lookup {
  readonly phones: ReadonlyMap<string, MatrixPhone>;
  readonly columns: ReadonlyMap<string, MatrixColumn>;
}

export function lookup(matrix: RunMatrix): Lookup {
  return {
    phones: new Map(matrix.phones.map((p) => [p.serial, p])),
    columns: new Map(matrix.columns.map((c) => [c.scenarioId, c])),
  };
}

export function phoneName(l: Lookup, serial: string): string {
  const phone = l.phones.get(serial);
  return phone === undefined ? serial : `${phoneLabel(phone).name} (${serial})`;
}

export function scenarioName(f: ReportFormat, l: Lookup, scenarioId: string): string {
  const column = l.columns.get(scenarioId);
  return column === undefined ? scenarioId : `${f.bilingual(column.title)} (${scenarioId})`;
}

function expectedText(f: ReportFormat, match: TextMatch | null): string {
  if (match === null) return html(f.t('report.failure.any'));
  // The template's quotes surround the phone text, which goes in isolated.
  return fillSlot(
    f.t(match.match === 'exact' ? 'report.failure.exact' : 'report.failure.contains', { value: SLOT }),
    bdi(match.value),
  );
}

function shownText(
  f: ReportFormat,
  record: ObservedRecord | null,
  value: string | null | undefined,
  hidable: boolean,
): string {
  if (record === null) return '–';
  if (hidable && record.redacted === true)
    return `<span class="muted">${html(f.t('report.failure.redacted'))}</span>`;
  return value === null || value === undefined ? '–' : bdi(value);
}

function check(f: ReportFormat, status: CheckStatus | undefined): string {
  return status === undefined ? '–' : html(f.t(`report.check.${status}`));
}

function comparison(f: ReportFormat, failure: ReportFailure): string {
  const e = failure.expected;
  const a = failure.actual;
  const c = failure.checks;
  // Words follow the evidence: "nothing captured" only when that is proven.
  const seenWords = a !== null ? '' : `<p>${html(f.t(SEEN_KEY[failure.seen]))}</p>`;
  if (e === null && a === null) return seenWords;
  const row = (label: string, expected: string, shown: string, status: CheckStatus | undefined): string =>
    `<tr><th scope="row">${html(label)}</th><td>${expected}</td><td>${shown}</td><td>${check(f, status)}</td></tr>`;
  const rows = [
    row(
      f.t('report.field.title'),
      e === null ? '–' : expectedText(f, e.title),
      shownText(f, a, a?.title, true),
      c?.title,
    ),
    row(
      f.t('report.field.text'),
      e === null ? '–' : expectedText(f, e.text),
      shownText(f, a, a?.text, true),
      c?.text,
    ),
    row(
      f.t('report.field.channel'),
      e?.channelId == null ? html(f.t('report.failure.any')) : bdi(e.channelId),
      shownText(f, a, a?.channelId, false),
      c?.channel,
    ),
    row(f.t('report.field.sound'), '–', shownText(f, a, a?.sound, false), c?.sound),
  ];
  const head = [
    f.t('report.failure.field'),
    f.t('report.failure.expected'),
    f.t('report.failure.actual'),
    f.t('report.failure.check'),
  ]
    .map((h) => `<th scope="col">${html(h)}</th>`)
    .join('');
  return `${seenWords}<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function thumbnail(f: ReportFormat, thumb: ReportThumbnail, phone: string): string {
  if (thumb.kind === 'image') {
    const src = safePngDataUrl(thumb.dataUrl);
    if (src !== null)
      return `<figure><img src="${src}" alt="${html(f.t('report.screenshot.alt', { phone }))}"></figure>`;
    return `<p class="muted">${html(f.t('report.screenshot.none'))}</p>`;
  }
  if (thumb.kind === 'none') return `<p class="muted">${html(f.t('report.screenshot.none'))}</p>`;
  const text =
    thumb.kind === 'too-large'
      ? f.t('report.screenshot.tooLarge', {
          size: thumb.sizeBytes === null ? '?' : f.bytes(thumb.sizeBytes),
          path: thumb.path,
        })
      : thumb.kind === 'unreadable'
        ? f.t('report.screenshot.unreadable', { path: thumb.path })
        : f.t('report.screenshot.skipped', { path: thumb.path });
  return `<p class="muted">${html(text)}</p>`;
}

/** One line when the attempt's capture polled (the events log was unusable), with why. */
function pollLine(f: ReportFormat, capture: CaptureModeView | null | undefined): string {
  if (capture?.mode !== 'poll') return '';
  const reason = pollReasonText(capture, f.locale) ?? '–';
  const ms = capture.pollMs ?? DEFAULT_CAPTURE_POLL_MS;
  const said =
    capture.detail === null
      ? ''
      : ` <span class="muted">${fillSlot(f.t('report.failure.polledDetail', { detail: SLOT }), bdi(capture.detail))}</span>`;
  return `<p class="capture-poll">${fillSlot(f.t('report.failure.polled', { ms, reason: SLOT }), bdi(reason))}${said}</p>`;
}

function failureCard(f: ReportFormat, l: Lookup, failure: ReportFailure): string {
  const { cell } = failure;
  const phone = phoneName(l, cell.serial);
  const attempt =
    failure.attempt === null
      ? f.t('report.failure.noAttempt')
      : f.t('report.failure.attempt', { id: failure.attempt.id, repeat: failure.attempt.repeat });
  const reason = failure.reason ?? cell.reason;
  const body = [
    `<h3><span class="badge st-${cell.status}">${verdictHtml(f, cell.status)}</span> — ${bdi(phone)} · ${bdi(scenarioName(f, l, cell.scenarioId))}</h3>`,
    `<p class="muted">${html(attempt)}</p>`,
    pollLine(f, failure.capture),
    reason === null
      ? ''
      : `<p><strong>${html(f.t('report.failure.reason'))}:</strong> ${bdi(describeReason(reason, f.locale))}</p>`,
    comparison(f, failure),
    cell.hint === null
      ? ''
      : `<p><span class="tag">${html(f.t('report.cell.hint'))}</span> ${bdi(f.bilingual(cell.hint.text))}</p>`,
    cell.waiver === null
      ? ''
      : `<p><span class="tag">${html(f.t('report.cell.waived'))}</span> ${bdi(cell.waiver.reason)}</p>`,
  ];
  return `<article class="failure of-${cell.status}"><div>${body.join('')}</div><div>${thumbnail(f, failure.thumbnail, phone)}</div></article>`;
}

export function failuresSection(
  f: ReportFormat,
  matrix: RunMatrix,
  failures: readonly ReportFailure[],
): string {
  const l = lookup(matrix);
  const head = `<section id="failures" class="page"><h2>${html(f.t('report.failures.heading'))}</h2>`;
  if (failures.length === 0) return `${head}<p>${html(f.t('report.failures.none'))}</p></section>`;
  return `${head}<p class="muted">${html(f.t('report.failures.intro'))}</p>${failures.map((x) => failureCard(f, l, x)).join('\n')}</section>`;
}

export function hintsSection(f: ReportFormat, matrix: RunMatrix): string {
  const l = lookup(matrix);
  const hinted = matrix.cells.filter((c) => c.hint !== null);
  const head = `<section id="hints"><h2>${html(f.t('report.hints.heading'))}</h2><p class="muted">${html(f.t('report.hints.intro'))}</p>`;
  if (hinted.length === 0) return `${head}<p>${html(f.t('report.hints.none'))}</p></section>`;
  const cols = [
    'report.col.phone',
    'report.col.scenario',
    'report.col.verdict',
    'report.col.kind',
    'report.col.reason',
  ] as const;
  const rows = hinted.map((c) => {
    const hint = c.hint as NonNullable<typeof c.hint>;
    const rules =
      hint.rules.length === 0
        ? ''
        : `<span class="cell-extra">${fillSlot(f.t('report.hints.rules', { rules: SLOT }), bdi(hint.rules.join(', ')))}</span>`;
    return (
      `<tr><td>${bdi(phoneName(l, c.serial))}</td><td>${bdi(scenarioName(f, l, c.scenarioId))}</td><td ` +
      (`class="st-${c.status}">${verdictHtml(f, c.status)}</td><td>${html(f.t(`report.hint.${hint.kind}`))}</td>` +
        `<td>${bdi(f.bilingual(hint.text))}${rules}</td></tr>`)
    );
  });
  return (
    `${head}<table><thead><tr>${cols.map((k) => `<th scope="col">${html(f.t(k))}</th>`).join('')}</tr>` +
    `</thead><tbody>${rows.join('')}</tbody></table></section>`
  );
}

export function waiversSection(f: ReportFormat, matrix: RunMatrix, waivers: readonly CellWaiver[]): string {
  const l = lookup(matrix);
  const head = `<section id="waivers"><h2>${html(f.t('report.waivers.heading'))}</h2>`;
  if (waivers.length === 0) return `${head}<p>${html(f.t('report.waivers.none'))}</p></section>`;
  const cols = [
    'report.col.phone',
    'report.col.scenario',
    'report.col.reason',
    'report.col.by',
    'report.col.at',
  ] as const;
  const rows = waivers.map(
    (w) =>
      `<tr><td>${bdi(phoneName(l, w.serial))}</td><td>${bdi(scenarioName(f, l, w.scenarioId))}</td>` +
      `<td>${bdi(w.reason)}</td><td>${bdi(w.by)}</td><td>${html(f.dateTime(w.at))}</td>` +
      `</tr>`,
  );
  return (
    `${head}<table><thead><tr>${cols.map((k) => `<th scope="col">${html(f.t(k))}</th>`).join('')}</tr>` +
    `</thead><tbody>${rows.join('')}</tbody></table></section>`
  );
}
