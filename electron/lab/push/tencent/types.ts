/**
 * Wire shapes of Tencent IM's REST sending APIs, with the field names exactly as documented
 * (tencentcloud.com/document/product/1047: 34919 sendmsg, 34959 send_group_msg, 33527 message
 * formats, OfflinePushInfo). Kept in PascalCase so a body can be compared with the docs as is.
 */

export interface TIMTextElem {
  readonly MsgType: 'TIMTextElem';
  readonly MsgContent: { readonly Text: string };
}
export interface TIMLocationElem {
  readonly MsgType: 'TIMLocationElem';
  readonly MsgContent: { readonly Desc: string; readonly Latitude: number; readonly Longitude: number };
}
export interface TIMFaceElem {
  readonly MsgType: 'TIMFaceElem';
  readonly MsgContent: { readonly Index: number; readonly Data: string };
}
export interface TIMCustomElem {
  readonly MsgType: 'TIMCustomElem';
  /** Desc is the offline-push text; without it (and without OfflinePushInfo.Desc) there is no push. */
  readonly MsgContent: {
    readonly Data: string;
    readonly Desc?: string;
    readonly Ext?: string;
    readonly Sound?: string;
  };
}
export interface TIMSoundElem {
  readonly MsgType: 'TIMSoundElem';
  readonly MsgContent: {
    readonly Url: string;
    readonly UUID?: string;
    readonly Size: number;
    readonly Second: number;
    readonly Download_Flag: number;
  };
}
export interface TIMImageInfo {
  /** 1 original, 2 large, 3 thumbnail. */
  readonly Type: 1 | 2 | 3;
  readonly Size: number;
  readonly Width: number;
  readonly Height: number;
  readonly URL: string;
}
export interface TIMImageElem {
  readonly MsgType: 'TIMImageElem';
  readonly MsgContent: {
    readonly UUID: string;
    /** 1 JPG, 2 GIF, 3 PNG, 4 BMP, 255 other. */
    readonly ImageFormat: number;
    readonly ImageInfoArray: readonly TIMImageInfo[];
  };
}
export interface TIMFileElem {
  readonly MsgType: 'TIMFileElem';
  readonly MsgContent: {
    readonly Url: string;
    readonly UUID?: string;
    readonly FileSize: number;
    readonly FileName: string;
    readonly Download_Flag: number;
  };
}
export interface TIMVideoFileElem {
  readonly MsgType: 'TIMVideoFileElem';
  readonly MsgContent: {
    readonly VideoUrl: string;
    readonly VideoUUID?: string;
    readonly VideoSize: number;
    readonly VideoSecond: number;
    readonly VideoFormat: string;
    readonly VideoDownloadFlag: number;
    readonly ThumbUrl: string;
    readonly ThumbUUID?: string;
    readonly ThumbSize: number;
    readonly ThumbWidth: number;
    readonly ThumbHeight: number;
    readonly ThumbFormat: string;
    readonly ThumbDownloadFlag: number;
  };
}

export type TIMMsgElement =
  | TIMTextElem
  | TIMLocationElem
  | TIMFaceElem
  | TIMCustomElem
  | TIMSoundElem
  | TIMImageElem
  | TIMFileElem
  | TIMVideoFileElem;

export const MSG_TYPES = [
  'TIMTextElem',
  'TIMLocationElem',
  'TIMFaceElem',
  'TIMCustomElem',
  'TIMSoundElem',
  'TIMImageElem',
  'TIMFileElem',
  'TIMVideoFileElem',
] as const;

/** Vendor overrides for Android offline pushes (console values apply when a field is absent). */
export interface AndroidPushInfo {
  /** Sound file name without extension (in res/raw). */
  readonly Sound?: string;
  readonly HuaWeiChannelID?: string;
  readonly XiaoMiChannelID?: string;
  /** Required for OPPO on Android 8+, or nothing shows. */
  readonly OPPOChannelID?: string;
  /** Older name of the FCM channel ID. */
  readonly GoogleChannelID?: string;
  /** 0 operational, 1 system (default 1). */
  readonly VIVOClassification?: 0 | 1;
  readonly HuaWeiImportance?: 'LOW' | 'NORMAL';
  readonly ExtAsHuaweiIntentParam?: 0 | 1;
  readonly HuaWeiCategory?: string;
  readonly VIVOCategory?: string;
  readonly OPPOCategory?: string;
  /** 1 status bar, 2 + lock screen, 16 + banner (OPPO notify_level; only with OPPOCategory). */
  readonly OPPONotifyLevel?: 1 | 2 | 16;
  readonly HonorImportance?: 'LOW' | 'NORMAL';
  /** 1 私信 (private), 0 公信 (public). */
  readonly MeiZuNoticeMsgType?: 0 | 1;
  readonly HuaWeiImage?: string;
  readonly HonorImage?: string;
  readonly GoogleImage?: string;
}

export interface ApnsPushInfo {
  /** Sound file name with extension. */
  readonly Sound?: string;
  /** 0 (or absent) counts towards the badge, 1 does not. */
  readonly BadgeMode?: 0 | 1;
  readonly Title?: string;
  readonly SubTitle?: string;
  readonly Image?: string;
  /** 1 enables the iOS 10+ notification service extension. */
  readonly MutableContent?: 0 | 1;
}

export interface OfflinePushInfo {
  /** 0 push (default), 1 no offline push. */
  readonly PushFlag?: 0 | 1;
  readonly Title?: string;
  /** Overrides the element text on the notification. */
  readonly Desc?: string;
  /** Pass-through to the tap handler; use JSON or some vendor channels drop it. */
  readonly Ext?: string;
  readonly AndroidInfo?: AndroidPushInfo;
  readonly ApnsInfo?: ApnsPushInfo;
}

export type SendMsgControl = 'NoUnread' | 'NoLastMsg' | 'WithMuteNotifications';

/** Body of v4/openim/sendmsg. MsgRandom may be left out: the client fills it. */
export interface C2CMessage {
  readonly SyncOtherMachine?: 1 | 2;
  readonly From_Account?: string;
  readonly To_Account: string;
  /** Seconds, at most 604800; 0 means online only. */
  readonly MsgLifeTime?: number;
  readonly MsgSeq?: number;
  readonly MsgRandom?: number;
  readonly MsgTimeStamp?: number;
  readonly MsgBody: readonly TIMMsgElement[];
  readonly CloudCustomData?: string;
  readonly SupportMessageExtension?: 0 | 1;
  readonly SendMsgControl?: readonly SendMsgControl[];
  readonly ForbidCallbackControl?: readonly string[];
  readonly OfflinePushInfo?: OfflinePushInfo;
  readonly IsNeedReadReceipt?: 0 | 1;
}

export interface GroupAtInfo {
  /** 1 @everyone, 0 a single member. */
  readonly GroupAtAllFlag: 0 | 1;
  readonly GroupAt_Account?: string;
}

/** Body of v4/group_open_http_svc/send_group_msg. Random may be left out: the client fills it. */
export interface GroupMessage {
  readonly GroupId: string;
  readonly Random?: number;
  readonly MsgPriority?: 'High' | 'Normal' | 'Low' | 'Lowest';
  readonly From_Account?: string;
  readonly MsgBody: readonly TIMMsgElement[];
  /** 1 sends to online members only. */
  readonly OnlineOnlyFlag?: 0 | 1;
  readonly SendMsgControl?: readonly SendMsgControl[];
  readonly ForbidCallbackControl?: readonly string[];
  readonly OfflinePushInfo?: OfflinePushInfo;
  readonly CloudCustomData?: string;
  readonly GroupAtInfo?: readonly GroupAtInfo[];
  readonly SupportMessageExtension?: 0 | 1;
}

/** Fields every REST answer carries. */
export interface TencentBaseResponse {
  readonly ActionStatus: 'OK' | 'FAIL';
  readonly ErrorCode: number;
  readonly ErrorInfo: string;
  readonly ErrorDisplay?: string;
}
export interface SendC2CResponse extends TencentBaseResponse {
  readonly MsgTime?: number;
  readonly MsgKey?: string;
}
export interface SendGroupResponse extends TencentBaseResponse {
  readonly MsgTime?: number;
  readonly MsgSeq?: number;
}

/** What a successful one-to-one send returns. */
export interface C2CSendResult {
  readonly msgKey: string;
  readonly msgTime: number;
  readonly msgRandom: number;
}
/** What a successful group send returns. */
export interface GroupSendResult {
  readonly msgSeq: number;
  readonly msgTime: number;
  readonly random: number;
}

/** Body of v4/im_open_login_svc/account_import (1047/34953). Importing twice keeps one account. */
export interface AccountImportRequest {
  /** At most 32 bytes. */
  readonly UserID: string;
  /** The nickname: Android's default notification title for this sender. */
  readonly Nick?: string;
  readonly FaceUrl?: string;
}

/** Body of v4/openim/query_online_status (1047/35477): at most 500 accounts. */
export interface QueryOnlineStatusRequest {
  readonly To_Account: readonly string[];
  readonly IsNeedDetail?: 0 | 1;
}

/** Online: connected now; PushOnline: app in the background but reachable by offline push; Offline: neither. */
export type TencentOnlineStatus = 'Online' | 'PushOnline' | 'Offline';

export interface QueryOnlineStatusResponse extends TencentBaseResponse {
  readonly QueryResult?: readonly { readonly To_Account: string; readonly Status: TencentOnlineStatus }[];
  /** Accounts that could not be queried, e.g. 70107 (not imported). */
  readonly ErrorList?: readonly { readonly To_Account: string; readonly ErrorCode: number }[];
}

/** What query_online_status tells, per account. */
export interface OnlineStatusResult {
  readonly statuses: ReadonlyMap<string, TencentOnlineStatus>;
  /** Accounts Tencent reported an ErrorCode for instead of a status. */
  readonly errors: ReadonlyMap<string, number>;
}
