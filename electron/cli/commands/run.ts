/**
 * `pushlab run --plan plan.json [--junit out.xml] [--json] [--strict]` and `pushlab run --resume ID`:
 * the run engine headless. Progress goes to stderr (one line per judged attempt), the result to
 * stdout. Exit 0 when nothing failed, 1 when a cell failed (fail, blocked, device lost; with
 * --strict also inconclusive) or the run did not complete, 2 when it could not start, 130 on Ctrl-C.
 */
import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { RunProgressEvent, RunSummary } from '../../../shared/domain/run';
import { describeReason } from '../../../shared/runs/reasons';
import { describeBudgetLine } from '../../../shared/runs/send-budget';
import { describeDiagnosis } from '../../../shared/runs/diagnose';
import type { LocalLabCore } from '../../lab/compose';
import { toErrorInfo } from '../../lab/errors';
import { toJUnit } from '../../lab/runs/junit';
import { cellStats } from '../../lab/runs/stats';
import { withHosts, type GlobalOptions } from '../options';
import { clean, printError, table, type Output } from '../output';
import { openSessionAdbOptional, settledDevices } from '../session';
import { planNamesSimulators } from '../../../shared/runs/plan';
import { safeParsePlan } from '../../../shared/runs/parse-plan';
import { readPlanFile } from './plan-file';

export interface RunArgs {
  readonly plan: string | null;
  readonly resume: string | null;
  readonly junit: string | null;
  readonly strict: boolean;
}

const FAILING = new Set(['fail', 'blocked', 'device-lost']);

export async function runCommand(
  options: GlobalOptions,
  args: RunArgs,
  output: Output,
  signals: NodeJS.EventEmitter = process,
): Promise<number> {
  const plan = args.plan === null ? null : await readPlanFile(args.plan);
  // An invalid plan is reported before anything else: no database, no adb server.
  const checked = plan === null ? null : safeParsePlan(plan);
  if (checked !== null && !checked.ok) {
    printError(output, checked.error);
    return 2;
  }
  // A plan may name its lab hosts; --adb-host/--hosts on the command line win.
  const planHosts = checked?.ok ? checked.value.hosts : undefined;
  if (options.hosts === null && planHosts && planHosts.length > 0) options = withHosts(options, planHosts);
  // A plan for simulators only needs no adb; anything else stops here when adb is unreachable.
  const { core, adbError } = await openSessionAdbOptional(options);
  const forSimulators = (candidate: unknown): boolean => {
    const parsed = safeParsePlan(candidate);
    return parsed.ok && planNamesSimulators(parsed.value) && (parsed.value.phones.vendors ?? []).length === 0;
  };
  if (adbError !== null) {
    const stored =
      plan === null
        ? (() => {
            try {
              return core.cli.runs.plan(args.resume ?? '');
            } catch {
              return null;
            }
          })()
        : plan;
    if (!forSimulators(stored)) {
      await core.close();
      printError(output, adbError);
      return 2;
    }
  }
  let stopping = false;
  let runId: string | null = null;
  const onSigint = (): void => {
    if (stopping || runId === null) return;
    stopping = true;
    output.err(
      `Stopping run ${runId} after its current steps… (it can resume: pushlab run --resume ${runId})`,
    );
    void core.cli.runs.cancel(runId);
  };
  signals.on('SIGINT', onSigint);
  const answering = createPromptAnswerer(core, output);
  try {
    if (adbError === null) await settledDevices(core);
    await core.cli.simulators.settled();
    const progress = (event: RunProgressEvent): void => {
      answering.onPrompt(event);
      const a = event.attempt;
      if (a?.status !== 'done' || a.verdict === null) return;
      const done = event.summary.attempts - event.summary.totals.pending - event.summary.totals.running;
      output.err(
        `[${done}/${event.summary.attempts}] ${clean(a.serial)} ${a.scenarioId} #${a.repeat}: ${a.verdict.kind.toUpperCase()} ` +
          `— ${clean(describeReason(a.verdict.reason, 'en'))}`,
      );
    };
    if (plan !== null) {
      // What the run will send per sender, before anything is sent (a quota above it refuses the run).
      for (const line of core.cli.runs.preflight(plan).budget)
        output.err(`Sends: ${clean(describeBudgetLine(line, 'en'))}`);
    }
    const started =
      plan !== null
        ? await core.cli.runs.start(plan, { onProgress: progress })
        : await core.cli.runs.resume(args.resume ?? '', { onProgress: progress });
    runId = started.runId;
    output.err(`Run ${runId} ${plan !== null ? 'started' : 'resumed'}.`);
    const summary = await core.cli.runs.settled(runId);
    return await report(core, summary, args, options, output, stopping);
  } catch (error) {
    printError(output, toErrorInfo(error));
    return 2;
  } finally {
    signals.off('SIGINT', onSigint);
    answering.close();
    await core.close();
  }
}

async function report(
  core: LocalLabCore,
  summary: RunSummary,
  args: RunArgs,
  options: GlobalOptions,
  output: Output,
  stopped: boolean,
): Promise<number> {
  const result = core.cli.runs.results(summary.id);
  if (args.junit !== null) await writeFile(args.junit, toJUnit(result));
  const cells = cellStats(result.attempts);
  const failing = result.attempts.filter(
    (a) => FAILING.has(a.verdict.kind) || (args.strict && a.verdict.kind === 'inconclusive'),
  );
  if (options.json) {
    output.out(
      JSON.stringify(
        {
          runId: summary.id,
          status: summary.status,
          totals: summary.totals,
          cells,
          attempts: result.attempts,
        },
        null,
        2,
      ),
    );
  } else {
    // Diagnose mode: which link failed, per cell (counts of each link over its repeats).
    const diagnosed = result.attempts.filter((a) => a.verdict.diagnosis !== undefined);
    const linksOf = (serial: string, scenarioId: string): string => {
      const counts = new Map<string, number>();
      for (const a of diagnosed)
        if (a.serial === serial && a.scenarioId === scenarioId) {
          const link = a.verdict.diagnosis?.link ?? 'undecided';
          counts.set(link, (counts.get(link) ?? 0) + 1);
        }
      return [...counts].map(([link, n]) => `${link}:${n}`).join(' ') || '-';
    };
    const rows = [
      ['PHONE', 'SCENARIO', 'VERDICTS', 'DELIVERED', 'P50', 'P95', ...(diagnosed.length > 0 ? ['LINK'] : [])],
    ];
    for (const cell of cells) {
      const verdicts = Object.entries(cell.verdicts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k}:${n}`)
        .join(' ');
      const ms = (v: number | null): string => (v === null ? '-' : `${Math.round(v)} ms`);
      rows.push([
        clean(cell.serial),
        cell.scenarioId,
        verdicts,
        cell.deliveryRate === null ? '-' : `${Math.round(cell.deliveryRate * 100)}%`,
        ms(cell.latency.p50),
        ms(cell.latency.p95),
        ...(diagnosed.length > 0 ? [linksOf(cell.serial, cell.scenarioId)] : []),
      ]);
    }
    for (const line of table(rows)) output.out(line);
    for (const a of diagnosed.filter((x) => x.verdict.diagnosis?.link !== 'both-shown')) {
      const diagnosis = a.verdict.diagnosis;
      if (diagnosis !== undefined)
        output.out(
          `${clean(a.serial)} ${a.scenarioId} #${a.repeat}: ${clean(describeDiagnosis(diagnosis, 'en'))}`,
        );
    }
    const t = summary.totals;
    output.out(
      `\nRun ${summary.id}: ${summary.status}. pass ${t.pass}, fail ${t.fail}, blocked ${t.blocked}, ` +
        `device lost ${t['device-lost']}, inconclusive ${t.inconclusive}, not run ${t['not-run']}, ` +
        `pending ${t.pending}.`,
    );
    if (args.junit !== null) output.out(`JUnit written to ${args.junit}`);
  }
  if (stopped || summary.status === 'cancelled') return 130;
  if (summary.status !== 'completed') {
    output.err(`The run is ${summary.status}; resume it with: pushlab run --resume ${summary.id}`);
    return 1;
  }
  return failing.length > 0 ? 1 : 0;
}

/** Operator prompts (manual sender, operator login) are answered by pressing Enter. */
function createPromptAnswerer(
  core: LocalLabCore,
  output: Output,
): { onPrompt(event: RunProgressEvent): void; close(): void } {
  let asked: string | null = null;
  let rl: ReturnType<typeof createInterface> | null = null;
  return {
    onPrompt(event) {
      const prompt = event.prompt;
      if (prompt === null || prompt.id === asked) return;
      asked = prompt.id;
      output.err(`\n>>> ${clean(prompt.text)}\n>>> Press Enter when done.`);
      rl ??= createInterface({ input: process.stdin });
      rl.once('line', () => {
        try {
          core.cli.runs.answerPrompt(prompt.id);
        } catch {
          // Already answered or the run stopped.
        }
      });
    },
    close() {
      rl?.close();
    },
  };
}
