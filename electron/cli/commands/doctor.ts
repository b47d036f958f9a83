/**
 * `pushlab doctor --serial S --package P [--channel ID ...] [--json] [--fix]`: why would a push
 * not show on this phone? With --fix, applies every adb fix the checks name, each confirmed by a
 * re-read. On an iOS simulator (--serial UDID --package <bundle id>) it shows the iOS checks it can
 * read (simctl has no fixes). Exit 1 while any check fails.
 */
import type { DoctorCheck, DoctorResult, FixId, FixOutcome, Message } from '../../../shared/domain/doctor';
import { translateDynamic } from '../../../shared/i18n';
import { platformFor } from '../../lab/platform/device-platform';
import { PLATFORM_FACTS } from '../../lab/platform/platform-facts';
import { clean, table, type Output } from '../output';
import type { GlobalOptions } from '../options';
import { openSession, openSessionAdbOptional } from '../session';

export interface DoctorArgs {
  readonly serial: string;
  readonly package: string;
  readonly channelIds: readonly string[];
  readonly fix: boolean;
}

const text = (m: Message | null): string => (m ? (translateDynamic('en', m.key, m.values) ?? m.key) : '');

/** The documented JSON shape of one check. */
export function checkJson(c: DoctorCheck): Record<string, unknown> {
  return {
    id: c.id,
    status: c.status,
    title: text(c.title),
    evidence: c.evidence,
    advice: text(c.advice),
    fixes: c.fixes,
    settingsPath: c.settingsPath ? text(c.settingsPath) : null,
  };
}

const MARK: Record<DoctorCheck['status'], string> = {
  ok: 'OK',
  warn: 'WARN',
  fail: 'FAIL',
  unknown: '??',
  manual: 'CHECK',
};

function print(output: Output, result: DoctorResult): void {
  const { report } = result;
  output.out(`Push readiness of ${clean(report.package)} on ${clean(report.serial)} (${report.takenAt})`);
  if (!report.complete)
    output.out(
      `PARTIAL: ${report.incompleteReason?.message ?? 'the phone went away'} — the checks below were read before that.`,
    );
  for (const line of table([
    ['STATUS', 'CHECK', 'EVIDENCE'],
    ...report.checks.map((c) => [MARK[c.status], clean(text(c.title)), clean(c.evidence).slice(0, 100)]),
  ]))
    output.out(line);
  for (const c of report.checks.filter((x) => x.status !== 'ok')) {
    output.out(`\n[${MARK[c.status]}] ${clean(text(c.title))}: ${clean(text(c.advice))}`);
    if (c.settingsPath) output.out(`  On the phone: ${clean(text(c.settingsPath))}`);
    if (c.fixes.length > 0) output.out(`  Fix with: pushlab doctor --fix (${c.fixes.join(', ')})`);
  }
  if (result.drift.length > 0) {
    output.out(`\nChanged since ${result.previousTakenAt ?? 'the last check'}:`);
    for (const d of result.drift)
      output.out(`  ${clean(d.checkId)}: ${d.before?.status ?? '—'} -> ${d.after?.status ?? '—'}`);
  }
}

/** adb-applicable fixes named by failing/warning checks, each once; screens for humans are left out. */
export function fixesToApply(checks: readonly DoctorCheck[]): FixId[] {
  const wanted = new Set<FixId>();
  for (const c of checks)
    if (c.status === 'fail' || c.status === 'warn')
      for (const f of c.fixes) if (!f.startsWith('open-')) wanted.add(f);
  return [...wanted];
}

export async function doctorCommand(
  options: GlobalOptions,
  args: DoctorArgs,
  output: Output,
): Promise<number> {
  // A simulator (named by UDID) needs simctl, not adb: it is checked even where no adb server runs.
  const needsAdb = platformFor(PLATFORM_FACTS, args.serial).needsAdb;
  const core = needsAdb ? await openSession(options) : (await openSessionAdbOptional(options)).core;
  try {
    const { doctor, devices, simulators } = core.cli;
    if (!needsAdb) await simulators.settled();
    else await devices.waitForIdentity(args.serial, 15_000).catch(() => undefined);
    const subject = { serial: args.serial, package: args.package, channelIds: args.channelIds };
    let result = await doctor.run(subject);
    const applied: FixOutcome[] = [];
    if (args.fix) {
      for (const fix of fixesToApply(result.report.checks)) {
        const outcome = await doctor.fix(subject, fix);
        applied.push(outcome);
        if (!options.json)
          output.err(
            `fix ${fix}: ${outcome.ok ? 'done' : 'FAILED'} — ${text(outcome.message)}${outcome.detail ? ` (${clean(outcome.detail).slice(0, 200)})` : ''}`,
          );
      }
      if (applied.length > 0) result = await doctor.run(subject);
    }
    const { report } = result;
    if (options.json) {
      output.out(
        JSON.stringify(
          {
            serial: report.serial,
            package: report.package,
            takenAt: report.takenAt,
            complete: report.complete,
            incompleteReason: report.incompleteReason,
            checks: report.checks.map(checkJson),
            drift: result.drift,
            fixesApplied: applied.map((o) => ({
              fix: o.fix,
              ok: o.ok,
              message: text(o.message),
              detail: o.detail,
              by: o.by,
              at: o.at,
            })),
          },
          null,
          2,
        ),
      );
    } else {
      print(output, result);
    }
    return report.checks.some((c) => c.status === 'fail') || !report.complete ? 1 : 0;
  } finally {
    await core.close();
  }
}
