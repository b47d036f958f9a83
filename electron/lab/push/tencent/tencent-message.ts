/**
 * MessageSpec -> the Tencent IM REST body that sends it (sendmsg or send_group_msg). Pure: the
 * property test reads every catalog scenario's body back with the emulator's `toMessageSpec`.
 *
 * What a body cannot carry: the sender's nickname (set beforehand with account_import), the group
 * name and the sender's group name card (properties of the group, not of a message).
 */
import type { MessageSpec, VendorFields } from '../../../../shared/scenarios/types';
import { LabError } from '../../errors';
import { CHANNEL_TABLE } from '../../../../shared/vendors/vendor-table';
import type { AndroidPushInfo, C2CMessage, GroupMessage, OfflinePushInfo, TIMMsgElement } from './types';

export type TencentBody =
  | { readonly kind: 'c2c'; readonly body: C2CMessage }
  | { readonly kind: 'group'; readonly body: GroupMessage };

export interface TencentMessageTarget {
  /** The recipient's UserID (c2c). */
  readonly to: string;
  /** The plan's sender.groupId, for group scenarios. */
  readonly groupId?: string;
  /** For the error when a group scenario has no group. */
  readonly scenarioId?: string;
}

/**
 * Media elements need URLs and sizes Tencent accepts; these never resolve (.invalid), so nothing
 * is downloaded from anyone. Offline push only shows the placeholder ("[image]") anyway.
 */
export const SAMPLE_MEDIA = {
  imageUrl: 'https://pushlab.invalid/sample.png',
  soundUrl: 'https://pushlab.invalid/sample.m4a',
  fileUrl: 'https://pushlab.invalid/sample.txt',
} as const;

/** The one element a scenario message consists of. */
export function messageElement(message: MessageSpec): TIMMsgElement {
  switch (message.kind) {
    case 'text':
      return { MsgType: 'TIMTextElem', MsgContent: { Text: message.text ?? '' } };
    case 'image':
      return {
        MsgType: 'TIMImageElem',
        MsgContent: {
          UUID: 'pushlab-sample-image',
          ImageFormat: 3,
          ImageInfoArray: ([1, 2, 3] as const).map((Type) => ({
            Type,
            Size: 2048,
            Width: 64,
            Height: 64,
            URL: SAMPLE_MEDIA.imageUrl,
          })),
        },
      };
    case 'audio':
      return {
        MsgType: 'TIMSoundElem',
        MsgContent: {
          Url: SAMPLE_MEDIA.soundUrl,
          UUID: 'pushlab-sample-sound',
          Size: 8000,
          Second: 1,
          Download_Flag: 2,
        },
      };
    case 'file':
      return {
        MsgType: 'TIMFileElem',
        MsgContent: {
          Url: SAMPLE_MEDIA.fileUrl,
          UUID: 'pushlab-sample-file',
          FileSize: 1024,
          FileName: 'pushlab-sample.txt',
          Download_Flag: 2,
        },
      };
    case 'custom': {
      const data = message.custom?.data ?? '';
      const desc = message.custom?.desc;
      return {
        MsgType: 'TIMCustomElem',
        MsgContent: desc === undefined ? { Data: data } : { Data: data, Desc: desc },
      };
    }
  }
}

/** Scenario vendor fields -> Tencent's AndroidInfo names, as the vendor table spells them. */
const VENDOR_TO_ANDROID_INFO = {
  oppoChannelId: CHANNEL_TABLE.oppo.tencent.channelId,
  xiaomiChannelId: CHANNEL_TABLE.xiaomi.tencent.channelId,
  huaweiChannelId: CHANNEL_TABLE.huawei.tencent.channelId,
  fcmChannelId: CHANNEL_TABLE.fcm.tencent.channelId,
  huaweiImportance: CHANNEL_TABLE.huawei.tencent.importance,
  huaweiCategory: CHANNEL_TABLE.huawei.tencent.category,
  honorImportance: CHANNEL_TABLE.honor.tencent.importance,
  vivoClassification: CHANNEL_TABLE.vivo.tencent.classification,
  vivoCategory: CHANNEL_TABLE.vivo.tencent.category,
  oppoCategory: CHANNEL_TABLE.oppo.tencent.category,
  oppoNotifyLevel: CHANNEL_TABLE.oppo.tencent.notifyLevel,
  meizuNoticeMsgType: CHANNEL_TABLE.meizu.tencent.noticeMsgType,
} as const satisfies { readonly [K in keyof Required<VendorFields>]: keyof AndroidPushInfo };

/** OfflinePushInfo for the spec's `push`, or undefined when the spec sets none (console defaults apply). */
export function offlinePushInfo(push: MessageSpec['push']): OfflinePushInfo | undefined {
  if (push === undefined) return undefined;
  const android: Record<string, unknown> = {};
  // One sound name for both platforms, as MessageSpec keeps it: Android wants it without the
  // extension (res/raw), iOS with one; the scenario author writes it for the phones it targets.
  if (push.sound !== undefined) android.Sound = push.sound;
  for (const [field, name] of Object.entries(VENDOR_TO_ANDROID_INFO)) {
    const value = push.vendor?.[field as keyof VendorFields];
    // An empty channel id is sent as is: Tencent treats it as not set, which is what the scenario means.
    if (value !== undefined) android[name] = value;
  }
  return {
    ...(push.disabled === true ? { PushFlag: 1 as const } : {}),
    ...(push.title === undefined ? {} : { Title: push.title }),
    ...(push.desc === undefined ? {} : { Desc: push.desc }),
    ...(push.ext === undefined ? {} : { Ext: push.ext }),
    ...(Object.keys(android).length === 0 ? {} : { AndroidInfo: android as AndroidPushInfo }),
    ...(push.sound === undefined ? {} : { ApnsInfo: { Sound: push.sound } }),
  };
}

/** The REST body for one scenario message; a group message without a group is a plan error. */
export function buildTencentMessage(message: MessageSpec, target: TencentMessageTarget): TencentBody {
  const MsgBody = [messageElement(message)];
  const push = offlinePushInfo(message.push);
  const OfflinePushInfo = push === undefined ? {} : { OfflinePushInfo: push };
  if (message.conversation === 'group') {
    if (target.groupId === undefined) {
      const which = target.scenarioId === undefined ? 'This scenario' : `Scenario ${target.scenarioId}`;
      const whichZh = target.scenarioId === undefined ? '此场景' : `场景 ${target.scenarioId} `;
      throw new LabError(
        'PLAN_INVALID',
        `${which} sends a group message, but the Tencent sender has no group to send it to.`,
        {
          hint: "Add sender.groupId to the plan: a group the test accounts and the scenario's sender belong to.",
          zh: {
            message: `${whichZh}发送群消息，但腾讯发送器没有可发往的群。`,
            hint: '在计划中加入 sender.groupId：测试账号和场景的发送者都在其中的群。',
          },
        },
      );
    }
    return {
      kind: 'group',
      body: { GroupId: target.groupId, From_Account: message.sender.id, MsgBody, ...OfflinePushInfo },
    };
  }
  // SyncOtherMachine 2: the message is not copied to the sender's own devices.
  return {
    kind: 'c2c',
    body: {
      SyncOtherMachine: 2,
      From_Account: message.sender.id,
      To_Account: target.to,
      MsgBody,
      ...OfflinePushInfo,
    },
  };
}
