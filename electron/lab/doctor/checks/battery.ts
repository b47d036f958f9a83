/**
 * Battery and background limits: the Doze allow-list, the background app ops, the App Standby
 * bucket, Battery Saver, and Data Saver / background data. Each can delay or drop a push; adb can
 * fix most of them.
 */
import type { DoctorCheck, FixId, Message } from '../../../../shared/domain/doctor';
import { allowlistKind } from '../../android/parsers/deviceidle';
import type { StandbyBucket } from '../../android/parsers/standby-bucket';
import { lineMatching, opLine } from '../evidence';
import { SOURCES, settingSource } from '../facts-types';
import { atLeast, makeCheck, msg, notRead, type CheckContext } from './check';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Section headings of the full `dumpsys deviceidle`, per allow-list. */
const FULL_DUMP_HEADINGS = {
  system: 'Whitelist system apps:',
  user: 'Whitelist user apps:',
  'except-idle': 'Whitelist (except idle) system apps:',
} as const;

function dozeCheck(ctx: CheckContext): DoctorCheck {
  const title = msg('check.battery.doze.title');
  const read = ctx.facts.deviceIdle;
  const pkg = ctx.subject.package;
  if (!read) return notRead('battery.doze', title, ctx, SOURCES.deviceIdle, { fixes: ['doze-allowlist'] });
  const kind = allowlistKind(read.value, pkg);
  const line = lineMatching(read.text, new RegExp(`(^|[\\s,])${escapeRegExp(pkg)}(,|\\s*$)`));
  if (kind === null) {
    return makeCheck('battery.doze', title, {
      status: 'warn',
      advice: msg('check.battery.doze.notAllowlisted'),
      // Not the idle state: it changes by the minute and would show as drift.
      evidence: `dumpsys deviceidle: ${pkg} is on no allow-list`,
      fixes: ['doze-allowlist'],
    });
  }
  // The CSV line says the list itself; a line of the full dump is just the name under its heading.
  const evidence = line !== null && line.includes(',') ? line : `${FULL_DUMP_HEADINGS[kind]} ${pkg}`;
  return makeCheck('battery.doze', title, {
    status: 'ok',
    advice: msg('check.battery.doze.allowlisted', { kind }),
    evidence,
  });
}

/** Modes under which the app may run in the background. */
const RUNS = new Set(['allow', 'default', 'foreground']);
const BLOCKS = new Set(['ignore', 'deny', 'errored']);

function appOpCheck(ctx: CheckContext, id: string, op: string, title: Message, fix: FixId): DoctorCheck {
  const read = ctx.facts.appOps;
  if (!read) return notRead(id, title, ctx, SOURCES.appOps, { fixes: [fix] });
  const entry = read.value?.ops[op];
  if (!entry) {
    return makeCheck(id, title, {
      status: 'ok',
      advice: msg('check.battery.appOp.default', { op }),
      evidence: `appops get ${ctx.subject.package}: ${op} not listed (default mode)`,
    });
  }
  const evidence = opLine(entry.raw) || `${op}: ${entry.mode}`;
  if (BLOCKS.has(entry.mode)) {
    return makeCheck(id, title, {
      status: 'warn',
      advice: msg('check.battery.appOp.restricted', { op, mode: entry.mode }),
      evidence,
      fixes: [fix],
    });
  }
  if (RUNS.has(entry.mode))
    return makeCheck(id, title, {
      status: 'ok',
      advice: msg('check.battery.appOp.allowed', { op }),
      evidence,
    });
  return makeCheck(id, title, {
    status: 'unknown',
    advice: msg('check.battery.appOp.unreadable', { op }),
    evidence,
    fixes: [fix],
  });
}

const BUCKET_OK = new Set<StandbyBucket>(['exempted', 'active', 'working_set', 'frequent']);

function standbyCheck(ctx: CheckContext): DoctorCheck {
  const title = msg('check.battery.standby.title');
  const read = ctx.facts.standbyBucket;
  if (!read)
    return notRead('battery.standby', title, ctx, SOURCES.standbyBucket, {
      fixes: ['standby-bucket-active'],
    });
  const evidence = `am get-standby-bucket ${ctx.subject.package}: ${read.text.trim()}`;
  const bucket = read.value;
  if (bucket === null) {
    return makeCheck('battery.standby', title, {
      status: 'unknown',
      advice: msg('check.battery.standby.unreadable'),
      evidence,
      fixes: ['standby-bucket-active'],
    });
  }
  if (BUCKET_OK.has(bucket))
    return makeCheck('battery.standby', title, {
      status: 'ok',
      advice: msg('check.battery.standby.ok', { bucket }),
      evidence,
    });
  return makeCheck('battery.standby', title, {
    status: 'warn',
    advice: msg(bucket === 'restricted' ? 'check.battery.standby.restricted' : 'check.battery.standby.rare', {
      bucket,
    }),
    evidence,
    fixes: ['standby-bucket-active'],
  });
}

function saverCheck(ctx: CheckContext): DoctorCheck {
  const title = msg('check.battery.saver.title');
  const read = ctx.facts.settings['global/low_power'];
  if (!read) return notRead('battery.saver', title, ctx, settingSource('global/low_power'));
  const on = read.value?.trim() === '1';
  return makeCheck('battery.saver', title, {
    status: on ? 'warn' : 'ok',
    advice: msg(on ? 'check.battery.saver.on' : 'check.battery.saver.off'),
    evidence: `settings get global low_power: ${read.value ?? 'null'}`,
  });
}

/** A uid list reduced to what concerns the app ("…blacklisted UIDs: 10312 listed"): other apps' uids would read as drift. */
function uidListLine(text: string, uid: number, uids: readonly number[]): string {
  const label = /^([^:\n]+):/m.exec(text)?.[1]?.trim() ?? 'UIDs';
  return `${label}: ${uid} ${uids.includes(uid) ? 'listed' : 'not listed'}`;
}

function dataCheck(ctx: CheckContext): DoctorCheck {
  const title = msg('check.battery.data.title');
  const { dataSaver, backgroundDataDenylist: denylist, dataSaverAllowlist: allowlist } = ctx.facts;
  const uid = ctx.facts.package?.value.uid ?? null;
  if (!denylist) return notRead('battery.data', title, ctx, SOURCES.denylist);
  if (!dataSaver) return notRead('battery.data', title, ctx, SOURCES.dataSaver);
  if (uid === null) return notRead('battery.data', title, ctx, SOURCES.package);
  const evidence = [dataSaver.text.trim(), uidListLine(denylist.text, uid, denylist.value)];
  if (denylist.value.includes(uid)) {
    return makeCheck('battery.data', title, {
      status: 'warn',
      advice: msg('check.battery.data.backgroundOff'),
      evidence,
    });
  }
  if (dataSaver.value === true) {
    if (!allowlist) return notRead('battery.data', title, ctx, SOURCES.allowlist);
    const allowed = uidListLine(allowlist.text, uid, allowlist.value);
    if (!allowlist.value.includes(uid)) {
      return makeCheck('battery.data', title, {
        status: 'warn',
        advice: msg('check.battery.data.saverOn'),
        evidence: [...evidence, allowed],
      });
    }
    evidence.push(allowed);
  }
  if (dataSaver.value === null)
    return makeCheck('battery.data', title, {
      status: 'unknown',
      advice: msg('check.battery.data.unreadable'),
      evidence,
    });
  return makeCheck('battery.data', title, { status: 'ok', advice: msg('check.battery.data.ok'), evidence });
}

export function batteryChecks(ctx: CheckContext): DoctorCheck[] {
  const checks = [dozeCheck(ctx)];
  // RUN_ANY_IN_BACKGROUND (the "background restricted" switch) exists from Android 9, RUN_IN_BACKGROUND from 8.
  if (atLeast(ctx, 28)) {
    checks.push(
      appOpCheck(
        ctx,
        'battery.run-any-in-background',
        'RUN_ANY_IN_BACKGROUND',
        msg('check.battery.runAny.title'),
        'allow-run-any-in-background',
      ),
    );
  }
  if (atLeast(ctx, 26)) {
    checks.push(
      appOpCheck(
        ctx,
        'battery.run-in-background',
        'RUN_IN_BACKGROUND',
        msg('check.battery.runIn.title'),
        'allow-run-in-background',
      ),
    );
  }
  if (atLeast(ctx, 28)) checks.push(standbyCheck(ctx));
  checks.push(saverCheck(ctx), dataCheck(ctx));
  return checks;
}
