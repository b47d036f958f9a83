/**
 * The run engine behind RunsApi: validates and stores a run with every attempt pending, then runs
 * phones in parallel (one attempt at a time per phone), writing each step as it happens. A run
 * found 'running' without its process at start-up is marked interrupted; resume runs only what
 * has no verdict yet.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter, setMaxListeners } from 'node:events';
import type {
  AttemptDetail,
  OperatorPrompt,
  RunDetail,
  RunProgressEvent,
  RunSummary,
} from '../../../../shared/domain/run';
import { parsePlan, PlanError } from '../../../../shared/runs/parse-plan';
import type { RunPlan } from '../../../../shared/runs/plan';
import type { RunResult } from '../../../../shared/runs/types';
import { LabError } from '../../errors';
import type { RunOwner } from '../../store/run-repository';
import { OperatorPrompts } from './operator-prompts';
import { runDeviceAttempts } from './device-loop';
import { ownerIsAlive, processStartToken } from './process-identity';
import type { RunEngineDeps } from './ports';
import { appProfileOf, planAttempts, resolvePhones, type ResolvedPhone } from './resolve-run';
import { declaredSenderQuotas } from '../../push/quotas';
import { preflightRun, type RunPreflight } from './preflight';
import type { RunsApi, StartRunOptions } from './runs-api';
import type { RunContext } from './session';

interface ActiveRun {
  readonly controller: AbortController;
  readonly prompts: OperatorPrompts;
  readonly done: Promise<RunSummary>;
}

export { processAlive } from './process-identity';

export class RunService implements RunsApi {
  private readonly active = new Map<string, ActiveRun>();
  private readonly events = new EventEmitter<{ progress: [RunProgressEvent] }>();
  private readonly pid: number;
  /** This process's start token, read once when first needed (undefined: not read yet). */
  private startToken: string | null | undefined;

  public constructor(private readonly deps: RunEngineDeps) {
    this.pid = deps.pid ?? process.pid;
    this.events.setMaxListeners(0);
    const self = { pid: this.pid, start: () => this.ownStart() };
    const isAlive = deps.isOwnerAlive ?? ((owner: RunOwner) => ownerIsAlive(owner, self));
    const interrupted = deps.repo.markInterrupted(isAlive, deps.clock.iso());
    if (interrupted.length > 0)
      deps.logger.info('runs interrupted by an earlier stop', { runs: interrupted.join(',') });
  }

  public async start(input: unknown, options: StartRunOptions = {}): Promise<{ runId: string }> {
    const plan = parseOrThrow(input);
    await this.verifySenders(plan);
    const phones = resolvePhones(plan, this.deps.phones.snapshot().devices, this.deps.platforms);
    this.preflightOf(plan, phones);
    const attempts = planAttempts(plan, phones);
    const runId = randomUUID();
    const prompts = this.promptsFor(runId);
    const sender = this.deps.createSender(plan, prompts.port());
    const vendorSenders = this.vendorSendersFor(plan, prompts);
    this.deps.repo.createRun({
      id: runId,
      plan,
      createdAt: this.deps.clock.iso(),
      ownerPid: this.pid,
      ownerStart: this.ownStart(),
      phones: phones.map((p) => p.phone),
      phoneContexts: Object.fromEntries(
        phones.map((p) => [p.phone.serial, { context: p.context, details: p.details }]),
      ),
      attempts,
    });
    this.launch(runId, plan, phones, prompts, { sender, vendorSenders }, new Map(), options);
    return { runId };
  }

  public preflight(input: unknown): RunPreflight {
    const plan = parseOrThrow(input);
    return this.preflightOf(
      plan,
      resolvePhones(plan, this.deps.phones.snapshot().devices, this.deps.platforms),
    );
  }

  public async resume(runId: string, options: StartRunOptions = {}): Promise<{ runId: string }> {
    if (this.active.has(runId)) {
      throw new LabError('INVALID_ARGUMENT', 'This run is already running.', {
        hint: 'Wait for it, or stop it first.',
        zh: { message: '这个运行已经在进行中。', hint: '请等待它结束，或先停止它。' },
      });
    }
    const summary = this.summaryOrThrow(runId);
    if (summary.status === 'completed') {
      throw new LabError('INVALID_ARGUMENT', 'This run is complete: nothing is left to run.', {
        hint: 'Start a new run from its plan.',
        zh: { message: '这个运行已完成：没有剩下要运行的内容。', hint: '请用它的计划开始新的运行。' },
      });
    }
    if (summary.status === 'running') {
      throw new LabError('INVALID_ARGUMENT', 'Another PushLab process is running this run now.', {
        hint: 'Stop that process first; PushLab marks the run interrupted at its next start.',
        zh: {
          message: '另一个 PushLab 进程正在执行这个运行。',
          hint: '请先停止那个进程；PushLab 下次启动时会把该运行标记为已中断。',
        },
      });
    }
    const plan = this.deps.repo.plan(runId);
    const detail = this.deps.repo.detail(runId);
    if (!plan || !detail)
      throw new LabError('NOT_FOUND', `No run ${runId}.`, { zh: { message: `没有运行 ${runId}。` } });
    await this.verifySenders(plan);
    const prompts = this.promptsFor(runId);
    const sender = this.deps.createSender(plan, prompts.port());
    const vendorSenders = this.vendorSendersFor(plan, prompts);
    this.deps.repo.requeueRunning(runId, this.deps.clock.now());
    const devices = this.deps.phones.snapshot().devices;
    const present: ResolvedPhone[] = [];
    for (const phone of detail.phones) {
      try {
        present.push(
          ...resolvePhones({ ...plan, phones: { serials: [phone.serial] } }, devices, this.deps.platforms),
        );
      } catch {
        this.deps.repo.markLost(runId, phone.serial, lostOnResume(phone.serial), this.deps.clock.now());
      }
    }
    const controls = new Map<string, boolean>();
    for (const a of detail.attempts)
      if (a.verdict?.reason.key === 'pass.shown' || a.verdict?.reason.key === 'pass.shown-despite-prediction')
        controls.set(a.serial, true);
    this.launch(runId, plan, present, prompts, { sender, vendorSenders }, controls, options);
    return { runId };
  }

  public async cancel(runId: string): Promise<RunSummary> {
    const run = this.active.get(runId);
    if (!run) return this.summaryOrThrow(runId);
    run.controller.abort();
    return run.done;
  }

  public settled(runId: string): Promise<RunSummary> {
    const run = this.active.get(runId);
    return run ? run.done : Promise.resolve(this.summaryOrThrow(runId));
  }

  public list(limit?: number): RunSummary[] {
    return this.deps.repo.list(limit);
  }

  public get(runId: string): RunDetail {
    const detail = this.deps.repo.detail(runId);
    if (!detail)
      throw new LabError('NOT_FOUND', `No run ${runId}.`, {
        hint: 'Pick a run from the list.',
        zh: { message: `没有运行 ${runId}。`, hint: '请从列表中选择一个运行。' },
      });
    return detail;
  }

  public attempt(attemptId: number): AttemptDetail {
    const detail = this.deps.repo.attemptDetail(attemptId);
    if (!detail)
      throw new LabError('NOT_FOUND', `No attempt ${attemptId}.`, {
        zh: { message: `没有尝试 ${attemptId}。` },
      });
    return detail;
  }

  public plan(runId: string): RunPlan {
    const plan = this.deps.repo.plan(runId);
    if (!plan)
      throw new LabError('NOT_FOUND', `No run ${runId}.`, {
        hint: 'Pick a run from the list.',
        zh: { message: `没有运行 ${runId}。`, hint: '请从列表中选择一个运行。' },
      });
    return plan;
  }

  public results(runId: string): RunResult {
    const result = this.deps.repo.results(runId);
    if (!result)
      throw new LabError('NOT_FOUND', `No run ${runId}.`, {
        hint: 'List runs with `pushlab runs`.',
        zh: { message: `没有运行 ${runId}。`, hint: '请用 `pushlab runs` 列出运行。' },
      });
    return result;
  }

  public answerPrompt(promptId: string): void {
    for (const run of this.active.values()) {
      if (run.prompts.pending()?.id === promptId) return run.prompts.answer(promptId);
    }
    throw new LabError('NOT_FOUND', 'That question was already answered or its run stopped.', {
      hint: 'Refresh the run view.',
      zh: { message: '该问题已被回答，或它所属的运行已停止。', hint: '请刷新运行视图。' },
    });
  }

  public onProgress(listener: (event: RunProgressEvent) => void): () => void {
    this.events.on('progress', listener);
    return () => this.events.off('progress', listener);
  }

  /** Stops every active run (app quit): they show as cancelled and can resume. */
  public async close(): Promise<void> {
    await Promise.all([...this.active.keys()].map((id) => this.cancel(id).catch(() => undefined)));
  }

  /** The run's sender and, in diagnose mode, every vendor sender can work (their secrets are readable). */
  private async verifySenders(plan: RunPlan): Promise<void> {
    await this.deps.verifySender?.(plan);
    if (plan.mode !== 'diagnose') return;
    for (const vendor of plan.diagnose?.vendors ?? [])
      await this.deps.verifySender?.({ ...plan, sender: vendor });
  }

  /** diagnose mode: one direct sender per push channel, created like the run's own sender. */
  private vendorSendersFor(plan: RunPlan, prompts: OperatorPrompts): Map<string, RunContext['sender']> {
    const senders = new Map<string, RunContext['sender']>();
    if (plan.mode !== 'diagnose') return senders;
    for (const vendor of plan.diagnose?.vendors ?? [])
      senders.set(vendor.kind, this.deps.createSender({ ...plan, sender: vendor }, prompts.port()));
    return senders;
  }

  private preflightOf(plan: RunPlan, phones: readonly ResolvedPhone[]): RunPreflight {
    const quotas = this.deps.senderQuotas?.(plan) ?? declaredSenderQuotas(plan);
    return preflightRun(plan, phones, quotas);
  }

  private ownStart(): string | null {
    if (this.startToken === undefined) {
      this.startToken =
        this.deps.ownerStart !== undefined ? this.deps.ownerStart : processStartToken(this.pid);
    }
    return this.startToken;
  }

  private promptsFor(runId: string): OperatorPrompts {
    return new OperatorPrompts((prompt: OperatorPrompt | null) => this.emit(runId, null, prompt));
  }

  private launch(
    runId: string,
    plan: RunPlan,
    phones: readonly ResolvedPhone[],
    prompts: OperatorPrompts,
    { sender, vendorSenders }: Pick<RunContext, 'sender' | 'vendorSenders'>,
    controls: ReadonlyMap<string, boolean>,
    options: StartRunOptions,
  ): void {
    const controller = new AbortController();
    // Every phone's capture and prompt listens to the one run signal: dozens of listeners are normal.
    setMaxListeners(0, controller.signal);
    const { repo, clock } = this.deps;
    repo.setStatus(runId, 'running', clock.iso(), null, { pid: this.pid, start: this.ownStart() });
    let listener: (() => void) | null = null;
    if (options.onProgress) {
      const forward = options.onProgress;
      const off = this.onProgress((e) => e.runId === runId && forward(e));
      listener = off;
    }
    const context: RunContext = {
      runId,
      plan,
      profile: appProfileOf(plan),
      sender,
      vendorSenders,
      operator: prompts.port(),
      signal: controller.signal,
      deps: this.deps,
      changed: (attemptId) => this.emit(runId, attemptId, prompts.pending()),
    };
    const pending = repo.pending(runId);
    const done = (async (): Promise<RunSummary> => {
      try {
        await Promise.all(
          phones.map((p) =>
            runDeviceAttempts(
              this.deps.platforms[p.platform].open(context, p, controls.get(p.phone.serial) ?? null),
              pending.filter((a) => a.serial === p.phone.serial),
            ),
          ),
        );
        if (controller.signal.aborted) {
          repo.requeueRunning(runId, clock.now());
          repo.setStatus(runId, 'cancelled', clock.iso());
        } else {
          // Phones that were not there to run (resume without them) were marked lost already.
          repo.setStatus(runId, repo.pending(runId).length === 0 ? 'completed' : 'interrupted', clock.iso());
        }
      } catch (error) {
        this.deps.logger.error('run stopped by an error', { runId, error: String(error) });
        repo.requeueRunning(runId, clock.now());
        const why = error instanceof Error ? error.message : String(error);
        // A LabError's own zh-CN, so the stored reason is not half English for zh-CN readers.
        const whyZh = error instanceof LabError && error.zh !== undefined ? error.zh.message : why;
        repo.setStatus(runId, 'failed', clock.iso(), {
          code: 'INTERNAL',
          message: `The run stopped: ${why}`,
          hint: 'Resume it; please report this with the log file.',
          zh: { message: `运行停止了：${whyZh}`, hint: '请继续运行；并附上日志文件报告此问题。' },
        });
      } finally {
        this.active.delete(runId);
        for (const closing of [sender, ...vendorSenders.values()])
          await Promise.resolve(closing.close?.()).catch(() => undefined);
      }
      this.emit(runId, null, null);
      listener?.();
      return this.summaryOrThrow(runId);
    })();
    this.active.set(runId, { controller, prompts, done });
    this.emit(runId, null, null);
  }

  private emit(runId: string, attemptId: number | null, prompt: OperatorPrompt | null): void {
    if (this.events.listenerCount('progress') === 0) return;
    const summary = this.deps.repo.summary(runId);
    if (!summary) return;
    const attempt = attemptId === null ? null : (this.deps.repo.attempt(attemptId) ?? null);
    this.events.emit('progress', { runId, summary, attempt, prompt });
  }

  private summaryOrThrow(runId: string): RunSummary {
    const summary = this.deps.repo.summary(runId);
    if (!summary)
      throw new LabError('NOT_FOUND', `No run ${runId}.`, {
        hint: 'List runs with `pushlab runs`.',
        zh: { message: `没有运行 ${runId}。`, hint: '请用 `pushlab runs` 列出运行。' },
      });
    return summary;
  }
}

function parseOrThrow(input: unknown): RunPlan {
  try {
    return parsePlan(input);
  } catch (error) {
    if (error instanceof PlanError) {
      const info = error.toInfo();
      throw new LabError('PLAN_INVALID', info.message, {
        ...(info.hint ? { hint: info.hint } : {}),
        ...(info.detail ? { detail: info.detail } : {}),
        zh: info.zh,
      });
    }
    throw error;
  }
}

function lostOnResume(serial: string): Parameters<RunEngineDeps['repo']['markLost']>[2] {
  return {
    kind: 'device-lost',
    reason: { key: 'device-lost.lost', values: {} },
    details: {
      delivered: null,
      latencyMs: null,
      record: null,
      expected: null,
      checks: null,
      error: {
        code: 'DEVICE_LOST',
        message: `${serial} was not attached when the run resumed.`,
        hint: 'Plug it in and resume again.',
        zh: { message: `继续运行时 ${serial} 未连接。`, hint: '请插上它，然后再次继续运行。' },
      },
    },
  };
}
