/**
 * Helpers for the router tests: accepted messages in the emulator's shape, a stand-in emulator
 * that only hands messages to listeners, and a phone with the test app sent to the background.
 */
import type { C2CMessage, GroupMessage, TIMMsgElement } from '../../../../electron/lab/push/tencent/types';
import type { SentMessage, TencentEmulator } from '../../../virtual-lab/tencent/emulator';
import type { VirtualAndroid } from '../../../virtual-lab/android/index';
import { APP, sh, withApp, type AppSetup } from '../android/helpers';

export { APP, sh };

export const text = (Text: string): TIMMsgElement => ({ MsgType: 'TIMTextElem', MsgContent: { Text } });

let seq = 0;

/** A one-to-one message as the emulator emits it after accepting it. */
export function c2c(to: string, extra: Partial<C2CMessage> = {}, from = 'administrator'): SentMessage {
  seq += 1;
  const body: C2CMessage = { To_Account: to, MsgRandom: 1000 + seq, MsgBody: [text('hello')], ...extra };
  return {
    kind: 'c2c',
    from,
    to,
    msgKey: `${body.MsgRandom}_${seq}_1700000000`,
    msgTime: 1_700_000_000,
    body,
  };
}

/** A group message as the emulator emits it. */
export function group(groupId: string, from: string, extra: Partial<GroupMessage> = {}): SentMessage {
  seq += 1;
  const body: GroupMessage = {
    GroupId: groupId,
    Random: 2000 + seq,
    From_Account: from,
    MsgBody: [text('hi all')],
    ...extra,
  };
  return { kind: 'group', from, groupId, msgSeq: seq, msgTime: 1_700_000_000, body };
}

/** An emulator stand-in: `emit` plays an accepted message to the listeners. */
export function fakeEmulator(): Pick<TencentEmulator, 'onMessage'> & {
  emit(m: SentMessage): void;
  listeners: number;
} {
  const listeners = new Set<(m: SentMessage) => void>();
  return {
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(m) {
      for (const l of listeners) l(m);
    },
    get listeners() {
      return listeners.size;
    },
  };
}

/** The test app installed, launched once (channels exist), granted, then HOME: the app is in the background. */
export async function backgroundPhone(profile: string, setup: AppSetup = {}): Promise<VirtualAndroid> {
  const p = await withApp(profile, { grant: true, ...setup });
  await sh(p, 'input keyevent KEYCODE_HOME');
  return p;
}
