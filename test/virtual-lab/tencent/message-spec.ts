/**
 * Turns a message the Tencent emulator accepted (REST wire shape) into the scenario model's
 * MessageSpec, so the router can ask shared/scenarios' display rules what the push says.
 */
import type { PushChannel } from '../../../shared/domain/device';
import type { MessageSpec, VendorFields } from '../../../shared/scenarios';
import type {
  AndroidPushInfo,
  OfflinePushInfo,
  TIMMsgElement,
} from '../../../electron/lab/push/tencent/types';
import type { SentMessage } from './emulator';

/** What the lab knows about a Tencent account's profile (set by account import / portrait APIs). */
export interface AccountProfile {
  readonly nickname?: string;
}

/** A group as the router needs it: its name, members and their name cards. */
export interface GroupProfile {
  readonly name?: string;
  readonly members: readonly string[];
  readonly nameCards?: Readonly<Record<string, string>>;
}

export interface SpecContext {
  readonly profiles?: ReadonlyMap<string, AccountProfile>;
  readonly groups?: ReadonlyMap<string, GroupProfile>;
}

export type SpecResult =
  { readonly ok: true; readonly spec: MessageSpec } | { readonly ok: false; readonly element: string };

/** The OfflinePushInfo of an accepted message, if any. */
export function offlinePushInfo(sent: SentMessage): OfflinePushInfo | undefined {
  return sent.body.OfflinePushInfo;
}

/**
 * Why Tencent sends no offline push for this message at all, whoever receives it: PushFlag 1,
 * MsgLifeTime 0 (online only, sendmsg) or OnlineOnlyFlag 1 (send_group_msg). Null otherwise.
 */
export function offlinePushSuppressed(sent: SentMessage): 'push-disabled' | 'online-only' | null {
  if (offlinePushInfo(sent)?.PushFlag === 1) return 'push-disabled';
  if (sent.kind === 'c2c' && sent.body.MsgLifeTime === 0) return 'online-only';
  if (sent.kind === 'group' && sent.body.OnlineOnlyFlag === 1) return 'online-only';
  return null;
}

function vendorFields(info: AndroidPushInfo | undefined): VendorFields | undefined {
  if (info === undefined) return undefined;
  const fields: Record<string, unknown> = {
    oppoChannelId: info.OPPOChannelID,
    xiaomiChannelId: info.XiaoMiChannelID,
    huaweiChannelId: info.HuaWeiChannelID,
    fcmChannelId: info.GoogleChannelID,
    huaweiImportance: info.HuaWeiImportance,
    huaweiCategory: info.HuaWeiCategory,
    honorImportance: info.HonorImportance,
    vivoClassification: info.VIVOClassification,
    vivoCategory: info.VIVOCategory,
    oppoCategory: info.OPPOCategory,
    oppoNotifyLevel: info.OPPONotifyLevel,
    meizuNoticeMsgType: info.MeiZuNoticeMsgType,
  };
  // exactOptionalPropertyTypes-safe: drop absent fields instead of writing undefined. AndroidInfo
  // with only a Sound carries no vendor field, so the spec has none either.
  const present = Object.entries(fields).filter(([, v]) => v !== undefined);
  return present.length === 0 ? undefined : (Object.fromEntries(present) as VendorFields);
}

/** The element part of a MessageSpec; offline push describes a message by its first element. */
function elementPart(
  element: TIMMsgElement | undefined,
): Pick<MessageSpec, 'kind' | 'text' | 'custom'> | null {
  switch (element?.MsgType) {
    case 'TIMTextElem':
      return { kind: 'text', text: element.MsgContent.Text };
    case 'TIMImageElem':
      return { kind: 'image' };
    case 'TIMSoundElem':
      return { kind: 'audio' };
    case 'TIMFileElem':
      return { kind: 'file' };
    case 'TIMCustomElem': {
      const desc = element.MsgContent.Desc;
      return {
        kind: 'custom',
        custom:
          desc === undefined ? { data: element.MsgContent.Data } : { data: element.MsgContent.Data, desc },
      };
    }
    default:
      // Location, face and video have no display rule in the seeds: the router does not guess one.
      return null;
  }
}

/** The MessageSpec for one accepted message (sender nickname and group name card from the context). */
export function toMessageSpec(sent: SentMessage, context: SpecContext = {}): SpecResult {
  const first = sent.body.MsgBody[0];
  const element = elementPart(first);
  if (element === null) return { ok: false, element: first?.MsgType ?? 'none' };
  const nickname = context.profiles?.get(sent.from)?.nickname;
  const info = offlinePushInfo(sent);
  const vendor = vendorFields(info?.AndroidInfo);
  const push =
    info === undefined
      ? undefined
      : {
          ...(info.Title === undefined ? {} : { title: info.Title }),
          ...(info.Desc === undefined ? {} : { desc: info.Desc }),
          ...(info.Ext === undefined ? {} : { ext: info.Ext }),
          ...(info.AndroidInfo?.Sound === undefined ? {} : { sound: info.AndroidInfo.Sound }),
          ...(info.PushFlag === 1 ? { disabled: true } : {}),
          ...(vendor === undefined ? {} : { vendor }),
        };
  const group = sent.kind === 'group' ? context.groups?.get(sent.groupId) : undefined;
  const nameCard = group?.nameCards?.[sent.from];
  const sender = {
    id: sent.from,
    ...(nickname === undefined ? {} : { nickname }),
    ...(nameCard === undefined ? {} : { groupNameCard: nameCard }),
  };
  const spec: MessageSpec = {
    ...element,
    conversation: sent.kind,
    sender,
    ...(group?.name === undefined ? {} : { groupName: group.name }),
    ...(push === undefined ? {} : { push }),
  };
  return { ok: true, spec };
}

/** The Android channel id the vendor field names for this push channel, if one was sent. */
export function vendorChannelId(sent: SentMessage, channel: PushChannel): string | null {
  const info = offlinePushInfo(sent)?.AndroidInfo;
  const byChannel: Partial<Record<PushChannel, string | undefined>> = {
    oppo: info?.OPPOChannelID,
    xiaomi: info?.XiaoMiChannelID,
    huawei: info?.HuaWeiChannelID,
    fcm: info?.GoogleChannelID,
  };
  const id = byChannel[channel];
  return id === undefined || id === '' ? null : id;
}
