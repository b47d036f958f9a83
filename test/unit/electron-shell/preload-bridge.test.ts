import { describe, expect, it } from 'vitest';
import { createBridge } from '../../../electron/preload/bridge';
import type { BridgeTransport } from '../../../electron/preload/bridge';
import { IPC_EVENT_PREFIX, IPC_INVOKE } from '../../../shared/ipc';
import type { EventChannel } from '../../../shared/ipc';

function fakeTransport(over: Partial<BridgeTransport> = {}) {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: BridgeTransport = {
    invoke: async (...args) => {
      invoked.push(args);
      return { ok: true, value: 'answer' };
    },
    listen: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
    getPathForFile: () => '/home/qa/app-release.apk',
    ...over,
  };
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload));
  return { transport, invoked, emit, listeners };
}

const someFile = {} as File;

describe('preload bridge', () => {
  it('invokes the one IPC channel with the request channel and its argument list', async () => {
    const { transport, invoked } = fakeTransport();
    const bridge = createBridge(transport);
    await expect(bridge.invoke('lab:plug', 'phone-1', true)).resolves.toEqual({ ok: true, value: 'answer' });
    await bridge.invoke('app:info');
    expect(invoked).toEqual([
      [IPC_INVOKE, 'lab:plug', ['phone-1', true]],
      [IPC_INVOKE, 'app:info', []],
    ]);
  });

  it('turns transport failures and odd answers into error values, never rejections', async () => {
    const failing = createBridge(
      fakeTransport({ invoke: async () => Promise.reject(new Error('no handler')) }).transport,
    );
    const result = await failing.invoke('app:info');
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!result.ok) expect(result.error.message).toContain('no handler');
    const odd = createBridge(fakeTransport({ invoke: async () => 'surprise' }).transport);
    await expect(odd.invoke('app:info')).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('subscribes only to known events, passes only the payload, and unsubscribes', () => {
    const { transport, emit, listeners } = fakeTransport();
    const bridge = createBridge(transport);
    const seen: unknown[][] = [];
    const off = bridge.on('lab:changed', (...args: unknown[]) => seen.push(args));
    emit(`${IPC_EVENT_PREFIX}lab:changed`, { running: false, phones: [] });
    expect(seen).toEqual([[{ running: false, phones: [] }]]);
    off();
    emit(`${IPC_EVENT_PREFIX}lab:changed`, { running: true, phones: [] });
    expect(seen).toHaveLength(1);
    expect(listeners.get(`${IPC_EVENT_PREFIX}lab:changed`)?.size).toBe(0);
  });

  it('throws on unknown events and non-function listeners instead of listening', () => {
    const { transport, listeners } = fakeTransport();
    const bridge = createBridge(transport);
    expect(() => bridge.on('pushlab:invoke' as EventChannel, () => undefined)).toThrow(
      /Unknown PushLab event/,
    );
    expect(() => bridge.on('__proto__' as EventChannel, () => undefined)).toThrow(TypeError);
    expect(() => bridge.on('lab:changed', 'x' as unknown as () => void)).toThrow(/function/);
    expect(listeners.size).toBe(0);
  });

  it('stages files that have a path and refuses those that do not', async () => {
    await expect(createBridge(fakeTransport().transport).stageFile(someFile)).resolves.toEqual({
      ok: true,
      value: '/home/qa/app-release.apk',
    });
    const empty = createBridge(fakeTransport({ getPathForFile: () => '' }).transport);
    await expect(empty.stageFile(someFile)).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    const throwing = createBridge(
      fakeTransport({
        getPathForFile: () => {
          throw new TypeError('not a File');
        },
      }).transport,
    );
    await expect(throwing.stageFile(someFile)).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('exposes exactly invoke, on and stageFile, frozen', () => {
    const bridge = createBridge(fakeTransport().transport);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'stageFile']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});
