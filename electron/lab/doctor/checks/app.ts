/**
 * The app itself: installed (and which version), enabled and not suspended, and not in the
 * stopped state, in which FCM and most vendor channels deliver nothing until it is launched.
 */
import type { DoctorCheck } from '../../../../shared/domain/doctor';
import { packageLines } from '../evidence';
import { SOURCES } from '../facts-types';
import { makeCheck, msg, notRead, type CheckContext } from './check';

/** The ok advice, saying what the component state number in the evidence means. */
function enabledWords(
  evidence: string,
): 'check.app.enabled.okDefault' | 'check.app.enabled.okExplicit' | 'check.app.enabled.ok' {
  const state = /\benabled=(\d+)\b/.exec(evidence)?.[1];
  return state === '0'
    ? 'check.app.enabled.okDefault'
    : state === '1'
      ? 'check.app.enabled.okExplicit'
      : 'check.app.enabled.ok';
}

/** The named `key=value` tokens of the package's "User 0:" line (stable, unlike its inode). */
function userTokens(text: string, pkg: string, keys: readonly string[]): string {
  const line = packageLines(text, pkg, [/^\s*User 0:/])[0] ?? packageLines(text, pkg, [/^\s*User \d+:/])[0];
  if (line === undefined) return '';
  const user = /^User \d+:/.exec(line)?.[0] ?? 'User:';
  const tokens = keys
    .map((k) => new RegExp(`\\b${k}=\\S+`).exec(line)?.[0])
    .filter((t): t is string => t !== undefined);
  return tokens.length > 0 ? `${user} ${tokens.join(' ')}` : '';
}

export function appChecks(ctx: CheckContext): DoctorCheck[] {
  const pkg = ctx.subject.package;
  const titles = {
    installed: msg('check.app.installed.title'),
    enabled: msg('check.app.enabled.title'),
    stopped: msg('check.app.stopped.title'),
  };
  const read = ctx.facts.package;
  if (!read) {
    return [
      notRead('app.installed', titles.installed, ctx, SOURCES.package),
      notRead('app.enabled', titles.enabled, ctx, SOURCES.package),
      notRead('app.stopped', titles.stopped, ctx, SOURCES.package, { fixes: ['launch-app'] }),
    ];
  }
  const { info } = read.value;
  if (!info) {
    const missing = makeCheck('app.installed', titles.installed, {
      status: 'fail',
      advice: msg('check.app.installed.missing', { package: pkg }),
      evidence: `dumpsys package ${pkg}: no "Package [${pkg}]" block`,
    });
    const skipped = (id: string, title: typeof titles.enabled) =>
      makeCheck(id, title, { status: 'unknown', advice: msg('check.app.notInstalled'), evidence: '' });
    return [missing, skipped('app.enabled', titles.enabled), skipped('app.stopped', titles.stopped)];
  }

  const version = [info.versionName, info.versionCode === null ? null : `(${info.versionCode})`]
    .filter((v) => v !== null)
    .join(' ');
  const installed = makeCheck('app.installed', titles.installed, {
    status: 'ok',
    advice: msg('check.app.installed.ok', { version: version || '?' }),
    evidence: packageLines(read.text, pkg, [/^\s*versionCode=/, /^\s*versionName=/, /^\s*lastUpdateTime=/]),
  });

  const enabledEvidence = userTokens(read.text, pkg, ['installed', 'suspended', 'enabled']);
  const suspended = /\bsuspended=true\b/.test(enabledEvidence);
  const enabled =
    info.enabled === null && !suspended
      ? makeCheck('app.enabled', titles.enabled, {
          status: 'unknown',
          advice: msg('check.app.enabled.unreadable'),
          evidence: enabledEvidence,
        })
      : makeCheck('app.enabled', titles.enabled, {
          status: info.enabled === false || suspended ? 'fail' : 'ok',
          advice: msg(
            info.enabled === false
              ? 'check.app.enabled.disabled'
              : suspended
                ? 'check.app.enabled.suspended'
                : enabledWords(enabledEvidence),
          ),
          evidence: enabledEvidence,
        });

  const stoppedEvidence = userTokens(read.text, pkg, ['stopped', 'notLaunched']);
  const neverLaunched = /\bnotLaunched=true\b/.test(stoppedEvidence);
  const stopped =
    info.stopped === null
      ? makeCheck('app.stopped', titles.stopped, {
          status: 'unknown',
          advice: msg('check.app.stopped.unreadable'),
          evidence: stoppedEvidence,
          fixes: ['launch-app'],
        })
      : makeCheck('app.stopped', titles.stopped, {
          // Force-stopped: FCM delivers nothing, the vendors' system-level channels still show
          // (Tencent's guides, seed 002: "killed by the user" still gets offline push). Never
          // launched: no push token was registered, so no channel can deliver.
          status: !info.stopped
            ? 'ok'
            : neverLaunched || ctx.identity?.pushChannel === 'fcm'
              ? 'fail'
              : 'warn',
          advice: msg(
            !info.stopped
              ? 'check.app.stopped.ok'
              : neverLaunched
                ? 'check.app.stopped.neverLaunched'
                : ctx.identity?.pushChannel === 'fcm'
                  ? 'check.app.stopped.forceStopped'
                  : 'check.app.stopped.forceStoppedVendor',
          ),
          evidence: stoppedEvidence,
          fixes: info.stopped ? ['launch-app'] : [],
        });
  return [installed, enabled, stopped];
}
