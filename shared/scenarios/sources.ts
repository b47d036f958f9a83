/**
 * The rules behind every expectation, each with the document it comes from and a short quote.
 * SEED_RULES are the rules listed in /work/shared/seeds/README.md (Tencent's guides); PLATFORM_RULES
 * are Android facts from the project's reference notes and Android's documentation.
 */
import type { Bilingual } from './types';

export interface RuleSource {
  /** Seed file name, or 'reference/protocols.md §n', or a public URL. */
  readonly file: string;
  /** Words from that source (abridged with …). */
  readonly quote: string;
}

export interface Rule {
  readonly id: string;
  readonly kind: 'seed' | 'platform';
  readonly text: Bilingual;
  readonly sources: readonly RuleSource[];
}

const S000 = '000_acea73ed56b2c609.txt';
const S001 = '001_6e945f9fd8a9b1b7.txt';
const S002 = '002_096810a5576f5948.txt';
const S003 = '003_ffbfdb7ee73ab8fe.txt';
const S004 = '004_f6dea5c0fccc4f87.txt';
const LOGOUT_QUOTE =
  'If the `logout` API is called to log out proactively or you are forced to log out due to multi-device login, you cannot receive offline push messages';

/** Rules from the seeds README, one id per checkable outcome. */
export const SEED_RULES: readonly Rule[] = [
  {
    id: 'seed.logged-out',
    kind: 'seed',
    text: { en: 'A user who logged out receives no offline push.', zhCN: '已主动登出的用户收不到离线推送。' },
    sources: [
      { file: S002, quote: LOGOUT_QUOTE },
      {
        file: S001,
        quote:
          'Users who have logged out normally or have been forced offline will not receive any message notifications.',
      },
    ],
  },
  {
    id: 'seed.kicked-offline',
    kind: 'seed',
    text: {
      en: 'A user forced offline by a login elsewhere receives no offline push.',
      zhCN: '因多端登录被踢下线的用户收不到离线推送。',
    },
    sources: [
      {
        file: S004,
        quote:
          'users are forced to log out due to multi-device login, users cannot receive offline push messages',
      },
    ],
  },
  {
    id: 'seed.background',
    kind: 'seed',
    text: {
      en: 'With the app in the background (not logged out), offline push is expected.',
      zhCN: '应用退到后台（未登出）时应收到离线推送。',
    },
    sources: [
      {
        file: S002,
        quote:
          'without proactive logout, the app is switched to the background, the mobile phone ' +
          'screen is locked, or the app process is killed by a user, you can enable the IM offline push',
      },
    ],
  },
  {
    id: 'seed.screen-locked',
    kind: 'seed',
    text: { en: 'With the screen locked, offline push is expected.', zhCN: '锁屏时应收到离线推送。' },
    sources: [
      { file: S004, quote: 'the mobile phone screen is locked … you can enable the IM offline push' },
    ],
  },
  {
    id: 'seed.killed',
    kind: 'seed',
    text: {
      en: 'With the app process killed by the user or closed by the system without logout, offline push is expected.',
      zhCN: '应用进程被用户杀掉或被系统关闭（未登出）时应收到离线推送。',
    },
    sources: [
      { file: S000, quote: 'or the app process is killed by a user, you can enable the IM offline push' },
      {
        file: S003,
        quote: 'Here, "offline" means that the app is closed by the system or user without logout.',
      },
    ],
  },
  {
    id: 'seed.text',
    kind: 'seed',
    text: { en: 'A text element shows its content.', zhCN: '文本消息显示其内容。' },
    sources: [{ file: S001, quote: 'Text Elem | Directly display the content' }],
  },
  {
    id: 'seed.element-placeholders',
    kind: 'seed',
    text: {
      en: 'Image, audio and file elements show [image], [audio] and [file].',
      zhCN: '图片、语音、文件消息分别显示 [image]、[audio]、[file]。',
    },
    sources: [
      {
        file: S001,
        quote:
          'Audio Elem | Display `[audio]` … File Elem | Display `[file]` … Image Elem | Display `[image]`',
      },
    ],
  },
  {
    id: 'seed.custom-desc',
    kind: 'seed',
    text: {
      en: 'A custom element shows the desc set when it was sent.',
      zhCN: '自定义消息显示发送时设置的 desc。',
    },
    sources: [{ file: S001, quote: 'Custom Elem | Display the desc field set when message is sent.' }],
  },
  {
    id: 'seed.custom-no-desc',
    kind: 'seed',
    text: {
      en: 'A custom element without desc is not pushed at all.',
      zhCN: '未设置 desc 的自定义消息不会推送。',
    },
    sources: [
      { file: S001, quote: 'If `desc` is not set, it will not be pushed.' },
      { file: S002, quote: 'by default, custom messages are not pushed offline' },
    ],
  },
  {
    id: 'seed.c2c-format',
    kind: 'seed',
    text: {
      en: 'One-to-one: "Nickname:content", or the content alone when there is no nickname.',
      zhCN: '单聊：“昵称:内容”，无昵称时只显示内容。',
    },
    sources: [
      { file: S001, quote: 'Nickname:content … If the nickname is not set, only the content is displayed.' },
    ],
  },
  {
    id: 'seed.group-format',
    kind: 'seed',
    text: {
      en: 'Group: "Name (Group Name):content"; the name is the group name card, else the nickname.',
      zhCN: '群聊：“名称 (群名称):内容”，名称优先取群名片，其次昵称。',
    },
    sources: [
      {
        file: S001,
        quote:
          "Name (Group Name):content … message sender's `group name card` > `group nickname`. If neither is available, no name is displayed.",
      },
    ],
  },
  {
    id: 'seed.title-desc-override',
    kind: 'seed',
    text: {
      en: 'title and desc set on the message override the default title and content.',
      zhCN: '消息上设置的 title 与 desc 会覆盖默认标题与内容。',
    },
    sources: [
      {
        file: S001,
        quote:
          'Once set, the `title` content will be added to the default push content and `desc` will be displayed as the push content.',
      },
      {
        file: S003,
        quote:
          'setDescr … Set the content to be displayed when the target user receives the offline push notification',
      },
    ],
  },
  {
    id: 'seed.default-title',
    kind: 'seed',
    text: {
      en: 'On Android an empty title becomes the sender nickname, or the sender ID without one.',
      zhCN: 'Android 上标题为空时使用发送者昵称，无昵称时使用发送者 ID。',
    },
    sources: [
      {
        file: S004,
        quote:
          'When this string is left empty, the IM backend will automatically replace it with ' +
          'the sender nickname or, if the sender nickname is unavailable, the sender ID.',
      },
    ],
  },
  {
    id: 'seed.ext-tap',
    kind: 'seed',
    text: {
      en: 'ext travels to the tap handler, which redirects by it.',
      zhCN: 'ext 会传给点击处理逻辑，用于跳转。',
    },
    sources: [
      {
        file: S001,
        quote: 'When the user receives offline push and starts the app, the `ext` field can be obtained',
      },
      {
        file: S004,
        quote:
          'ext … Extra information in the push, which can be obtained after the redirect upon notification click.',
      },
    ],
  },
  {
    id: 'seed.custom-sound',
    kind: 'seed',
    text: {
      en: 'A custom alert sound is supported on Huawei, Mi, FCM and APNs.',
      zhCN: '自定义提示音支持华为、小米、FCM 与 APNs。',
    },
    sources: [
      {
        file: S002,
        quote:
          'SDK v6.1.2155 or a later version supports customizing alert tones on devices of Huawei, Mi, FCM and APNs.',
      },
    ],
  },
  {
    id: 'seed.oppo-channel-id',
    kind: 'seed',
    text: {
      en: 'OPPO on Android 8+ shows nothing without a ChannelID.',
      zhCN: 'OPPO Android 8 及以上未配置 ChannelID 时不显示推送。',
    },
    sources: [
      {
        file: S002,
        quote:
          '`ChannelID` must be configured for OPPO Android 8.0 or later; otherwise, push messages cannot be displayed.',
      },
    ],
  },
  {
    id: 'seed.oppo-notifications-off',
    kind: 'seed',
    text: {
      en: 'Apps installed on OPPO phones start with notifications off.',
      zhCN: 'OPPO 手机上新安装的应用默认关闭通知。',
    },
    sources: [
      {
        file: S004,
        quote:
          'The notification bar display feature is disabled by default for applications installed on the OPPO device.',
      },
    ],
  },
  {
    id: 'seed.notification-settings',
    kind: 'seed',
    text: {
      en: "Offline pushes obey the phone's notification settings: notifications off for the app means nothing shows.",
      zhCN: '离线推送受系统通知设置约束：应用通知关闭则不显示。',
    },
    sources: [
      {
        file: S002,
        quote:
          '"Settings - Notifications - Application Notifications - Allow Notifications" will directly affect the display of offline push notifications.',
      },
    ],
  },
  {
    id: 'seed.vendor-classification',
    kind: 'seed',
    text: {
      en: 'Huawei, vivo, OPPO and Xiaomi classify messages; low classes are delayed, folded or rate-limited.',
      zhCN: '华为、vivo、OPPO、小米对消息分类；低级别消息会延迟、折叠或限量。',
    },
    sources: [
      {
        file: S002,
        quote:
          "Otherwise, offline push messages are affected by the vendor's push message classification and may vary from your expectations.",
      },
    ],
  },
  {
    id: 'seed.daily-quota',
    kind: 'seed',
    text: {
      en: 'Vendors cap daily push volume (Meizu, vivo, OPPO public and Xiaomi general messages).',
      zhCN: '厂商限制每日推送量（魅族、vivo、OPPO 公信、小米普通消息）。',
    },
    sources: [
      {
        file: S002,
        quote:
          'some vendors set limits on the daily volumes of app push messages … Meizu: Push messages are subject to a number limit.',
      },
    ],
  },
  {
    id: 'seed.apns-bad-devicetoken',
    kind: 'seed',
    text: {
      en: 'APNs: a Debug token with a production certificate (or the reverse) fails as "bad devicetoken".',
      zhCN: 'APNs：Debug 包的 token 配生产证书（或反之）会报 “bad devicetoken”。',
    },
    sources: [
      {
        file: S000,
        quote:
          'If the certificate ID used to upload deviceToken … is inconsistent with the environment token, the error will be reported.',
      },
    ],
  },
  {
    id: 'seed.fcm-needs-gms',
    kind: 'seed',
    text: { en: 'FCM needs Google Play services on the phone.', zhCN: 'FCM 需要手机安装 Google Play 服务。' },
    sources: [
      {
        file: S003,
        quote: 'The mobile phone needs to install Google Play Services and be used outside Mainland China.',
      },
    ],
  },
  {
    id: 'seed.hms-min-version',
    kind: 'seed',
    text: {
      en: 'Huawei push needs HMS Core newer than 20401300.',
      zhCN: '华为推送需要 HMS Core 版本高于 20401300。',
    },
    sources: [{ file: S003, quote: 'Huawei mobile service versions later than 20401300' }],
  },
  {
    id: 'seed.system-level-channel',
    kind: 'seed',
    text: {
      en: 'Vendor channels are system-level: the vendor service shows the notification without the app running.',
      zhCN: '厂商通道为系统级：由厂商推送服务展示通知，无需应用进程运行。',
    },
    sources: [
      {
        file: S002,
        quote:
          'system-grade push channels provide more stable system-grade persistent connections, enabling users to receive push messages at any time',
      },
      {
        file: S003,
        quote:
          'NotifyMode.Normal … click the notification bar message to directly start the app. This will not trigger callback for the app.',
      },
    ],
  },
  {
    id: 'seed.offline-only',
    kind: 'seed',
    text: {
      en: 'Offline push is for an app that is not running in the foreground; in the foreground the message arrives in the app.',
      zhCN: '离线推送针对不在前台的应用；前台时消息直接在应用内到达。',
    },
    sources: [
      {
        file: S002,
        quote:
          'IM recommends you use the system-grade push channels provided by vendors for message notifications when the app is running in the background',
      },
    ],
  },
];

/** Android behaviour the seeds do not state. */
export const PLATFORM_RULES: readonly Rule[] = [
  {
    id: 'android.stopped-state',
    kind: 'platform',
    text: {
      en: 'An app in the stopped state (force-stopped, or never launched) receives nothing from FCM until it is opened again.',
      zhCN: '处于 stopped 状态（被强行停止或从未启动）的应用在再次打开前收不到 FCM 消息。',
    },
    sources: [
      {
        file: 'reference/protocols.md §6',
        quote:
          'An app in the Android stopped state receives nothing from FCM … the system adds FLAG_EXCLUDE_STOPPED_PACKAGES to the GCM broadcast.',
      },
    ],
  },
  {
    id: 'android.swipe-oem',
    kind: 'platform',
    text: {
      en: 'Swiping from Recents is not a force-stop on stock Android, but several OEM ROMs force-stop or block the app.',
      zhCN: '原生 Android 上划掉最近任务不等于强行停止，但部分厂商 ROM 会强行停止或限制应用。',
    },
    sources: [
      {
        file: 'reference/protocols.md §8',
        quote:
          'Swiping from Recents is not a force-stop on stock Android, but several OEM ROMs ' +
          '(OPPO/ColorOS, Xiaomi, Huawei and others) do force-stop or block the app',
      },
    ],
  },
  {
    id: 'android.doze-fcm-priority',
    kind: 'platform',
    text: {
      en: 'In Doze, FCM tries to deliver high-priority messages at once; normal ones may wait until the phone leaves Doze.',
      zhCN: 'Doze 下 FCM 会尽量立即送达高优先级消息；普通优先级可能要等手机退出 Doze。',
    },
    sources: [
      {
        file: 'https://firebase.google.com/docs/cloud-messaging/android/message-priority',
        quote:
          'When the device is in Doze mode, delivery may be delayed to conserve battery until ' +
          'the device exits doze. … FCM attempts to deliver high priority messages immediately, ' +
          'allowing FCM to wake a sleeping device',
      },
    ],
  },
  {
    id: 'android.autostart',
    kind: 'platform',
    text: {
      en: 'After a reboot the app is not running; on ROMs with autostart control, a blocked app cannot be woken by FCM.',
      zhCN: '重启后应用未运行；有自启动管控的 ROM 上被禁止自启动的应用无法被 FCM 唤醒。',
    },
    sources: [
      {
        file: 'reference/protocols.md §8',
        quote: 'several OEM ROMs … do force-stop or block the app … unless it is allow-listed',
      },
    ],
  },
];

/** Every rule, seeds first. */
export const RULES: readonly Rule[] = [...SEED_RULES, ...PLATFORM_RULES];

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

/** The rule with this id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
