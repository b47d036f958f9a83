/**
 * The vendor x app-state matrix: whether an offline push can reach the phone at all in each state,
 * before message content, notification settings and vendor classes are considered.
 */
import type {
  AppProfile,
  AppState,
  Bilingual,
  Outcome,
  PhoneContext,
  Prediction,
  TargetChannel,
} from '../types';
import { TARGET_CHANNELS } from '../types';
import { CHANNEL_TABLE } from '../../vendors/vendor-table';

export interface StateVerdict {
  readonly outcome: Outcome;
  readonly rules: readonly string[];
  readonly reason: Bilingual;
  readonly delivery: 'prompt' | 'after-idle' | null;
  readonly surface: 'notification' | 'in-app' | 'none' | 'unknown';
  /** For 'shown': a platform fact that may drop or hold back the push (never a requirement). */
  readonly prediction?: Prediction;
}

/** Vendor channels whose system push service shows the notification without the app (seed 002/003; vendor table). */
export const SYSTEM_LEVEL_CHANNELS: readonly TargetChannel[] = TARGET_CHANNELS.filter(
  (c) => CHANNEL_TABLE[c].systemLevel,
);

/** States that only exist on Android. */
const ANDROID_ONLY: readonly AppState[] = ['force-stopped', 'doze'];

function shown(
  rules: string[],
  en: string,
  zhCN: string,
  delivery: 'prompt' | 'after-idle' = 'prompt',
): StateVerdict {
  return { outcome: 'shown', rules, reason: { en, zhCN }, delivery, surface: 'notification' };
}
/** A push the product must show, which a platform fact predicts will be dropped or held back. */
function predicted(verdict: StateVerdict, prediction: Prediction): StateVerdict {
  return { ...verdict, prediction };
}

const STOPPED_BY_SWIPE: Prediction = {
  fact: 'rom-stopped-swiped-app',
  effect: 'drop',
  rule: 'android.stopped-state',
  text: { en: 'this ROM stopped the app when it was swiped away', zhCN: '该 ROM 在划掉应用时将其停止' },
};
const APP_STOPPED: Prediction = {
  fact: 'app-stopped',
  effect: 'drop',
  rule: 'android.stopped-state',
  text: {
    en: "the app is in Android's stopped state, which FCM does not deliver to",
    zhCN: '应用处于 Android 的 stopped 状态，FCM 不会投递',
  },
};
const DOZE: Prediction = {
  fact: 'doze',
  effect: 'delay',
  rule: 'android.doze-fcm-priority',
  text: {
    en: 'the phone is in Doze, which may hold the push back until it leaves',
    zhCN: '手机处于 Doze，推送可能要等退出后才到达',
  },
};

function notShown(
  rules: string[],
  en: string,
  zhCN: string,
  surface: StateVerdict['surface'] = 'none',
): StateVerdict {
  return { outcome: 'not-shown', rules, reason: { en, zhCN }, delivery: null, surface };
}
function undecided(rules: string[], en: string, zhCN: string): StateVerdict {
  return { outcome: 'undecided', rules, reason: { en, zhCN }, delivery: null, surface: 'unknown' };
}

/** What the app state alone says for this channel. */
export function stateVerdict(state: AppState, phone: PhoneContext, profile: AppProfile = {}): StateVerdict {
  const channel = phone.channel;
  if (channel === 'apns' && ANDROID_ONLY.includes(state)) {
    return {
      outcome: 'not-applicable',
      rules: [],
      reason: { en: `"${state}" is an Android state.`, zhCN: `“${state}”是 Android 特有的状态。` },
      delivery: null,
      surface: 'unknown',
    };
  }
  const systemLevel = SYSTEM_LEVEL_CHANNELS.includes(channel);
  switch (state) {
    case 'logged-out':
      return notShown(
        ['seed.logged-out'],
        'The user logged out: Tencent sends no offline push.',
        '用户已登出：腾讯不再发送离线推送。',
      );
    case 'kicked-offline':
      return notShown(
        ['seed.kicked-offline'],
        'The user was forced offline by a login elsewhere: no offline push.',
        '用户因其他设备登录被踢下线：不会收到离线推送。',
      );
    case 'foreground':
      if (profile.postsOwnNotificationInForeground === true) {
        return undecided(
          ['seed.offline-only'],
          'The app posts its own notifications in the foreground, so an offline push cannot be told apart from them.',
          '应用在前台会自行发通知，无法与离线推送区分。',
        );
      }
      return notShown(
        ['seed.offline-only'],
        'The app is in the foreground and online: the message arrives in the app, with no system notification from offline push.',
        '应用在前台且在线：消息在应用内到达，不会有离线推送的系统通知。',
        'in-app',
      );
    case 'background':
      return shown(
        ['seed.background'],
        'The app is in the background without logging out: offline push is expected.',
        '应用在后台且未登出：应收到离线推送。',
      );
    case 'screen-locked':
      return shown(
        ['seed.screen-locked'],
        'The screen is off and locked: offline push is expected (on the lock screen if allowed).',
        '屏幕关闭并锁定：应收到离线推送（锁屏通知允许时显示在锁屏）。',
      );
    case 'swiped-away':
      return swipedAway(phone, systemLevel);
    case 'force-stopped':
      return forceStopped(phone, systemLevel);
    case 'doze':
      return doze(systemLevel, profile);
    case 'after-reboot':
      return afterReboot(phone, systemLevel);
  }
}

function swipedAway(phone: PhoneContext, systemLevel: boolean): StateVerdict {
  if (phone.channel === 'apns' || systemLevel) {
    return shown(
      systemLevel ? ['seed.killed', 'seed.system-level-channel'] : ['seed.killed'],
      'Killed by the user without logout: offline push is expected; the push service shows it without the app.',
      '被用户杀掉但未登出：应收到离线推送，由推送服务展示，无需应用运行。',
    );
  }
  // FCM needs the app itself to receive the message; whether the swipe stopped it is the question.
  if (phone.appStopped === true) {
    const required = shown(
      ['seed.killed', 'android.stopped-state', 'android.swipe-oem'],
      'Swiped away without logout: the push is required, but this ROM stopped the app and FCM delivers nothing to a stopped app.',
      '划掉但未登出：应收到推送，但该 ROM 停止了应用，FCM 不会投递给已停止的应用。',
    );
    return predicted(required, STOPPED_BY_SWIPE);
  }
  if (phone.appStopped === false || phone.rom === 'Android') {
    return shown(
      ['seed.killed', 'android.swipe-oem'],
      'Swiped away but not stopped: FCM still wakes the app, so the push is expected.',
      '已划掉但未被停止：FCM 仍能唤醒应用，应收到推送。',
    );
  }
  return undecided(
    ['android.swipe-oem'],
    "Some ROMs force-stop an app that is swiped away; read the app's stopped state to decide.",
    '部分 ROM 划掉应用即强行停止；需读取应用的 stopped 状态才能判断。',
  );
}

function forceStopped(phone: PhoneContext, systemLevel: boolean): StateVerdict {
  if (phone.appStopped === false) {
    return undecided(
      ['android.stopped-state'],
      'The app is not in the stopped state after force-stop: the state was not reached, so the run proves nothing.',
      '强行停止后应用并未处于 stopped 状态：状态未达成，本次结果不能说明问题。',
    );
  }
  if (systemLevel) {
    return shown(
      ['seed.killed', 'seed.system-level-channel'],
      "Force-stopped without logout: the vendor's system push service shows the notification itself, without starting the app.",
      '被强行停止但未登出：厂商系统级推送服务自行展示通知，无需启动应用。',
    );
  }
  const required = shown(
    ['seed.killed', 'android.stopped-state'],
    'Force-stopped without logout: the push is required, but Android excludes stopped ' +
      'packages from the FCM broadcast (FLAG_EXCLUDE_STOPPED_PACKAGES), so it is predicted ' +
      'to be dropped.',
    '被强行停止但未登出：应收到推送，但 Android 不向已停止的应用投递 FCM 广播（FLAG_EXCLUDE_STOPPED_PACKAGES），预计会被丢弃。',
  );
  return predicted(required, APP_STOPPED);
}

function doze(systemLevel: boolean, profile: AppProfile): StateVerdict {
  if (systemLevel) {
    return predicted(
      shown(
        ['seed.system-level-channel'],
        'Doze: the vendor push service keeps a system-level connection, so the push is ' +
          'expected; how fast is not documented, so judge it after the phone leaves Doze.',
        'Doze：厂商推送服务保持系统级长连接，应收到推送；时效未见文档，退出 Doze 后再判定。',
        'after-idle',
      ),
      DOZE,
    );
  }
  if (profile.fcmPriority === 'high') {
    return shown(
      ['android.doze-fcm-priority'],
      'Doze: FCM delivers high-priority messages at once.',
      'Doze：FCM 会立即投递高优先级消息。',
    );
  }
  return predicted(
    shown(
      ['android.doze-fcm-priority'],
      'Doze: a normal-priority (or unknown-priority) FCM message may wait until the phone leaves Doze; judge it then.',
      'Doze：普通（或未知）优先级的 FCM 消息可能要等手机退出 Doze，届时再判定。',
      'after-idle',
    ),
    DOZE,
  );
}

function afterReboot(phone: PhoneContext, systemLevel: boolean): StateVerdict {
  const unlock = ' The phone must be unlocked once after the reboot.';
  const unlockZh = '重启后需先解锁一次手机。';
  if (phone.channel === 'apns' || systemLevel) {
    return shown(
      systemLevel ? ['seed.killed', 'seed.system-level-channel'] : ['seed.killed'],
      `Closed by the system (reboot) without logout: offline push is expected.${unlock}`,
      `被系统关闭（重启）但未登出：应收到离线推送。${unlockZh}`,
    );
  }
  if (phone.appStopped === true) {
    const required = shown(
      ['seed.killed', 'android.stopped-state'],
      'Closed by the system without logout: the push is required, but the app is still stopped after the reboot and FCM delivers nothing to it.',
      '被系统关闭但未登出：应收到推送，但重启后应用仍处于 stopped 状态，FCM 不会投递。',
    );
    return predicted(required, APP_STOPPED);
  }
  if (phone.autostartAllowed === false) {
    return undecided(
      ['android.autostart'],
      'Autostart is off for the app on this ROM: whether FCM may wake it after a reboot is not documented.',
      '该 ROM 上应用的自启动已关闭：重启后 FCM 能否唤醒应用无文档依据。',
    );
  }
  if (phone.autostartAllowed === true || phone.rom === 'Android') {
    return shown(
      ['seed.killed', 'android.stopped-state'],
      `Closed by the system, not stopped: FCM wakes the app.${unlock}`,
      `被系统关闭但未处于 stopped 状态：FCM 可唤醒应用。${unlockZh}`,
    );
  }
  return undecided(
    ['android.autostart'],
    'This ROM may block the app from starting after a reboot; read its autostart setting to decide.',
    '该 ROM 可能禁止应用重启后自启动；需读取自启动设置才能判断。',
  );
}
