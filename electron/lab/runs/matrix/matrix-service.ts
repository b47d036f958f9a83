/**
 * The sign-off matrix in the core (issue 5): a run's matrix, two runs compared (with the doctor
 * drift of each phone between them), sign-off with waivers, and the run history per app and build.
 * Reports (HTML, CSV, JUnit, CLI `report`) and the renderer read through this. Public API:
 *   new MatrixService({ runs: MatrixRepository, signoffs: SignoffRepository, clock })
 *   .matrix(runId): RunMatrix
 *   .compare(beforeRunId, afterRunId, threshold?): RunComparison
 *   .signOff(request: SignOffRequest): SignOff
 *   .signOffOf(runId): SignOff | null
 *   .listRuns({ package?, build?, limit? }): MatrixRunEntry[]
 * Errors: NOT_FOUND (no such run), INVALID_ARGUMENT (sign-off rules, bad threshold),
 * RUN_SIGNED_OFF (signed already), STORAGE_FAILED.
 */
import type { DoctorReport } from '../../../../shared/domain/doctor';
import { buildMatrix } from '../../../../shared/matrix/build';
import { compareMatrices } from '../../../../shared/matrix/compare';
import type {
  DriftEntry,
  MatrixRunEntry,
  RunComparison,
  RunMatrix,
  SignOff,
  SignOffRequest,
} from '../../../../shared/matrix/types';
import { LabError } from '../../errors';
import type { MatrixRepository, MatrixRunHead } from '../../store/matrix-repository';
import type { SignoffRepository } from '../../store/signoff-repository';
import type { Clock } from '../../util/clock';
import { driftBetween, matrixInput, snapshotsOf } from './matrix-input';
import { checkSignOff } from './sign-off-rules';

export interface MatrixServiceDeps {
  readonly runs: MatrixRepository;
  readonly signoffs: SignoffRepository;
  readonly clock: Clock;
}

interface Loaded {
  readonly head: MatrixRunHead;
  readonly matrix: RunMatrix;
  readonly snapshots: ReadonlyMap<string, DoctorReport | null>;
}

const runNotFound = (runId: string): LabError =>
  new LabError('NOT_FOUND', `Run ${runId} does not exist.`, {
    hint: 'Pick a run from the list of runs (`pushlab runs`).',
    zh: { message: `运行 ${runId} 不存在。`, hint: '请从运行列表（`pushlab runs`）中选择一个运行。' },
  });

export class MatrixService {
  public constructor(private readonly deps: MatrixServiceDeps) {}

  /** The run's matrix as stored now (a running run shows its pending cells). */
  public matrix(runId: string): RunMatrix {
    return this.load(runId).matrix;
  }

  /**
   * Cell changes from `beforeRunId` to `afterRunId`, with each phone's doctor drift between the
   * snapshots nearest the two runs. threshold: latency change that counts (default 500 ms and 1.5x).
   */
  public compare(
    beforeRunId: string,
    afterRunId: string,
    threshold?: Partial<RunComparison['threshold']>,
  ): RunComparison {
    const before = this.load(beforeRunId);
    const after = this.load(afterRunId);
    const drift: Record<string, readonly DriftEntry[]> = {};
    for (const phone of after.matrix.phones) {
      if (!before.snapshots.has(phone.serial)) continue;
      const items = driftBetween(
        before.snapshots.get(phone.serial) ?? null,
        after.snapshots.get(phone.serial) ?? null,
      );
      if (items.length > 0) Object.defineProperty(drift, phone.serial, { value: items, enumerable: true });
    }
    try {
      return compareMatrices(before.matrix, after.matrix, threshold, drift);
    } catch (error) {
      if (error instanceof RangeError) {
        throw new LabError('INVALID_ARGUMENT', error.message, {
          hint: 'Use a latency threshold of 0 ms or more and a ratio of 1 or more.',
          zh: {
            message: `对比阈值无效：延迟阈值 ${String(threshold?.ms ?? '默认')} 毫秒，比例 ${String(threshold?.ratio ?? '默认')}。`,
            hint: '请使用 0 毫秒或以上的延迟阈值，以及 1 或以上的比例。',
          },
        });
      }
      throw error;
    }
  }

  /** Signs a completed run off with its waivers; from now on the run is frozen. */
  public signOff(request: SignOffRequest): SignOff {
    const { matrix } = this.load(request.runId);
    const signOff = checkSignOff(request, matrix, this.deps.clock.iso());
    this.deps.signoffs.save(signOff);
    return this.deps.signoffs.get(request.runId) ?? signOff;
  }

  public signOffOf(runId: string): SignOff | null {
    if (!this.deps.runs.head(runId)) throw runNotFound(runId);
    return this.deps.signoffs.get(runId);
  }

  /** Runs of one app and/or build (APK path or file name), newest first. */
  public listRuns(
    filter: { readonly package?: string; readonly build?: string; readonly limit?: number } = {},
  ): MatrixRunEntry[] {
    const heads = this.deps.runs.runs(filter);
    const signed = this.deps.signoffs.signedRunIds(heads.map((h) => h.id));
    return heads.map((h) => ({
      runId: h.id,
      planName: h.planName,
      status: h.status,
      createdAt: h.createdAt,
      finishedAt: h.finishedAt,
      package: h.package,
      build: h.build,
      signedOff: signed.has(h.id),
    }));
  }

  private load(runId: string): Loaded {
    const { runs, signoffs } = this.deps;
    const head = runs.head(runId);
    if (!head) throw runNotFound(runId);
    const phones = runs.phones(runId);
    const rows = runs.cells(runId);
    const snapshots = snapshotsOf(
      runs,
      head,
      phones.map((p) => p.serial),
    );
    const matrix = buildMatrix(matrixInput(head, phones, rows, signoffs.get(runId), snapshots));
    return { head, matrix, snapshots };
  }
}
