import { describe, expect, it } from 'vitest';
import type { LabCore, LabEventListener } from '../../../electron/lab/api';
import { LabError } from '../../../electron/lab/errors';
import type { Handlers } from '../../../electron/lab/handlers';
import { gatedInvoke } from '../../../electron/lab/request-gate';
import {
  createInvokeDispatcher,
  describeUntrusted,
  forwardCoreEvents,
} from '../../../electron/main/ipc-dispatch';
import type { InvokeRequest } from '../../../electron/main/ipc-dispatch';
import { IPC_EVENT_PREFIX } from '../../../shared/ipc';
import type { VirtualLabStatus } from '../../../shared/domain/lab';

const APP = 'file:///app/out/renderer/index.html';
const LAB: VirtualLabStatus = { running: true, phones: [] };

/**
 * A core whose invoke is the real one (request-gate.ts: the core validates) over handlers that
 * record their calls and answer with `answer`: a call that reaches `calls` passed the core's check.
 */
function fakeCore(answer: (channel: string, args: unknown[]) => Promise<unknown> = async () => LAB) {
  const calls: { channel: string; args: unknown }[] = [];
  const handlers = new Proxy({} as Handlers, {
    get:
      (_target, channel: string) =>
      async (...args: unknown[]) => {
        calls.push({ channel, args });
        return answer(channel, args);
      },
  });
  const core: Pick<LabCore, 'invoke'> = { invoke: gatedInvoke(handlers, { shell: 'electron' }) };
  return { core, calls };
}

const request = (channel: unknown, args: unknown, over: Partial<InvokeRequest> = {}): InvokeRequest => ({
  senderUrl: APP,
  isMainFrame: true,
  channel,
  args,
  ...over,
});

const dispatcherFor = (core: Pick<LabCore, 'invoke'>) =>
  createInvokeDispatcher(core, { isTrustedSender: (url) => url === APP });

describe('sender check, then the core validates and dispatches', () => {
  it('passes a valid call to the core and returns its Result', async () => {
    const { core, calls } = fakeCore();
    const result = await dispatcherFor(core)(request('lab:plug', ['phone-1', false]));
    expect(result).toEqual({ ok: true, value: LAB });
    expect(calls).toEqual([{ channel: 'lab:plug', args: ['phone-1', false] }]);
  });

  it('hands the core the parsed arguments (unknown object keys stripped)', async () => {
    const { core, calls } = fakeCore();
    const options = { replace: true, allowDowngrade: false, grantPermissions: true, allowTestOnly: false };
    await dispatcherFor(core)(
      request('install:start', [
        { apkPath: '/tmp/a.apk', serials: ['emulator-1'], options: { ...options, shell: 'rm -rf /' }, x: 1 },
      ]),
    );
    expect(calls[0]?.args).toEqual([{ apkPath: '/tmp/a.apk', serials: ['emulator-1'], options }]);
  });

  it('refuses callers that are not the app page, a subframe or a vanished frame', async () => {
    for (const over of [
      { senderUrl: 'https://evil.example/' },
      { isMainFrame: false },
      { senderUrl: null },
    ]) {
      const { core, calls } = fakeCore();
      const result = await dispatcherFor(core)(request('app:info', [], over));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_ARGUMENT');
      expect(calls).toHaveLength(0);
    }
  });

  it('rejects unknown channels, including prototype names and non-strings', async () => {
    for (const channel of [
      'nope',
      '__proto__',
      'constructor',
      'toString',
      42,
      null,
      { channel: 'app:info' },
      ['app:info'],
    ]) {
      const { core, calls } = fakeCore();
      const result = await dispatcherFor(core)(request(channel, []));
      expect(result.ok, String(channel)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_ARGUMENT');
        expect(result.error.message).toMatch(/Unknown request channel/);
      }
      expect(calls).toHaveLength(0);
    }
  });

  it('quotes and bounds hostile channel names instead of echoing them raw', async () => {
    const { core } = fakeCore();
    const hostile = `<img src=x onerror=alert(1)>\u0000\u001b[31m${'A'.repeat(5000)}`;
    const result = await dispatcherFor(core)(request(hostile, []));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message.length).toBeLessThan(200);
      expect(result.error.message).not.toContain('\u0000');
      expect(result.error.message).not.toContain('\u001b');
      expect(result.error.message).toContain('\\u0000');
    }
  });

  it('rejects bad arguments before the core sees them', async () => {
    const bad: [string, unknown][] = [
      ['app:info', ['extra']],
      ['app:info', undefined],
      ['app:info', 'not an array'],
      ['devices:screenshot', []],
      ['devices:screenshot', [42]],
      ['devices:screenshot', ['serial\nwith newline']],
      ['devices:screenshot', ['x'.repeat(300)]],
      ['apk:inspect', ['']],
      ['lab:start', [{ phones: 0 }]],
      ['lab:start', [{ phones: 1.5 }]],
      ['lab:plug', ['phone-1', 'yes']],
      ['install:start', [{ apkPath: '/a.apk', serials: [], options: {} }]],
      [
        'install:start',
        [{ apkPath: '/a.apk', serials: Array.from({ length: 201 }, (_, i) => `s${i}`), options: {} }],
      ],
    ];
    for (const [channel, args] of bad) {
      const { core, calls } = fakeCore();
      const result = await dispatcherFor(core)(request(channel, args));
      expect(result.ok, `${channel} ${JSON.stringify(args)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_ARGUMENT');
        expect(result.error.message).toBe(`Invalid arguments for "${channel}".`);
        expect(result.error.hint).toBeTruthy();
      }
      expect(calls).toHaveLength(0);
    }
  });

  it('describes argument problems by path without echoing the values', async () => {
    const { core } = fakeCore();
    const secret = 'TOP-SECRET-VALUE-\u0007';
    const result = await dispatcherFor(core)(request('lab:plug', [secret.repeat(10), 'x']));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.detail).toMatch(/^0: .+; 1: .+/);
      expect(JSON.stringify(result.error)).not.toContain('TOP-SECRET');
    }
  });

  it('turns core exceptions into error values (LabError keeps its code)', async () => {
    const lab = fakeCore(async () => {
      throw new LabError('DEVICE_OFFLINE', 'The phone went offline.', { hint: 'Replug it.' });
    });
    expect(await dispatcherFor(lab.core)(request('devices:snapshot', []))).toEqual({
      ok: false,
      error: { code: 'DEVICE_OFFLINE', message: 'The phone went offline.', hint: 'Replug it.' },
    });
    const boom = fakeCore(async () => {
      throw new TypeError('x is undefined');
    });
    const result = await dispatcherFor(boom.core)(request('devices:snapshot', []));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INTERNAL');
  });

  it('never throws, even when the sender check itself throws', async () => {
    const { core } = fakeCore();
    const dispatch = createInvokeDispatcher(core, {
      isTrustedSender: () => {
        throw new Error('frame destroyed');
      },
    });
    await expect(dispatch(request('app:info', []))).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});

describe('describeUntrusted', () => {
  it('JSON-quotes strings and names other values by kind only', () => {
    expect(describeUntrusted('a"b')).toBe('"a\\"b"');
    expect(describeUntrusted(7)).toBe('"7"');
    expect(describeUntrusted({ secret: 'x' })).toBe('"<object>"');
    expect(describeUntrusted(['x'])).toBe('"<array>"');
    expect(describeUntrusted('y'.repeat(500)).length).toBeLessThan(90);
  });
});

describe('event forwarding', () => {
  function fakeEmitter() {
    const listeners = new Set<LabEventListener>();
    const core: Pick<LabCore, 'subscribe'> = {
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const emit = (event: string, payload: unknown) => {
      for (const listener of listeners) (listener as (e: string, p: unknown) => void)(event, payload);
    };
    return { core, emit, listeners };
  }

  it('sends known events with the IPC prefix and drops unknown ones', () => {
    const { core, emit } = fakeEmitter();
    const sent: [string, unknown][] = [];
    forwardCoreEvents(core, (channel, payload) => sent.push([channel, payload]));
    emit('lab:changed', LAB);
    emit('secret:event', { x: 1 });
    expect(sent).toEqual([[`${IPC_EVENT_PREFIX}lab:changed`, LAB]]);
  });

  it('survives a failing send and stops after unsubscribe', () => {
    const { core, emit, listeners } = fakeEmitter();
    let attempts = 0;
    const stop = forwardCoreEvents(core, () => {
      attempts += 1;
      throw new Error('Object has been destroyed');
    });
    expect(() => emit('devices:changed', {})).not.toThrow();
    stop();
    emit('devices:changed', {});
    expect(attempts).toBe(1);
    expect(listeners.size).toBe(0);
  });
});
