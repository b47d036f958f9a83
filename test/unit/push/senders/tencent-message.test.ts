import { describe, expect, it } from 'vitest';
import { LabError } from '../../../../electron/lab/errors';
import {
  buildTencentMessage,
  offlinePushInfo,
  type TencentBody,
} from '../../../../electron/lab/push/tencent/tencent-message';
import { MESSAGE_KINDS, SCENARIOS, type MessageSpec, type VendorFields } from '../../../../shared/scenarios';
import type { SentMessage } from '../../../virtual-lab/tencent/emulator';
import { toMessageSpec, type SpecContext } from '../../../virtual-lab/tencent/message-spec';
import { c2cBodyProblem, groupBodyProblem } from '../../../virtual-lab/tencent/validate-body';

const TO = 'qa_phone';
const GROUP = '@TGS#lab-group';

/** The body as the emulator would record it after accepting it (MsgRandom/Random filled by the client). */
function accepted(built: TencentBody, to = TO): SentMessage {
  if (built.kind === 'c2c')
    return {
      kind: 'c2c',
      from: built.body.From_Account ?? 'admin',
      to,
      msgKey: '1_1_1',
      msgTime: 1,
      body: { ...built.body, MsgRandom: 7 },
    };
  return {
    kind: 'group',
    from: built.body.From_Account ?? 'admin',
    groupId: built.body.GroupId,
    msgSeq: 1,
    msgTime: 1,
    body: { ...built.body, Random: 7 },
  };
}

/**
 * What Tencent keeps outside the message body, as the emulator's context: the nickname (set by
 * account_import before the send), and the group's name and the sender's name card (group data).
 */
function outsideTheBody(message: MessageSpec): SpecContext {
  const nickname = message.sender.nickname;
  const card = message.sender.groupNameCard;
  return {
    ...(nickname === undefined ? {} : { profiles: new Map([[message.sender.id, { nickname }]]) }),
    ...(message.conversation === 'group'
      ? {
          groups: new Map([
            [
              GROUP,
              {
                ...(message.groupName === undefined ? {} : { name: message.groupName }),
                members: [],
                ...(card === undefined ? {} : { nameCards: { [message.sender.id]: card } }),
              },
            ],
          ]),
        }
      : {}),
  };
}

/** The spec without what a body cannot carry. */
function bodyOnly(message: MessageSpec): MessageSpec {
  const { nickname: _n, groupNameCard: _c, ...sender } = message.sender;
  const { groupName: _g, ...rest } = message;
  return { ...rest, sender };
}

function roundTrip(message: MessageSpec, context?: SpecContext): MessageSpec {
  const built = buildTencentMessage(message, { to: TO, groupId: GROUP });
  const problem =
    built.kind === 'c2c'
      ? c2cBodyProblem({ ...built.body, MsgRandom: 7 })
      : groupBodyProblem({ ...built.body, Random: 7 });
  expect(problem, JSON.stringify(built.body)).toBeUndefined();
  const read = toMessageSpec(accepted(built), context ?? outsideTheBody(message));
  if (!read.ok) throw new Error(`unreadable element ${read.element}`);
  return read.spec;
}

describe('MessageSpec -> Tencent body -> MessageSpec', () => {
  it.each(SCENARIOS.map((s) => [s.id, s.message] as const))(
    '%s reads back as the same MessageSpec',
    (_id, message) => {
      expect(roundTrip(message)).toEqual(message);
    },
  );

  it('without account_import and group data, only the nickname, group name and name card are lost', () => {
    for (const { message } of SCENARIOS) expect(roundTrip(message, {})).toEqual(bodyOnly(message));
  });

  it('holds for generated messages too (seeded), with hostile text', () => {
    let seed = 0x5eed;
    const rand = (): number => {
      // mulberry32: small, deterministic, good enough to vary the shapes.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
    const maybe = <T>(value: T): T | undefined => (rand() < 0.5 ? value : undefined);
    const words = [
      '',
      'plain',
      '引号 "quoted" \'single\'',
      '$(rm -rf /) `id` ; &&',
      'line\nbreak\ttab',
      '{"json":true}',
      '😀 emoji',
      'x'.repeat(300),
    ];
    const clean = <T extends object>(o: T): T =>
      Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
    for (let i = 0; i < 300; i += 1) {
      const kind = pick(MESSAGE_KINDS);
      const conversation = pick(['c2c', 'group'] as const);
      const vendor = maybe(
        clean<VendorFields>({
          oppoChannelId: maybe(pick(words)),
          xiaomiChannelId: maybe(pick(words)),
          huaweiChannelId: maybe(pick(words)),
          fcmChannelId: maybe(pick(words)),
          huaweiImportance: maybe(pick(['NORMAL', 'LOW'] as const)),
          huaweiCategory: maybe(pick(words)),
          honorImportance: maybe(pick(['NORMAL', 'LOW'] as const)),
          vivoClassification: maybe(pick([0, 1] as const)),
          vivoCategory: maybe(pick(words)),
          oppoCategory: maybe(pick(words)),
          oppoNotifyLevel: maybe(pick([1, 2, 16] as const)),
          meizuNoticeMsgType: maybe(pick([0, 1] as const)),
        }),
      );
      const push = maybe(
        clean({
          title: maybe(pick(words)),
          desc: maybe(pick(words)),
          ext: maybe(pick(words)),
          sound: maybe(pick(words)),
          disabled: maybe(true as const),
          vendor: vendor && Object.keys(vendor).length > 0 ? vendor : undefined,
        }),
      );
      const message: MessageSpec = clean({
        kind,
        conversation,
        sender: clean({
          id: `u${i}`,
          nickname: maybe(pick(words.filter(Boolean))),
          groupNameCard: conversation === 'group' ? maybe(pick(words.filter(Boolean))) : undefined,
        }),
        groupName: conversation === 'group' ? maybe(pick(words.filter(Boolean))) : undefined,
        text: kind === 'text' ? pick(words) : undefined,
        custom: kind === 'custom' ? clean({ data: pick(words), desc: maybe(pick(words)) }) : undefined,
        push,
      });
      expect(roundTrip(message), JSON.stringify(message)).toEqual(message);
    }
  });
});

describe('the Tencent body', () => {
  it('maps offlinePushInfo and every vendor field to the documented REST names', () => {
    const info = offlinePushInfo({
      title: 'T',
      desc: 'D',
      ext: '{"a":1}',
      sound: 'pushlab_ding',
      disabled: true,
      vendor: {
        oppoChannelId: 'o',
        xiaomiChannelId: 'x',
        huaweiChannelId: 'h',
        fcmChannelId: 'g',
        huaweiImportance: 'LOW',
        huaweiCategory: 'IM',
        honorImportance: 'NORMAL',
        vivoClassification: 0,
        vivoCategory: 'MARKETING',
        oppoCategory: 'IM',
        oppoNotifyLevel: 16,
        meizuNoticeMsgType: 0,
      },
    });
    expect(info).toEqual({
      PushFlag: 1,
      Title: 'T',
      Desc: 'D',
      Ext: '{"a":1}',
      AndroidInfo: {
        Sound: 'pushlab_ding',
        OPPOChannelID: 'o',
        XiaoMiChannelID: 'x',
        HuaWeiChannelID: 'h',
        GoogleChannelID: 'g',
        HuaWeiImportance: 'LOW',
        HuaWeiCategory: 'IM',
        HonorImportance: 'NORMAL',
        VIVOClassification: 0,
        VIVOCategory: 'MARKETING',
        OPPOCategory: 'IM',
        OPPONotifyLevel: 16,
        MeiZuNoticeMsgType: 0,
      },
      ApnsInfo: { Sound: 'pushlab_ding' },
    });
    expect(offlinePushInfo(undefined)).toBeUndefined();
    expect(offlinePushInfo({})).toEqual({});
  });

  it("sends an IM scenario with Tencent's IM class for OPPO, vivo and Meizu, and a low-class one as marketing", () => {
    const android = (id: string): Record<string, unknown> | undefined => {
      const scenario = SCENARIOS.find((s) => s.id === id);
      if (!scenario) throw new Error(`no scenario ${id}`);
      return offlinePushInfo(scenario.message.push)?.AndroidInfo as Record<string, unknown> | undefined;
    };
    expect(android('background-c2c-text')).toMatchObject({
      OPPOCategory: 'IM',
      OPPONotifyLevel: 2,
      VIVOClassification: 1,
      VIVOCategory: 'IM',
      MeiZuNoticeMsgType: 1,
    });
    expect(android('low-class-message')).toMatchObject({
      OPPOCategory: 'MARKETING',
      VIVOClassification: 0,
      VIVOCategory: 'MARKETING',
      MeiZuNoticeMsgType: 0,
    });
    expect(android('low-class-message')).not.toHaveProperty('OPPONotifyLevel');
  });

  it("sends c2c from the scenario's sender to the recipient, not synced to the sender's devices", () => {
    const built = buildTencentMessage(
      { kind: 'text', conversation: 'c2c', sender: { id: 'pushlab_sender', nickname: 'Denny' }, text: 'hi' },
      { to: 'bob', groupId: GROUP },
    );
    expect(built).toEqual({
      kind: 'c2c',
      body: {
        SyncOtherMachine: 2,
        From_Account: 'pushlab_sender',
        To_Account: 'bob',
        MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } }],
      },
    });
  });

  it('fills media elements with values the backend checks accept', () => {
    for (const kind of ['image', 'audio', 'file'] as const) {
      const built = buildTencentMessage({ kind, conversation: 'c2c', sender: { id: 'a' } }, { to: 'b' });
      if (built.kind !== 'c2c') throw new Error('expected c2c');
      expect(c2cBodyProblem({ ...built.body, MsgRandom: 1 })).toBeUndefined();
      expect(built.body.MsgBody[0]?.MsgType).toBe(
        { image: 'TIMImageElem', audio: 'TIMSoundElem', file: 'TIMFileElem' }[kind],
      );
    }
  });

  it('refuses a group scenario when the plan names no group, with the fix', () => {
    const group = SCENARIOS.find((s) => s.message.conversation === 'group');
    if (!group) throw new Error('the catalog has a group scenario');
    const error = (() => {
      try {
        buildTencentMessage(group.message, { to: 'bob', scenarioId: group.id });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).code).toBe('PLAN_INVALID');
    expect((error as LabError).message).toContain(group.id);
    expect((error as LabError).hint).toMatch(/sender\.groupId/);
  });
});
