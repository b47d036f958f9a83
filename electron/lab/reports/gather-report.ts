/**
 * Collects what the reports need from the stored run: the matrix and sign-off (matrix service),
 * the summary and attempts (run engine), and for each failing cell its deciding attempt with the
 * shade screenshot read from the evidence folder. Screenshots are embedded only when small
 * (MAX_THUMBNAIL_BYTES) and up to MAX_THUMBNAILS of them, so a report of a bad run stays a file
 * that opens; the rest are named by their path in the evidence folder.
 */
import { open } from 'node:fs/promises';
import type { AttemptView, EvidenceView, RunDetail } from '../../../shared/domain/run';
import type { Locale } from '../../../shared/i18n';
import type { MatrixCell, RunMatrix } from '../../../shared/matrix/types';
import { resolveEvidencePath } from '../runs/evidence-file';
import type { RunsApi } from '../runs/engine/runs-api';
import { renderCsvReport } from './csv-report';
import { renderHtmlReport } from './html-report';
import { reportDiagnoses } from './html-diagnosis';
import { cellKey, FAILING_STATUSES, type ReportFailure, type ReportThumbnail } from './report-types';
import { captureModeOf, type CaptureModeView } from '../../../shared/runs/capture-mode';
import { captureSeen } from '../../../shared/runs/delivery';

export const MAX_THUMBNAIL_BYTES = 200 * 1024;
export const MAX_THUMBNAILS = 100;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The matrix service as the reports use it (sync or async); the matrix carries its sign-off. */
export interface MatrixSource {
  matrix(runId: string): RunMatrix | Promise<RunMatrix>;
}

export interface ReportSources {
  readonly runs: Pick<RunsApi, 'get' | 'attempt'>;
  readonly matrix: MatrixSource;
  /** The evidence folder; stored evidence paths are relative to it. */
  readonly evidenceRoot: string;
}

const isFailing = (cell: MatrixCell): boolean =>
  (FAILING_STATUSES as readonly string[]).includes(cell.status);

/** The attempt whose verdict is the cell's status (and reason, when several share the status). */
function decidingAttempt(cell: MatrixCell, attempts: readonly AttemptView[]): AttemptView | null {
  const same = attempts.filter((a) => a.verdict?.kind === cell.status);
  return same.find((a) => a.verdict?.reason.key === cell.reason?.key) ?? same[0] ?? null;
}

async function readThumbnail(
  root: string,
  evidence: EvidenceView | undefined,
  budgetLeft: boolean,
): Promise<ReportThumbnail> {
  if (evidence?.path == null) return { kind: 'none' };
  const path = evidence.path;
  try {
    const file = await resolveEvidencePath(root, path, evidence);
    const handle = await open(file, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile()) return { kind: 'unreadable', path, sizeBytes: null };
      if (info.size > MAX_THUMBNAIL_BYTES) return { kind: 'too-large', path, sizeBytes: info.size };
      if (!budgetLeft) return { kind: 'skipped', path, sizeBytes: info.size };
      const bytes = Buffer.alloc(info.size);
      const { bytesRead } = await handle.read(bytes, 0, info.size, 0);
      if (bytesRead !== info.size || !bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE))
        return { kind: 'unreadable', path, sizeBytes: info.size };
      return {
        kind: 'image',
        dataUrl: `data:image/png;base64,${bytes.toString('base64')}`,
        sizeBytes: info.size,
      };
    } finally {
      await handle.close();
    }
  } catch {
    // Missing, outside the evidence folder or unreadable: the report says so and goes on.
    return { kind: 'unreadable', path, sizeBytes: null };
  }
}

/** One entry per failing cell, in matrix order (phones, then columns). */
export async function gatherFailures(
  sources: ReportSources,
  matrix: RunMatrix,
  detail: RunDetail,
  options: { maxThumbnails?: number } = {},
): Promise<ReportFailure[]> {
  const maxThumbnails = options.maxThumbnails ?? MAX_THUMBNAILS;
  const byCell = new Map<string, AttemptView[]>();
  for (const a of detail.attempts) {
    const key = cellKey(a.serial, a.scenarioId);
    const list = byCell.get(key);
    if (list === undefined) byCell.set(key, [a]);
    else list.push(a);
  }
  const cells = new Map(matrix.cells.map((c) => [cellKey(c.serial, c.scenarioId), c]));
  const failures: ReportFailure[] = [];
  let embedded = 0;
  for (const phone of matrix.phones) {
    for (const column of matrix.columns) {
      const cell = cells.get(cellKey(phone.serial, column.scenarioId));
      if (cell === undefined || !isFailing(cell)) continue;
      const attempt = decidingAttempt(cell, byCell.get(cellKey(cell.serial, cell.scenarioId)) ?? []);
      const verdict = attempt?.verdict ?? null;
      const evidence = attempt === null ? [] : sources.runs.attempt(attempt.id).evidence;
      const thumbnail = await readThumbnail(
        sources.evidenceRoot,
        evidence.filter((e) => e.kind === 'screenshot').at(-1),
        embedded < maxThumbnails,
      );
      if (thumbnail.kind === 'image') embedded += 1;
      failures.push({
        cell,
        attempt: attempt === null ? null : { id: attempt.id, repeat: attempt.repeat },
        reason: verdict?.reason ?? cell.reason,
        expected: verdict?.details.expected ?? null,
        actual: verdict?.details.record ?? null,
        seen: captureSeen(verdict?.details),
        checks: verdict?.details.checks ?? null,
        thumbnail,
        capture: captureModeOf(evidence),
      });
    }
  }
  return failures;
}

/** The HTML report of a stored run. */
export async function htmlReportFor(
  sources: ReportSources,
  runId: string,
  options: { locale: Locale; generatedAt: string | number },
): Promise<string> {
  const matrix = await sources.matrix.matrix(runId);
  const detail = sources.runs.get(runId);
  const failures = await gatherFailures(sources, matrix, detail);
  return renderHtmlReport({
    matrix,
    summary: detail.summary,
    signOff: matrix.signOff,
    failures,
    diagnoses: reportDiagnoses(detail.attempts),
    locale: options.locale,
    generatedAt: options.generatedAt,
  });
}

/** The CSV of a stored run (with `attempts`, one row per attempt too). */
export async function csvReportFor(
  sources: ReportSources,
  runId: string,
  options: { attempts?: boolean } = {},
): Promise<string> {
  const matrix = await sources.matrix.matrix(runId);
  if (options.attempts !== true) return renderCsvReport({ matrix });
  const attempts = sources.runs.get(runId).attempts;
  const captures = new Map<number, CaptureModeView['mode']>();
  for (const a of attempts) {
    // Only attempts that got to capture kept a record; the rest need no read.
    if (a.status === 'pending') continue;
    const mode = captureModeOf(sources.runs.attempt(a.id).evidence);
    if (mode !== null) captures.set(a.id, mode.mode);
  }
  return renderCsvReport({ matrix, attempts, captures });
}
