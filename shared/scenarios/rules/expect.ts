/**
 * expectFor: what should happen for one scenario on one phone. Combines the app state matrix, the
 * display rules, the hard gates (no desc, blocked notifications, OPPO ChannelID, push service,
 * APNs environment) and vendor classes. Every outcome names the rules behind it.
 */
import type {
  AppProfile,
  Bilingual,
  Caveat,
  Expectation,
  ExpectationKind,
  PhoneContext,
  Prediction,
  Scenario,
  ScenarioSetup,
  SoundExpectation,
  TargetChannel,
} from '../types';
import { platformOfChannel } from '../../platforms/platform-facts';
import { TARGET_CHANNELS } from '../types';
import { CHANNEL_TABLE } from '../../vendors/vendor-table';
import { ruleById } from '../sources';
import { displayText, type PushDisplay } from './display';
import { QUOTA_CHANNELS, messageClass } from './message-class';
import { stateVerdict, type StateVerdict } from './state';

/** Channels where Tencent supports a custom alert sound (seed 002; vendor table). */
const CUSTOM_SOUND_CHANNELS: readonly TargetChannel[] = TARGET_CHANNELS.filter(
  (c) => CHANNEL_TABLE[c].customSound,
);

/** Android 8.0 (API 26) introduced notification channels; OPPO's ChannelID rule starts there. */
const ANDROID_O = 26;

function withoutNotification(
  outcome: 'not-shown' | 'undecided' | 'not-applicable',
  rules: readonly string[],
  reason: Bilingual,
  surface: Expectation['surface'] = 'none',
): Expectation {
  return {
    outcome,
    prediction: null,
    ifMissing: null,
    needsPositiveControl: outcome === 'not-shown',
    delivery: null,
    surface: outcome === 'undecided' ? 'unknown' : surface,
    title: null,
    text: null,
    channelId: null,
    sound: { kind: 'not-checked' },
    tapExt: null,
    reason,
    rules,
    caveats: [],
  };
}

function fromVerdict(verdict: StateVerdict): Expectation {
  if (verdict.outcome === 'shown') throw new Error('fromVerdict is for verdicts without a notification.');
  return withoutNotification(verdict.outcome, verdict.rules, verdict.reason, verdict.surface);
}

function caveat(rule: string): Caveat {
  const found = ruleById(rule);
  if (found === undefined) throw new Error(`Unknown rule ${rule}.`);
  return { rule, text: found.text };
}

function applySetup(
  phone: PhoneContext,
  profile: AppProfile,
  setup: ScenarioSetup | undefined,
): [PhoneContext, AppProfile] {
  if (setup === undefined) return [phone, profile];
  return [
    {
      ...phone,
      notificationsBlocked: setup.notificationsBlocked ?? phone.notificationsBlocked,
      pushServiceReady: setup.pushServiceReady ?? phone.pushServiceReady,
    },
    setup.apns === undefined ? profile : { ...profile, apns: setup.apns },
  ];
}

/** True when the scenario is meant for phones on this channel. */
export function appliesTo(scenario: Scenario, channel: TargetChannel): boolean {
  return scenario.appliesTo === undefined || scenario.appliesTo.includes(channel);
}

/** The expectation for a scenario on a phone (optionally knowing the app's push set-up). */
export function expectFor(
  scenario: Scenario,
  rawPhone: PhoneContext,
  rawProfile: AppProfile = {},
): Expectation {
  const channel = rawPhone.channel;
  if (!appliesTo(scenario, channel)) {
    return withoutNotification('not-applicable', [], {
      en: `This scenario is not meant for ${channel}.`,
      zhCN: `此场景不适用于 ${channel}。`,
    });
  }
  const [phone, profile] = applySetup(rawPhone, rawProfile, scenario.setup);
  const verdict = stateVerdict(scenario.state, phone, profile);
  if (verdict.outcome === 'not-applicable') return fromVerdict(verdict);
  // Logged out or kicked: nothing is sent, whatever the message.
  if (scenario.state === 'logged-out' || scenario.state === 'kicked-offline') return fromVerdict(verdict);

  const display = displayText(scenario.message, { platform: platformOfChannel(channel) });
  if (!display.pushed) return withoutNotification('not-shown', display.rules, display.reason);
  if (scenario.state === 'foreground') return fromVerdict(verdict);

  const gate = hardGate(phone, profile, scenario);
  if (gate !== null) return gate;
  if (verdict.outcome !== 'shown') return fromVerdict(verdict);
  return shownExpectation(verdict, display, phone, profile, scenario);
}

/** Conditions that stop any notification from showing, in any state where one would. */
function hardGate(phone: PhoneContext, profile: AppProfile, scenario: Scenario): Expectation | null {
  const channel = phone.channel;
  if (channel === 'apns' && profile.apns !== undefined) {
    const tokenEnv = profile.apns.build === 'debug' ? 'development' : 'production';
    if (tokenEnv !== profile.apns.certificate) {
      return withoutNotification('not-shown', ['seed.apns-bad-devicetoken'], {
        en:
          `A ${profile.apns.build} build reports a ${tokenEnv} token, but the certificate ` +
          `is ${profile.apns.certificate}: APNs rejects it ("bad devicetoken").`,
        zhCN: `${profile.apns.build} 包上报的是 ${tokenEnv} 环境 token，证书却是 ${profile.apns.certificate}：APNs 拒收（“bad devicetoken”）。`,
      });
    }
  }
  if (phone.notificationsBlocked === true) {
    const rules =
      channel === 'oppo'
        ? ['seed.notification-settings', 'seed.oppo-notifications-off']
        : ['seed.notification-settings'];
    return withoutNotification('not-shown', rules, {
      en: "Notifications are turned off for the app: offline pushes obey the phone's notification settings.",
      zhCN: '应用通知已关闭：离线推送同样受系统通知设置约束。',
    });
  }
  const oppoChannel = scenario.message.push?.vendor?.oppoChannelId;
  if (channel === 'oppo' && (oppoChannel === undefined || oppoChannel === '')) {
    if (phone.sdk === null) {
      return withoutNotification('undecided', ['seed.oppo-channel-id'], {
        en: 'No OPPO ChannelID was sent and the Android version is unknown: on Android 8+ OPPO shows nothing.',
        zhCN: '未发送 OPPO ChannelID 且 Android 版本未知：Android 8 及以上 OPPO 不会显示。',
      });
    }
    if (phone.sdk >= ANDROID_O) {
      return withoutNotification('not-shown', ['seed.oppo-channel-id'], {
        en: 'No OPPO ChannelID was sent: OPPO on Android 8+ displays nothing without one.',
        zhCN: '未发送 OPPO ChannelID：Android 8 及以上的 OPPO 不会显示推送。',
      });
    }
  }
  return null;
}

function shownExpectation(
  verdict: StateVerdict,
  display: PushDisplay,
  phone: PhoneContext,
  profile: AppProfile,
  scenario: Scenario,
): Expectation {
  const channel = phone.channel;
  const push = scenario.message.push;
  const rules = [...verdict.rules, ...display.rules];
  const caveats: Caveat[] = [];
  let ifMissing: 'fail' | 'inconclusive' = 'fail';

  const cls = messageClass(scenario.message, channel, profile);
  let lowClass: Prediction | null = null;
  if (cls === 'low' || cls === 'unknown') {
    // A low (or unproven) class may be delayed, folded or capped: a missing push is not a fail.
    rules.push('seed.vendor-classification');
    if (cls === 'low' && QUOTA_CHANNELS.includes(channel)) rules.push('seed.daily-quota');
    lowClass = lowClassPrediction(cls, channel);
  } else if (QUOTA_CHANNELS.includes(channel)) {
    caveats.push(caveat('seed.daily-quota'));
  }
  if (phone.notificationsBlocked == null) {
    if (channel === 'oppo') {
      ifMissing = 'inconclusive';
      rules.push('seed.oppo-notifications-off');
    } else {
      caveats.push(caveat('seed.notification-settings'));
    }
  }
  if (phone.pushServiceReady == null && CHANNEL_TABLE[channel].serviceRequired) {
    caveats.push(caveat(serviceRule(channel)));
  }
  // The strongest platform fact explains a missing push; the weaker ones stay in the rules.
  const predictions = [servicePrediction(phone), verdict.prediction ?? null, lowClass].filter(
    (p): p is Prediction => p !== null,
  );
  const prediction = predictions.find((p) => p.effect === 'drop') ?? predictions[0] ?? null;
  if (predictions.some((p) => p.effect === 'drop')) ifMissing = 'inconclusive';
  for (const p of predictions) rules.push(p.rule);

  const ext = push?.ext ?? null;
  if (ext !== null) rules.push('seed.ext-tap');
  const ios = channel === 'apns';
  return {
    outcome: 'shown',
    prediction,
    ifMissing,
    needsPositiveControl: false,
    delivery: verdict.delivery,
    surface: 'notification',
    title: display.title === null ? null : { value: display.title, match: ios ? 'contains' : 'exact' },
    // The seeds' line formats are documented for APNs; on Android only the content is certain.
    text:
      ios && display.lineExact
        ? { value: display.line, match: 'exact' }
        : { value: display.content, match: 'contains' },
    channelId: expectedChannelId(scenario, phone),
    sound: soundFor(push?.sound, channel, rules, caveats),
    tapExt: ext,
    reason: verdict.reason,
    rules: [...new Set(rules)],
    caveats,
  };
}

function expectedChannelId(scenario: Scenario, phone: PhoneContext): string | null {
  if (phone.sdk === null || phone.sdk < ANDROID_O) return null;
  const vendor = scenario.message.push?.vendor ?? {};
  const byChannel: Partial<Record<TargetChannel, string | undefined>> = {
    oppo: vendor.oppoChannelId,
    xiaomi: vendor.xiaomiChannelId,
    huawei: vendor.huaweiChannelId,
    fcm: vendor.fcmChannelId,
  };
  const id = byChannel[phone.channel];
  return id === undefined || id === '' ? null : id;
}

function soundFor(
  sound: string | undefined,
  channel: TargetChannel,
  rules: string[],
  caveats: Caveat[],
): SoundExpectation {
  if (sound === undefined || sound === '') return { kind: 'default' };
  if (CUSTOM_SOUND_CHANNELS.includes(channel)) {
    rules.push('seed.custom-sound');
    return { kind: 'custom', name: sound };
  }
  caveats.push(caveat('seed.custom-sound'));
  return { kind: 'not-checked' };
}

const SERVICE_NAMES: Partial<Record<TargetChannel, Bilingual>> = {
  fcm: { en: 'Google Play services', zhCN: 'Google Play 服务' },
  huawei: { en: 'HMS Core', zhCN: 'HMS Core' },
  honor: { en: 'the Honor push service', zhCN: '荣耀推送服务' },
};

function serviceRule(channel: TargetChannel): string {
  return channel === 'fcm'
    ? 'seed.fcm-needs-gms'
    : channel === 'huawei'
      ? 'seed.hms-min-version'
      : 'seed.system-level-channel';
}

/**
 * A push service known to be missing or too old predicts a drop. Only a known fact counts: a
 * service PushLab does not recognise leaves pushServiceReady null and the requirement alone.
 */
function servicePrediction(phone: PhoneContext): Prediction | null {
  if (phone.pushServiceReady !== false) return null;
  const name = SERVICE_NAMES[phone.channel] ?? {
    en: `the ${phone.channel} push service`,
    zhCN: `${phone.channel} 推送服务`,
  };
  const rule = serviceRule(phone.channel);
  if (phone.pushServiceProblem === 'too-old') {
    return {
      fact: 'push-service-old',
      effect: 'drop',
      rule,
      text: { en: `${name.en} is older than this channel needs`, zhCN: `${name.zhCN}版本低于该通道的要求` },
    };
  }
  if (phone.pushServiceProblem === 'missing') {
    return {
      fact: 'push-service-missing',
      effect: 'drop',
      rule,
      text: { en: `${name.en} was not found`, zhCN: `未找到${name.zhCN}` },
    };
  }
  return {
    fact: 'push-service-missing',
    effect: 'drop',
    rule,
    text: { en: `${name.en} is missing or too old`, zhCN: `${name.zhCN}缺失或版本过低` },
  };
}

function lowClassPrediction(cls: 'low' | 'unknown', channel: TargetChannel): Prediction {
  const quota = cls === 'low' && QUOTA_CHANNELS.includes(channel);
  return {
    fact: 'low-class',
    effect: 'drop',
    rule: quota ? 'seed.daily-quota' : 'seed.vendor-classification',
    text:
      cls === 'low'
        ? {
            en: `the message has a low ${channel} class, which may be delayed, folded or capped by a daily quota`,
            zhCN: `该消息在 ${channel} 属于低级别，可能被延迟、折叠或受每日限额限制`,
          }
        : {
            en: `the message's ${channel} class is not proven high, so it may be delayed or folded`,
            zhCN: `该消息在 ${channel} 的级别未确认为高，可能被延迟或折叠`,
          },
  };
}

/** Which kind of cell this is: a requirement on the product, a platform prediction, or neither. */
export function expectationKind(expectation: Expectation): ExpectationKind {
  switch (expectation.outcome) {
    case 'shown':
      return expectation.prediction === null ? 'must-show' : 'predicted';
    case 'not-shown':
      return 'must-not-show';
    default:
      return expectation.outcome;
  }
}
