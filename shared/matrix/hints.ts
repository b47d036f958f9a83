/**
 * Throttling hints: a failed or inconclusive cell that a documented vendor limit may explain is
 * flagged with the rule behind it, so nobody files it as a product bug without a look. A hint never
 * changes a status: a hinted fail is still a fail. Public API:
 *   throttleHint(input: HintInput): ThrottleHint | null
 *   quotaTail(attempts: readonly TailAttempt[]): ReadonlySet<number>
 *   QUOTA_TAIL_MIN
 *
 * Rules, first match wins (rule ids from shared/scenarios/sources.ts):
 * 1. daily-quota, observed: on a quota channel (vendor table: dailyQuota) the cell's missing push
 *    is in the phone's "quota tail": pushes showed earlier in the run, then at least QUOTA_TAIL_MIN
 *    in a row did not, to the end (seed.daily-quota).
 * 2. message-class: the message has a low (or unproven) class on a channel that classifies
 *    (vendor table: classifies) and did not show or showed late; on a quota channel with a
 *    low class it is daily-quota (seed.vendor-classification, seed.daily-quota).
 * 3. doze: the app state is Doze and the push did not show or showed late (android.doze-fcm-priority).
 * 4. quiet-hours: Do Not Disturb was on on the phone (doctor) and the push did not show, showed
 *    late or played the wrong sound (seed.notification-settings).
 */
import { messageClass, QUOTA_CHANNELS } from '../scenarios/rules/message-class';
import type { AppProfile, Bilingual, Scenario, TargetChannel } from '../scenarios/types';
import type { ReasonKey, VerdictKind } from '../runs/types';
import type { CellStatus, MatrixColumn, ThrottleHint } from './types';
import { CHANNEL_TABLE } from '../vendors/vendor-table';

/** Consecutive missing pushes at the end of a phone's run that look like a used-up quota. */
export const QUOTA_TAIL_MIN = 3;

/** Reasons that mean "did not show (in time)": what a vendor limit produces. */
const MISSING: ReadonlySet<ReasonKey> = new Set<ReasonKey>([
  'fail.not-shown-in-time',
  'fail.late',
  'inconclusive.missing-may-be-dropped',
  'inconclusive.predicted-drop',
  'inconclusive.positive-control-missing',
  'inconclusive.before-idle',
]);

/** Channels that classify messages, and the vendor names hints use: from the vendor table. */
const CLASSIFYING = (channel: TargetChannel): boolean => CHANNEL_TABLE[channel].classifies;
const CHANNEL_NAMES = (channel: TargetChannel): Bilingual => CHANNEL_TABLE[channel].vendorName;

export interface HintInput {
  readonly status: CellStatus;
  /** Reason of the attempt that decided the status. */
  readonly reasonKey: ReasonKey | null;
  readonly column: MatrixColumn;
  /** The catalog scenario (for the message class); undefined for an unknown id. */
  readonly scenario: Scenario | undefined;
  readonly channel: TargetChannel | null;
  readonly profile: AppProfile;
  /** One of the cell's missing attempts is in the phone's quota tail (see quotaTail). */
  readonly inQuotaTail: boolean;
  /** Do Not Disturb was on (doctor snapshot of the run); null when unknown. */
  readonly dnd: boolean | null;
}

export interface TailAttempt {
  readonly id: number;
  /** Run order within the phone. */
  readonly ordinal: number;
  readonly verdict: VerdictKind | null;
  readonly reason: { readonly key: ReasonKey } | null;
  readonly delivered: boolean | null;
}

const isMissing = (a: TailAttempt): boolean =>
  (a.verdict === 'fail' || a.verdict === 'inconclusive') && a.reason !== null && MISSING.has(a.reason.key);

/**
 * The ids of one phone's attempts in its quota tail: after the last push that showed, at least
 * QUOTA_TAIL_MIN missing pushes and nothing delivered. Attempts that say nothing about delivery
 * (a pass because nothing may show, not run, blocked, lost, still pending) neither count nor
 * break the tail. Empty when nothing showed at all: a dead channel is not a quota.
 */
export function quotaTail(attempts: readonly TailAttempt[]): ReadonlySet<number> {
  const ordered = [...attempts].sort((a, b) => a.ordinal - b.ordinal);
  let lastDelivered = -1;
  ordered.forEach((a, i) => {
    if (a.delivered === true) lastDelivered = i;
  });
  if (lastDelivered < 0) return new Set();
  const missing = ordered.slice(lastDelivered + 1).filter(isMissing);
  return missing.length >= QUOTA_TAIL_MIN ? new Set(missing.map((a) => a.id)) : new Set();
}

function hint(kind: ThrottleHint['kind'], rules: string[], text: Bilingual): ThrottleHint {
  return { kind, rules, text };
}

export function throttleHint(input: HintInput): ThrottleHint | null {
  if (input.status !== 'fail' && input.status !== 'inconclusive') return null;
  const key = input.reasonKey;
  const missing = key !== null && MISSING.has(key);
  const channel = input.channel;
  const name = channel === null ? null : CHANNEL_NAMES(channel);

  if (missing && input.inQuotaTail && channel !== null && name !== null && QUOTA_CHANNELS.includes(channel)) {
    return hint('daily-quota', ['seed.daily-quota'], {
      en:
        `Pushes showed earlier in this run, then ${QUOTA_TAIL_MIN} or more in a row did ` +
        `not: ${name.en}'s daily push quota may be used up. Check the quota in the ${name.en} ` +
        `console before treating this as a product failure.`,
      zhCN: `本次运行前面的推送已显示，之后连续 ${QUOTA_TAIL_MIN} 条或更多未显示：可能已用完${name.zhCN}的每日推送配额。请先在${name.zhCN}控制台查看配额，再判断是否为产品问题。`,
    });
  }
  if (missing && channel !== null && name !== null && CLASSIFYING(channel) && input.scenario) {
    const cls = messageClass(input.scenario.message, channel, input.profile);
    if (cls === 'low' || cls === 'unknown') {
      const quota = cls === 'low' && QUOTA_CHANNELS.includes(channel);
      const classWord: Bilingual =
        cls === 'low' ? { en: 'a low', zhCN: '低' } : { en: 'an unproven', zhCN: '未确认的' };
      return hint(
        quota ? 'daily-quota' : 'message-class',
        quota ? ['seed.vendor-classification', 'seed.daily-quota'] : ['seed.vendor-classification'],
        {
          en:
            `This message has ${classWord.en} ${name.en} message class: ${name.en} delays, ` +
            `folds${quota ? ' and caps the daily number of' : ' or rate-limits'} such pushes. ` +
            `Send it on a high class (vendor fields, granted channel) to test delivery itself.`,
          zhCN: `该消息在${name.zhCN}上属于${classWord.zhCN}级别：${name.zhCN}会延迟、折叠${quota ? '并限制每日数量' : '或限流'}此类推送。请使用高级别（厂商字段、已申请的渠道）发送以测试送达本身。`,
        },
      );
    }
  }
  if (missing && input.column.state === 'doze') {
    return hint('doze', ['android.doze-fcm-priority'], {
      en:
        'The phone was in Doze: delivery may wait until it leaves Doze (FCM delivers only ' +
        "high-priority messages at once). Check the message priority and the app's battery settings.",
      zhCN: '手机处于 Doze：推送可能要等退出 Doze 后才送达（FCM 只会立即送达高优先级消息）。请检查消息优先级与应用的电池设置。',
    });
  }
  if ((missing || key === 'fail.wrong-sound') && input.dnd === true) {
    return hint('quiet-hours', ['seed.notification-settings'], {
      en: 'Do Not Disturb was on on this phone during the run: it hides or silences notifications. Turn it off and run this cell again.',
      zhCN: '运行期间该手机开启了勿扰模式：通知会被隐藏或静音。请关闭后重新运行此单元格。',
    });
  }
  return null;
}
