/**
 * Body checks the real Tencent IM backend applies to sendmsg and send_group_msg, as documented
 * (1047/34919, 1047/34959, 1047/33527 message formats). Each returns the first problem found,
 * as the ErrorCode Tencent documents for it plus an ErrorInfo text.
 */
export interface BodyProblem {
  readonly code: number;
  readonly info: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isUint32 = (v: unknown): v is number => isInt(v) && v >= 0 && v <= 0xffffffff;

type FieldType = 'string' | 'int' | 'number' | 'array';
const ELEMENT_FIELDS: Record<string, Record<string, { type: FieldType; required: boolean }>> = {
  TIMTextElem: { Text: { type: 'string', required: true } },
  TIMLocationElem: {
    Desc: { type: 'string', required: true },
    Latitude: { type: 'number', required: true },
    Longitude: { type: 'number', required: true },
  },
  TIMFaceElem: { Index: { type: 'int', required: true }, Data: { type: 'string', required: true } },
  TIMCustomElem: {
    Data: { type: 'string', required: true },
    Desc: { type: 'string', required: false },
    Ext: { type: 'string', required: false },
    Sound: { type: 'string', required: false },
  },
  TIMSoundElem: {
    Url: { type: 'string', required: true },
    UUID: { type: 'string', required: false },
    Size: { type: 'int', required: true },
    Second: { type: 'int', required: true },
    Download_Flag: { type: 'int', required: true },
  },
  TIMImageElem: {
    UUID: { type: 'string', required: true },
    ImageFormat: { type: 'int', required: true },
    ImageInfoArray: { type: 'array', required: true },
  },
  TIMFileElem: {
    Url: { type: 'string', required: true },
    UUID: { type: 'string', required: false },
    FileSize: { type: 'int', required: true },
    FileName: { type: 'string', required: true },
    Download_Flag: { type: 'int', required: true },
  },
  TIMVideoFileElem: {
    VideoUrl: { type: 'string', required: true },
    VideoSize: { type: 'int', required: true },
    VideoSecond: { type: 'int', required: true },
    VideoFormat: { type: 'string', required: true },
    VideoDownloadFlag: { type: 'int', required: true },
    ThumbUrl: { type: 'string', required: true },
    ThumbSize: { type: 'int', required: true },
    ThumbWidth: { type: 'int', required: true },
    ThumbHeight: { type: 'int', required: true },
    ThumbFormat: { type: 'string', required: true },
    ThumbDownloadFlag: { type: 'int', required: true },
  },
};

const typeOk = (v: unknown, t: FieldType): boolean =>
  t === 'string'
    ? typeof v === 'string'
    : t === 'int'
      ? isInt(v)
      : t === 'number'
        ? typeof v === 'number'
        : Array.isArray(v);

/** First problem in a MsgBody array's elements, as a sentence; undefined when all are valid. */
export function msgBodyProblem(body: unknown[]): string | undefined {
  if (body.length === 0) return 'MsgBody is empty';
  let custom = 0;
  for (const [i, el] of body.entries()) {
    if (!isObj(el) || typeof el.MsgType !== 'string' || !isObj(el.MsgContent))
      return `MsgBody[${i}] needs MsgType and MsgContent`;
    const fields = ELEMENT_FIELDS[el.MsgType];
    if (!fields) return `MsgBody[${i}].MsgType ${el.MsgType} is not supported`;
    if (el.MsgType === 'TIMCustomElem') custom += 1;
    for (const [name, spec] of Object.entries(fields)) {
      const v = el.MsgContent[name];
      if (v === undefined ? spec.required : !typeOk(v, spec.type))
        return `MsgBody[${i}].MsgContent.${name} must be ${spec.type}`;
    }
    if (el.MsgType === 'TIMImageElem') {
      const infos = el.MsgContent.ImageInfoArray as unknown[];
      for (const info of infos) {
        if (
          !isObj(info) ||
          ![1, 2, 3].includes(info.Type as number) ||
          !isInt(info.Size) ||
          !isInt(info.Width) ||
          !isInt(info.Height) ||
          typeof info.URL !== 'string'
        ) {
          return `MsgBody[${i}].MsgContent.ImageInfoArray entries need Type 1-3, Size, Width, Height, URL`;
        }
      }
    }
  }
  return custom > 1 ? 'only one TIMCustomElem is allowed per message' : undefined;
}

const ANDROID_STRINGS = [
  'Sound',
  'HuaWeiChannelID',
  'XiaoMiChannelID',
  'OPPOChannelID',
  'GoogleChannelID',
  'HuaWeiCategory',
  'VIVOCategory',
  'OPPOCategory',
  'HuaWeiImage',
  'HonorImage',
  'GoogleImage',
];
const APNS_STRINGS = ['Sound', 'Title', 'SubTitle', 'Image'];

/** First type problem in OfflinePushInfo; undefined when it is absent or valid. */
export function offlinePushProblem(info: unknown): string | undefined {
  if (info === undefined) return undefined;
  if (!isObj(info)) return 'OfflinePushInfo must be an object';
  if (info.PushFlag !== undefined && info.PushFlag !== 0 && info.PushFlag !== 1)
    return 'OfflinePushInfo.PushFlag must be 0 or 1';
  for (const k of ['Title', 'Desc', 'Ext'])
    if (info[k] !== undefined && typeof info[k] !== 'string') return `OfflinePushInfo.${k} must be a string`;
  const a = info.AndroidInfo;
  if (a !== undefined) {
    if (!isObj(a)) return 'OfflinePushInfo.AndroidInfo must be an object';
    for (const k of ANDROID_STRINGS)
      if (a[k] !== undefined && typeof a[k] !== 'string') return `AndroidInfo.${k} must be a string`;
    if (a.VIVOClassification !== undefined && a.VIVOClassification !== 0 && a.VIVOClassification !== 1)
      return 'AndroidInfo.VIVOClassification must be 0 or 1';
    for (const k of ['HuaWeiImportance', 'HonorImportance']) {
      if (a[k] !== undefined && a[k] !== 'LOW' && a[k] !== 'NORMAL')
        return `AndroidInfo.${k} must be LOW or NORMAL`;
    }
    for (const k of ['ExtAsHuaweiIntentParam', 'OPPONotifyLevel', 'MeiZuNoticeMsgType']) {
      if (a[k] !== undefined && !isInt(a[k])) return `AndroidInfo.${k} must be an integer`;
    }
  }
  const p = info.ApnsInfo;
  if (p !== undefined) {
    if (!isObj(p)) return 'OfflinePushInfo.ApnsInfo must be an object';
    for (const k of APNS_STRINGS)
      if (p[k] !== undefined && typeof p[k] !== 'string') return `ApnsInfo.${k} must be a string`;
    for (const k of ['BadgeMode', 'MutableContent'])
      if (p[k] !== undefined && p[k] !== 0 && p[k] !== 1) return `ApnsInfo.${k} must be 0 or 1`;
  }
  return undefined;
}

/** sendmsg checks in the order the backend reports them. */
export function c2cBodyProblem(body: Obj): BodyProblem | undefined {
  if (typeof body.To_Account !== 'string' || body.To_Account.length === 0)
    return { code: 90003, info: 'To_Account is missing or is not a string' };
  if (!isUint32(body.MsgRandom)) return { code: 90005, info: 'MsgRandom is missing or is not an integer' };
  if (body.MsgTimeStamp !== undefined && !isInt(body.MsgTimeStamp))
    return { code: 90006, info: 'MsgTimeStamp is not an integer' };
  if (body.From_Account !== undefined && typeof body.From_Account !== 'string')
    return { code: 90008, info: 'From_Account is not a string' };
  if (!Array.isArray(body.MsgBody)) return { code: 90007, info: 'MsgBody is not an array' };
  const elementProblem = msgBodyProblem(body.MsgBody);
  if (elementProblem) return { code: 90002, info: elementProblem };
  if (body.SyncOtherMachine !== undefined && body.SyncOtherMachine !== 1 && body.SyncOtherMachine !== 2)
    return { code: 90031, info: 'SyncOtherMachine must be 1 or 2' };
  if (
    body.MsgLifeTime !== undefined &&
    (!isInt(body.MsgLifeTime) || body.MsgLifeTime < 0 || body.MsgLifeTime > 604800)
  ) {
    return { code: 90026, info: 'MsgLifeTime must be 0 to 604800 seconds' };
  }
  const pushProblem = offlinePushProblem(body.OfflinePushInfo);
  if (pushProblem) return { code: 90010, info: pushProblem };
  return undefined;
}

/** send_group_msg checks; the group API reports body errors as 10004 (invalid parameter). */
export function groupBodyProblem(body: Obj): BodyProblem | undefined {
  if (typeof body.GroupId !== 'string' || body.GroupId.length === 0)
    return { code: 10004, info: 'GroupId is missing or is not a string' };
  if (!isUint32(body.Random)) return { code: 10004, info: 'Random is missing or is not an integer' };
  if (body.From_Account !== undefined && typeof body.From_Account !== 'string')
    return { code: 10004, info: 'From_Account is not a string' };
  if (!Array.isArray(body.MsgBody)) return { code: 10004, info: 'MsgBody is not an array' };
  const elementProblem = msgBodyProblem(body.MsgBody);
  if (elementProblem) return { code: 10004, info: elementProblem };
  if (
    body.MsgPriority !== undefined &&
    !['High', 'Normal', 'Low', 'Lowest'].includes(body.MsgPriority as string)
  ) {
    return { code: 10004, info: 'MsgPriority must be High, Normal, Low or Lowest' };
  }
  if (body.OnlineOnlyFlag !== undefined && body.OnlineOnlyFlag !== 0 && body.OnlineOnlyFlag !== 1)
    return { code: 10004, info: 'OnlineOnlyFlag must be 0 or 1' };
  const pushProblem = offlinePushProblem(body.OfflinePushInfo);
  if (pushProblem) return { code: 10004, info: pushProblem };
  return undefined;
}

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** account_import checks (1047/34953): UserID 1-32 bytes; profile values at most 500 bytes (40601). */
export function importBodyProblem(body: Obj): BodyProblem | undefined {
  if (typeof body.UserID !== 'string' || body.UserID.length === 0 || utf8Bytes(body.UserID) > 32)
    return { code: 70402, info: 'UserID must be a string of 1 to 32 bytes' };
  for (const k of ['Nick', 'FaceUrl']) {
    const v = body[k];
    if (v === undefined) continue;
    if (typeof v !== 'string') return { code: 70402, info: `${k} must be a string` };
    if (utf8Bytes(v) > 500) return { code: 40601, info: `${k} is longer than 500 bytes` };
  }
  return undefined;
}

/** query_online_status checks (1047/35477): To_Account is 1-500 user IDs; IsNeedDetail 0 or 1. */
export function statusQueryProblem(body: Obj): BodyProblem | undefined {
  const to = body.To_Account;
  if (
    !Array.isArray(to) ||
    to.length === 0 ||
    to.length > 500 ||
    !to.every((a) => typeof a === 'string' && a.length > 0)
  ) {
    return { code: 70402, info: 'To_Account must be an array of 1 to 500 user IDs' };
  }
  if (body.IsNeedDetail !== undefined && body.IsNeedDetail !== 0 && body.IsNeedDetail !== 1)
    return { code: 70402, info: 'IsNeedDetail must be 0 or 1' };
  return undefined;
}
