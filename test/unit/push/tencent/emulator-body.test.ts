import { describe, expect, it } from 'vitest';
import {
  c2cBodyProblem,
  groupBodyProblem,
  importBodyProblem,
  msgBodyProblem,
  offlinePushProblem,
  statusQueryProblem,
} from '../../../virtual-lab/tencent/validate-body';

const text = { MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } };
const good = { To_Account: 'a', MsgRandom: 1, MsgBody: [text] };

describe('emulator body checks (sendmsg)', () => {
  it('accepts a minimal valid body and every documented element type', () => {
    expect(c2cBodyProblem(good)).toBeUndefined();
    const all = [
      text,
      { MsgType: 'TIMLocationElem', MsgContent: { Desc: 'd', Latitude: 22.5, Longitude: 113.9 } },
      { MsgType: 'TIMFaceElem', MsgContent: { Index: 1, Data: 'x' } },
      { MsgType: 'TIMCustomElem', MsgContent: { Data: 'd', Desc: 'push text' } },
      { MsgType: 'TIMSoundElem', MsgContent: { Url: 'u', Size: 1, Second: 2, Download_Flag: 2 } },
      {
        MsgType: 'TIMImageElem',
        MsgContent: {
          UUID: 'u',
          ImageFormat: 1,
          ImageInfoArray: [{ Type: 1, Size: 1, Width: 1, Height: 1, URL: 'u' }],
        },
      },
      { MsgType: 'TIMFileElem', MsgContent: { Url: 'u', FileSize: 1, FileName: 'f', Download_Flag: 2 } },
    ];
    expect(msgBodyProblem(all)).toBeUndefined();
  });

  it('reports each documented problem with its code, in order', () => {
    expect(c2cBodyProblem({ ...good, To_Account: 5 })?.code).toBe(90003);
    expect(c2cBodyProblem({ ...good, MsgRandom: undefined })?.code).toBe(90005);
    expect(c2cBodyProblem({ ...good, MsgRandom: 2 ** 32 })?.code).toBe(90005);
    expect(c2cBodyProblem({ ...good, MsgTimeStamp: '1' })?.code).toBe(90006);
    expect(c2cBodyProblem({ ...good, MsgBody: {} })?.code).toBe(90007);
    expect(c2cBodyProblem({ ...good, SyncOtherMachine: 3 })?.code).toBe(90031);
    expect(c2cBodyProblem({ ...good, MsgLifeTime: -1 })?.code).toBe(90026);
    expect(c2cBodyProblem({ ...good, OfflinePushInfo: { ApnsInfo: { BadgeMode: 2 } } })?.code).toBe(90010);
  });

  it('allows only one TIMCustomElem and checks nested image info', () => {
    const custom = { MsgType: 'TIMCustomElem', MsgContent: { Data: 'd' } };
    expect(msgBodyProblem([custom, custom])).toMatch(/only one TIMCustomElem/);
    expect(
      msgBodyProblem([
        { MsgType: 'TIMImageElem', MsgContent: { UUID: 'u', ImageFormat: 1, ImageInfoArray: [{ Type: 4 }] } },
      ]),
    ).toMatch(/ImageInfoArray/);
    expect(
      msgBodyProblem([
        { MsgType: 'TIMSoundElem', MsgContent: { Url: 'u', Size: 1.5, Second: 2, Download_Flag: 2 } },
      ]),
    ).toMatch(/Size/);
  });

  it('checks OfflinePushInfo field types', () => {
    expect(
      offlinePushProblem({
        PushFlag: 1,
        Title: 't',
        Desc: 'd',
        Ext: '{}',
        AndroidInfo: { OPPOChannelID: 'c', HuaWeiImportance: 'LOW' },
      }),
    ).toBeUndefined();
    expect(offlinePushProblem({ Ext: {} })).toMatch(/Ext/);
    expect(offlinePushProblem({ AndroidInfo: { HuaWeiImportance: 'HIGH' } })).toMatch(/HuaWeiImportance/);
    expect(offlinePushProblem({ AndroidInfo: { XiaoMiChannelID: 1 } })).toMatch(/XiaoMiChannelID/);
    expect(offlinePushProblem([])).toMatch(/object/);
  });
});

describe('emulator body checks (send_group_msg)', () => {
  it('reports group body problems as 10004', () => {
    expect(groupBodyProblem({ GroupId: 'g', Random: 1, MsgBody: [text] })).toBeUndefined();
    expect(groupBodyProblem({ Random: 1, MsgBody: [text] })).toEqual({
      code: 10004,
      info: 'GroupId is missing or is not a string',
    });
    expect(groupBodyProblem({ GroupId: 'g', MsgBody: [text] })?.info).toMatch(/Random/);
    expect(
      groupBodyProblem({ GroupId: 'g', Random: 1, MsgBody: [text], MsgPriority: 'Urgent' })?.info,
    ).toMatch(/MsgPriority/);
  });
});

describe('emulator body checks (account_import, query_online_status)', () => {
  it('account_import: UserID 1-32 bytes (70402), profile values at most 500 bytes (40601)', () => {
    expect(
      importBodyProblem({ UserID: 'pushlab_sender', Nick: 'Denny', FaceUrl: 'https://x' }),
    ).toBeUndefined();
    expect(importBodyProblem({ UserID: 'a', Nick: '' })).toBeUndefined();
    expect(importBodyProblem({})?.code).toBe(70402);
    expect(importBodyProblem({ UserID: '' })?.code).toBe(70402);
    expect(importBodyProblem({ UserID: '字'.repeat(11) })?.code).toBe(70402); // 33 bytes
    expect(importBodyProblem({ UserID: 'a', Nick: 5 })?.code).toBe(70402);
    expect(importBodyProblem({ UserID: 'a', Nick: '字'.repeat(167) })).toEqual({
      code: 40601,
      info: 'Nick is longer than 500 bytes',
    });
  });

  it('query_online_status: 1-500 user IDs, IsNeedDetail 0 or 1', () => {
    expect(statusQueryProblem({ To_Account: ['a', 'b'], IsNeedDetail: 1 })).toBeUndefined();
    expect(statusQueryProblem({ To_Account: [] })?.code).toBe(70402);
    expect(statusQueryProblem({ To_Account: 'a' })?.code).toBe(70402);
    expect(statusQueryProblem({ To_Account: Array.from({ length: 501 }, (_, i) => `u${i}`) })?.code).toBe(
      70402,
    );
    expect(statusQueryProblem({ To_Account: ['a', 3] })?.code).toBe(70402);
    expect(statusQueryProblem({ To_Account: ['a'], IsNeedDetail: 2 })?.info).toMatch(/IsNeedDetail/);
  });
});
