/**
 * The core validates every request itself (electron/lab/request-gate.ts): the same bad input gets
 * the same typed refusal through LabCore.invoke directly, through main's ipcMain handler (fake
 * event, fake window) and through the web bridge's /api/invoke route, and no handler runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LabCore } from '../../../electron/lab/api';
import type { LocalLabCore } from '../../../electron/lab/compose';
import type { Handlers } from '../../../electron/lab/handlers';
import { gatedInvoke, refusalReason } from '../../../electron/lab/request-gate';
import { silentLogger } from '../../../electron/lab/util/logger';
import { handleInvoke } from '../../../electron/web/invoke-route';
import type { ErrorInfo } from '../../../shared/errors';
import { IPC_INVOKE } from '../../../shared/ipc';

type IpcHandler = (event: unknown, channel: unknown, args: unknown) => Promise<unknown>;
const electron = vi.hoisted(() => ({ handlers: new Map<string, IpcHandler>() }));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: IpcHandler) => electron.handlers.set(channel, handler),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
}));

const { wireIpc } = await import('../../../electron/main/ipc');
const { createLabCore } = await import('../../../electron/lab/compose');

const SERIAL_WITH_NEWLINE = ['emulator-5554\nreboot'];

/** A core whose invoke is the real gate over handlers that only record that they ran. */
function recordingCore(shell: 'electron' | 'web') {
  const ran: string[] = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_target, channel: string) => async (): Promise<unknown> => {
      ran.push(channel);
      return { running: false, phones: [] };
    },
  });
  const core: LabCore = {
    invoke: gatedInvoke(handlers, { shell, logger: silentLogger }),
    subscribe: () => () => undefined,
    close: async () => undefined,
  };
  return { core, ran };
}

describe('LabCore.invoke of the real core', () => {
  let dir: string;
  let core: LocalLabCore;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pushlab-gate-'));
    // No adb is asked: nothing is tracked and no server is started.
    core = await createLabCore({
      dataDir: dir,
      adb: { host: '127.0.0.1', port: 1, bin: 'adb', startServer: false },
      trackDevices: false,
      shell: 'test',
      logger: silentLogger,
    });
  });

  afterAll(async () => {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers a valid request', async () => {
    const result = await core.invoke('app:info', []);
    expect(result.ok && result.value.dataDir).toBe(dir);
  });

  it('refuses bad arguments with a typed INVALID_ARGUMENT in en and zh-CN, as a Result', async () => {
    const result = await core.invoke('devices:screenshot', SERIAL_WITH_NEWLINE);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: 'Invalid arguments for "devices:screenshot".',
        hint: 'Check the values you entered; if they look right, restart PushLab and report this.',
        detail: expect.stringMatching(/^0: /),
        zh: { message: '“devices:screenshot”的参数无效。' },
      },
    });
    if (!result.ok) expect(refusalReason(result.error)).toBe('invalid-arguments');
  });

  it('refuses unknown channels, prototype names included, and untyped arguments', async () => {
    for (const channel of ['shell:exec', '__proto__', 'constructor', 42]) {
      const result = await core.invoke(channel, []);
      expect(result, String(channel)).toMatchObject({
        ok: false,
        error: {
          code: 'INVALID_ARGUMENT',
          message: expect.stringMatching(/^Unknown request channel /),
          zh: { message: expect.stringMatching(/^未知的请求通道 /) },
        },
      });
      if (!result.ok) expect(refusalReason(result.error)).toBe('unknown-channel');
    }
    for (const args of [undefined, 'app:info', {}, ['extra']]) {
      const result = await core.invoke('app:info', args);
      expect(!result.ok && refusalReason(result.error)).toBe('invalid-arguments');
    }
  });

  it("checks typed callers too (the CLI), and a handler's own INVALID_ARGUMENT is no refusal", async () => {
    const refused = await core.invoke('runs:get', ['../../etc/passwd']);
    expect(!refused.ok && refusalReason(refused.error)).toBe('invalid-arguments');
    const missing = await core.invoke('runs:get', ['no-such-run']);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(refusalReason(missing.error)).toBeNull();
  });
});

describe("main's ipcMain handler", () => {
  const APP = 'file:///app/out/renderer/index.html';
  const window = { id: 7, isDestroyed: () => false, send: () => undefined };
  const event = (over: { url?: string; senderId?: number; parent?: unknown } = {}) => ({
    sender: { id: over.senderId ?? window.id },
    senderFrame: { url: over.url ?? APP, parent: over.parent ?? null },
  });

  it('passes raw input to the core, which refuses bad arguments and unknown channels', async () => {
    const { core, ran } = recordingCore('electron');
    const unwire = wireIpc(core, {
      location: { kind: 'file', indexHtmlPath: '/app/out/renderer/index.html' },
      targets: () => [window as never],
      logger: silentLogger,
    });
    try {
      const handle = electron.handlers.get(IPC_INVOKE);
      expect(handle).toBeDefined();
      const call = (channel: unknown, args: unknown, over = {}) =>
        handle!(event(over), channel, args) as Promise<{ ok: boolean; error?: ErrorInfo }>;
      const bad = await call('devices:screenshot', SERIAL_WITH_NEWLINE);
      expect(bad).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: 'Invalid arguments for "devices:screenshot".' },
      });
      expect(bad.error?.zh?.message).toBe('“devices:screenshot”的参数无效。');
      expect((await call('shell:exec', ['rm -rf /'])).error?.message).toMatch(/^Unknown request channel/);
      // The sender check stays main's: another window's call never reaches the core.
      expect((await call('lab:status', [], { senderId: 8 })).error?.message).toMatch(/PushLab window/);
      expect(ran).toEqual([]);
      expect(await call('lab:status', [])).toEqual({ ok: true, value: { running: false, phones: [] } });
      expect(ran).toEqual(['lab:status']);
    } finally {
      unwire();
    }
  });
});

describe("the web bridge's /api/invoke route", () => {
  function post(body: string): IncomingMessage {
    return Object.assign(Readable.from([Buffer.from(body)]), {
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
    }) as unknown as IncomingMessage;
  }

  function reply() {
    const sent = { status: 0, body: '' };
    const response = {
      headersSent: false,
      set statusCode(value: number) {
        sent.status = value;
      },
      setHeader: () => undefined,
      end: (body?: string) => {
        sent.body = body ?? '';
      },
    };
    return { sent, response: response as unknown as ServerResponse };
  }

  it('keeps only the HTTP checks and maps the core refusals to 404 and 400', async () => {
    const { core, ran } = recordingCore('web');
    const unknown = reply();
    await handleInvoke(core, 'shell%3Aexec', post('["x"]'), unknown.response, silentLogger);
    expect(unknown.sent.status).toBe(404);
    expect(JSON.parse(unknown.sent.body).error.hint).toBe(
      'The page and the server are out of step; reload the page.',
    );

    const bad = reply();
    await handleInvoke(
      core,
      'devices:screenshot',
      post(JSON.stringify(SERIAL_WITH_NEWLINE)),
      bad.response,
      silentLogger,
    );
    expect(bad.sent.status).toBe(400);
    const error = JSON.parse(bad.sent.body).error as ErrorInfo;
    expect(error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'Invalid arguments for "devices:screenshot".',
      hint: 'Check the values you entered; if they look right, reload the page.',
      zh: {
        message: '“devices:screenshot”的参数无效。',
        hint: '请检查你输入的值；如果看起来没问题，请重新加载页面。',
      },
    });
    expect(ran).toEqual([]);

    const good = reply();
    await handleInvoke(core, 'lab:status', post('[]'), good.response, silentLogger);
    expect(good.sent.status).toBe(200);
    expect(ran).toEqual(['lab:status']);
  });
});
