/**
 * The shipped scenario catalog: every app state and every message kind from issue 4, each with the
 * rules it checks. Also a reference app profile and one reference phone per channel, used to show the
 * vendor x state matrix and to prove that every seed rule is an expected outcome somewhere.
 */
import type { AppProfile, Bilingual, MessageSpec, PhoneContext, Scenario, VendorFields } from './types';
import { TARGET_CHANNELS } from './types';
import { CHANNEL_TABLE } from '../vendors/vendor-table';

/**
 * Vendor fields that give the message a high class everywhere it can have one: an IM message, as
 * Tencent's IM example sets them (OfflinePushInfo doc, 269/133879) and the vendors' service classes.
 * OPPO notify_level 2 (status bar + lock screen) needs no extra grant; 16 (banner) does.
 */
export const HIGH_CLASS_VENDOR_FIELDS: VendorFields = {
  oppoChannelId: 'pushlab_im',
  oppoCategory: 'IM',
  oppoNotifyLevel: 2,
  xiaomiChannelId: 'pushlab_im',
  huaweiCategory: 'IM',
  huaweiImportance: 'NORMAL',
  honorImportance: 'NORMAL',
  vivoClassification: 1,
  vivoCategory: 'IM',
  meizuNoticeMsgType: 1,
};

/** The app the reference matrix assumes: vendor-granted IM channel, high-priority FCM, matching APNs set-up. */
export const REFERENCE_APP: AppProfile = {
  highClassChannelIds: ['pushlab_im'],
  fcmPriority: 'high',
  apns: { build: 'release', certificate: 'production' },
};

const known = { pushServiceReady: true, notificationsBlocked: false } as const;

/** One typical phone per channel (two for FCM: stock Android and an OEM ROM). */
export const REFERENCE_PHONES: Readonly<Record<string, PhoneContext>> = {
  xiaomi: { channel: 'xiaomi', rom: 'HyperOS', sdk: 34, ...known },
  huawei: { channel: 'huawei', rom: 'EMUI', sdk: 29, ...known },
  honor: { channel: 'honor', rom: 'MagicOS', sdk: 33, ...known },
  oppo: { channel: 'oppo', rom: 'ColorOS', sdk: 33, ...known },
  vivo: { channel: 'vivo', rom: 'OriginOS', sdk: 33, ...known },
  meizu: { channel: 'meizu', rom: 'Flyme', sdk: 30, ...known },
  fcm: { channel: 'fcm', rom: 'Android', sdk: 34, ...known },
  'fcm-one-ui': { channel: 'fcm', rom: 'One UI', sdk: 34, ...known },
  apns: { channel: 'apns', rom: 'iOS', sdk: null, ...known },
};

const SENDER = { id: 'pushlab_sender', nickname: 'Denny' } as const;

function c2c(kind: MessageSpec['kind'], extra: Partial<MessageSpec> = {}): MessageSpec {
  return { kind, conversation: 'c2c', sender: SENDER, push: { vendor: HIGH_CLASS_VENDOR_FIELDS }, ...extra };
}
const TEXT = c2c('text', { text: 'PushLab offline check' });

function scenario(
  id: string,
  state: Scenario['state'],
  message: MessageSpec,
  title: Bilingual,
  description: Bilingual,
  sources: string[],
  more: Partial<Scenario> = {},
): Scenario {
  return { id, state, message, title, description, sources, ...more };
}

/** Every shipped scenario. */
export const SCENARIOS: readonly Scenario[] = [
  scenario(
    'background-c2c-text',
    'background',
    TEXT,
    { en: 'Background, one-to-one text', zhCN: '后台，单聊文本' },
    {
      en: 'Press HOME, then send a text: "Nickname:content", titled with the nickname.',
      zhCN: '按 HOME 后发送文本：“昵称:内容”，标题为昵称。',
    },
    ['seed.background', 'seed.text', 'seed.c2c-format', 'seed.default-title'],
  ),
  scenario(
    'background-c2c-text-no-nickname',
    'background',
    { ...TEXT, sender: { id: 'pushlab_sender' } },
    { en: 'Background, text from a sender without nickname', zhCN: '后台，无昵称发送者的文本' },
    {
      en: 'The content alone; on Android the title falls back to the sender ID.',
      zhCN: '只显示内容；Android 标题退回为发送者 ID。',
    },
    ['seed.c2c-format', 'seed.default-title'],
  ),
  scenario(
    'screen-locked-group-text',
    'screen-locked',
    {
      kind: 'text',
      conversation: 'group',
      sender: { ...SENDER, groupNameCard: 'Denny (QA)' },
      groupName: 'Lab Team',
      text: 'Group check',
      push: { vendor: HIGH_CLASS_VENDOR_FIELDS },
    },
    { en: 'Screen locked, group text', zhCN: '锁屏，群聊文本' },
    {
      en: 'Screen off and locked, then a group text: "Name (Group Name):content", the name from the group name card.',
      zhCN: '熄屏锁定后发送群文本：“名称 (群名称):内容”，名称取群名片。',
    },
    ['seed.screen-locked', 'seed.group-format'],
  ),
  scenario(
    'background-image',
    'background',
    c2c('image'),
    { en: 'Background, image', zhCN: '后台，图片' },
    { en: 'An image shows "[image]".', zhCN: '图片显示“[image]”。' },
    ['seed.element-placeholders'],
  ),
  scenario(
    'background-audio',
    'background',
    c2c('audio'),
    { en: 'Background, audio', zhCN: '后台，语音' },
    { en: 'An audio message shows "[audio]".', zhCN: '语音显示“[audio]”。' },
    ['seed.element-placeholders'],
  ),
  scenario(
    'background-file',
    'background',
    c2c('file'),
    { en: 'Background, file', zhCN: '后台，文件' },
    { en: 'A file shows "[file]".', zhCN: '文件显示“[file]”。' },
    ['seed.element-placeholders'],
  ),
  scenario(
    'background-custom-desc',
    'background',
    c2c('custom', {
      custom: { data: '{"type":"order"}' },
      push: { desc: 'Your order shipped', vendor: HIGH_CLASS_VENDOR_FIELDS },
    }),
    { en: 'Background, custom message with desc', zhCN: '后台，带 desc 的自定义消息' },
    { en: 'A custom message shows its desc.', zhCN: '自定义消息显示其 desc。' },
    ['seed.custom-desc'],
  ),
  scenario(
    'background-custom-no-desc',
    'background',
    c2c('custom', { custom: { data: '{"type":"typing"}' } }),
    { en: 'Background, custom message without desc', zhCN: '后台，无 desc 的自定义消息' },
    {
      en: 'A custom message without desc is not pushed: nothing may show.',
      zhCN: '无 desc 的自定义消息不推送：不应有任何通知。',
    },
    ['seed.custom-no-desc'],
  ),
  scenario(
    'background-title-desc',
    'background',
    c2c('text', {
      text: 'hidden body',
      push: { title: 'PushLab title', desc: 'PushLab desc', vendor: HIGH_CLASS_VENDOR_FIELDS },
    }),
    { en: 'Background, custom title and desc', zhCN: '后台，自定义 title 与 desc' },
    {
      en: 'title and desc from offlinePushInfo replace the default title and content.',
      zhCN: 'offlinePushInfo 的 title 与 desc 替换默认标题与内容。',
    },
    ['seed.title-desc-override'],
  ),
  scenario(
    'background-custom-sound',
    'background',
    c2c('text', { text: 'Sound check', push: { sound: 'pushlab_ding', vendor: HIGH_CLASS_VENDOR_FIELDS } }),
    { en: 'Background, custom sound', zhCN: '后台，自定义提示音' },
    {
      en: 'The notification plays the custom sound where Tencent supports it (Huawei, Mi, FCM, APNs).',
      zhCN: '在腾讯支持的通道（华为、小米、FCM、APNs）上播放自定义提示音。',
    },
    ['seed.custom-sound'],
  ),
  scenario(
    'background-ext-redirect',
    'background',
    c2c('text', {
      text: 'Tap me',
      push: { ext: '{"conversation":"c2c_pushlab_sender"}', vendor: HIGH_CLASS_VENDOR_FIELDS },
    }),
    { en: 'Background, ext for tap-to-redirect', zhCN: '后台，ext 点击跳转' },
    {
      en: 'Tapping the notification hands ext to the app, which opens that conversation.',
      zhCN: '点击通知后 ext 传给应用，跳到对应会话。',
    },
    ['seed.ext-tap'],
  ),
  scenario(
    'foreground-text',
    'foreground',
    TEXT,
    { en: 'Foreground, text', zhCN: '前台，文本' },
    {
      en: 'The app is open: the message arrives in the app; no offline-push notification.',
      zhCN: '应用在前台：消息在应用内到达，不应有离线推送通知。',
    },
    ['seed.offline-only'],
  ),
  scenario(
    'swiped-away-text',
    'swiped-away',
    TEXT,
    { en: 'Swiped away from Recents, text', zhCN: '从最近任务划掉，文本' },
    {
      en: 'Killed by the user without logout: expected, except FCM where the ROM stops the app on swipe.',
      zhCN: '用户杀掉但未登出：应收到；FCM 在划掉即停止应用的 ROM 上例外。',
    },
    ['seed.killed', 'android.swipe-oem'],
  ),
  scenario(
    'force-stopped-text',
    'force-stopped',
    TEXT,
    { en: 'Force-stopped, text', zhCN: '强行停止，文本' },
    {
      en: 'am force-stop: vendor system-level channels still show it; FCM is predicted to drop it for a stopped app.',
      zhCN: 'am force-stop：厂商系统级通道仍会展示；预计 FCM 不会投递给已停止的应用。',
    },
    ['seed.system-level-channel', 'android.stopped-state'],
  ),
  scenario(
    'doze-text',
    'doze',
    TEXT,
    { en: 'Doze (deviceidle force-idle), text', zhCN: 'Doze（deviceidle force-idle），文本' },
    {
      en: 'High-priority FCM arrives at once; otherwise judged after leaving Doze.',
      zhCN: '高优先级 FCM 立即到达；其他情况退出 Doze 后判定。',
    },
    ['android.doze-fcm-priority', 'seed.system-level-channel'],
  ),
  scenario(
    'after-reboot-text',
    'after-reboot',
    TEXT,
    { en: 'After reboot, text', zhCN: '重启后，文本' },
    {
      en: 'Closed by the system without logout: expected on system-level channels; FCM depends on the stopped state and autostart.',
      zhCN: '被系统关闭但未登出：系统级通道应收到；FCM 取决于 stopped 状态与自启动。',
    },
    ['seed.killed', 'android.autostart'],
  ),
  scenario(
    'logged-out-text',
    'logged-out',
    TEXT,
    { en: 'Logged out, text', zhCN: '已登出，文本' },
    { en: 'After logout nothing may show.', zhCN: '登出后不应有任何通知。' },
    ['seed.logged-out'],
  ),
  scenario(
    'kicked-offline-text',
    'kicked-offline',
    TEXT,
    { en: 'Forced offline by another login, text', zhCN: '被其他设备登录踢下线，文本' },
    { en: 'After being kicked offline nothing may show.', zhCN: '被踢下线后不应有任何通知。' },
    ['seed.kicked-offline'],
  ),
  scenario(
    'oppo-without-channel-id',
    'background',
    c2c('text', {
      text: 'No ChannelID',
      push: { vendor: { ...HIGH_CLASS_VENDOR_FIELDS, oppoChannelId: '' } },
    }),
    { en: 'OPPO, no ChannelID', zhCN: 'OPPO，未设置 ChannelID' },
    {
      en: 'Without a ChannelID, OPPO on Android 8+ shows nothing.',
      zhCN: '未设置 ChannelID 时，Android 8 及以上的 OPPO 不显示。',
    },
    ['seed.oppo-channel-id'],
    { appliesTo: ['oppo'] },
  ),
  scenario(
    'notifications-blocked',
    'background',
    TEXT,
    { en: 'Notifications turned off for the app', zhCN: '应用通知已关闭' },
    {
      en: "With the app's notifications off (OPPO's default after install), nothing may show.",
      zhCN: '应用通知关闭时（OPPO 安装后的默认状态）不应显示。',
    },
    ['seed.notification-settings', 'seed.oppo-notifications-off'],
    { setup: { notificationsBlocked: true } },
  ),
  scenario(
    'low-class-message',
    'background',
    c2c('text', {
      text: 'Low class',
      push: {
        // The news & marketing class, as Tencent's marketing example sets it.
        vendor: {
          oppoChannelId: 'pushlab_public',
          oppoCategory: 'MARKETING',
          huaweiImportance: 'LOW',
          honorImportance: 'LOW',
          vivoClassification: 0,
          vivoCategory: 'MARKETING',
          meizuNoticeMsgType: 0,
        },
      },
    }),
    { en: 'Low vendor message class', zhCN: '厂商低级别消息' },
    {
      en: 'Operational/marketing classes may be delayed, folded or capped: shown passes, missing is inconclusive.',
      zhCN: '运营/营销类消息可能延迟、折叠或限量：显示即通过，未显示为无法判定。',
    },
    ['seed.vendor-classification', 'seed.daily-quota'],
    { appliesTo: TARGET_CHANNELS.filter((c) => CHANNEL_TABLE[c].classifies) },
  ),
  scenario(
    'apns-environment-mismatch',
    'background',
    TEXT,
    { en: 'iOS Debug build with the production certificate', zhCN: 'iOS Debug 包配生产证书' },
    {
      en: 'The token and certificate environments differ: "bad devicetoken", nothing shows.',
      zhCN: 'token 与证书环境不一致：“bad devicetoken”，不会显示。',
    },
    ['seed.apns-bad-devicetoken'],
    { appliesTo: ['apns'], setup: { apns: { build: 'debug', certificate: 'production' } } },
  ),
  scenario(
    'push-service-missing',
    'background',
    TEXT,
    { en: 'Push service missing or too old', zhCN: '推送服务缺失或版本过低' },
    {
      en:
        'Without Google Play services (FCM) or with HMS Core 20401300 or older (Huawei) ' +
        'the platform is predicted to drop the push: shown still passes (with a note), ' +
        'missing is inconclusive.',
      zhCN: '没有 Google Play 服务（FCM）或 HMS Core 不高于 20401300（华为）时，预计平台会丢弃推送：显示仍算通过（附说明），未显示为无法判定。',
    },
    ['seed.fcm-needs-gms', 'seed.hms-min-version'],
    { appliesTo: ['fcm', 'huawei'], setup: { pushServiceReady: false } },
  ),
];

/** The scenario with this id, or undefined. */
export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
