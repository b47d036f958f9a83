import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/main/security-policy';
import { serveWeb, type WebServer } from '../../electron/web/server';
import { sanitiseFileName } from '../../electron/web/upload-route';
import type { FakeLabCore } from './support/fake-core';
import { nodeFakeCore } from './support/node-fake-core';
import type { LabCore } from '../../electron/lab/api';
import { XIAOMI } from '../support/sample-devices';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

let work: string;
let rendererDir: string;
let core: FakeLabCore & LabCore;
let server: WebServer;
let port: number;
/** The session cookie the printed URL's token was traded for (what the browser that opened it holds). */
let session: string;

/**
 * Raw HTTP so the test controls Host/Origin exactly (fetch would set them itself). Requests carry
 * the session cookie unless `cookie` says otherwise (null: none).
 */
function send(
  method: string,
  path: string,
  options: {
    headers?: Record<string, string>;
    body?: Buffer | string | Iterable<Buffer>;
    host?: string;
    cookie?: string | null;
  } = {},
): Promise<Reply> {
  const cookie = options.cookie === undefined ? session : options.cookie;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          host: options.host ?? `127.0.0.1:${port}`,
          ...(cookie === null ? {} : { cookie }),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const body = options.body;
    if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) {
      req.end(body);
    } else {
      for (const chunk of body) req.write(chunk);
      req.end();
    }
  });
}

const json = { 'content-type': 'application/json' };
/** umask 000 for a moment (restore with the value returned): modes must not depend on it. */
const umaskZero = () => process.umask(0o000);
const parse = (reply: Reply) =>
  JSON.parse(reply.body) as {
    ok: boolean;
    value?: unknown;
    error?: { code: string; message: string; hint?: string; detail?: string };
  };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pushlab-web-'));
  rendererDir = join(work, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>PushLab</title>');
  await writeFile(join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)');
  await writeFile(join(work, 'secret.txt'), 'do not serve me');
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Opens the printed URL as the browser would: the token is traded for the session cookie. */
async function openPrintedUrl(printed: string = server.url): Promise<string> {
  const url = new URL(printed);
  const reply = await send('GET', `${url.pathname}${url.search}`, { cookie: null });
  expect(reply.status).toBe(303);
  const setCookie = reply.headers['set-cookie']?.[0] ?? '';
  return setCookie.split(';')[0] ?? '';
}

async function start(limits: { maxUploadBytes?: number; uploadBudgetBytes?: number } = {}): Promise<void> {
  core = nodeFakeCore({ devices: [XIAOMI] });
  server = await serveWeb({ core, rendererDir, uploadDir: join(work, 'uploads'), ...limits });
  port = Number(new URL(server.url).port);
  session = await openPrintedUrl();
}

afterEach(async () => {
  await server.close();
  await core.close();
});

describe('serveWeb: binding', () => {
  it('listens on 127.0.0.1 only and refuses any other host', async () => {
    await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    expect(server.origin).toBe(`http://127.0.0.1:${port}/`);
    await expect(
      serveWeb({ core, rendererDir, uploadDir: work, host: '0.0.0.0' as '127.0.0.1' }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('serveWeb: DNS rebinding and cross-site guards', () => {
  it('rejects a Host header that is not this loopback server', async () => {
    await start();
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `0.0.0.0:${port}`]) {
      const reply = await send('POST', '/api/invoke/devices:snapshot', { host, headers: json, body: '[]' });
      expect(reply.status, host).toBe(403);
    }
    expect((await send('GET', '/', { host: `localhost:${port}` })).status).toBe(200);
    expect(core.calls).toEqual([]);
  });

  it('rejects requests from other origins and cross-site fetches', async () => {
    await start();
    const foreign = await send('POST', '/api/invoke/lab:start', {
      headers: { ...json, origin: 'https://evil.example' },
      body: '[]',
    });
    expect(foreign.status).toBe(403);
    const crossSite = await send('POST', '/api/invoke/lab:start', {
      headers: { ...json, 'sec-fetch-site': 'cross-site' },
      body: '[]',
    });
    expect(crossSite.status).toBe(403);
    const same = await send('POST', '/api/invoke/devices:snapshot', {
      headers: { ...json, origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' },
      body: '[]',
    });
    expect(same.status).toBe(200);
    expect(core.calls.map((c) => c.channel)).toEqual(['devices:snapshot']);
  });

  it('sends no CORS headers and the CSP on every response', async () => {
    await start();
    const page = await send('GET', '/');
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    expect(page.headers['content-security-policy']).toContain("default-src 'self'; script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    // Same policy as the Electron window.
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy({ delivery: 'header' }));
    const preflight = await send('OPTIONS', '/api/invoke/devices:snapshot', {
      headers: { origin: `http://127.0.0.1:${port}` },
    });
    expect(preflight.status).toBe(405);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('serveWeb: only the browser that opened the printed URL', () => {
  const shellPlan = JSON.stringify({
    name: 'pwn',
    app: { package: 'com.example.app' },
    phones: { serials: ['x'] },
    scenarios: 'all',
    repeats: 1,
    sender: { kind: 'command', command: '/bin/sh', args: ['-c', 'touch /tmp/pushlab-pwned'] },
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie and redirects to the address without it', async () => {
    await start();
    const url = new URL(server.url);
    const reply = await send('GET', `/devices${url.search}&lang=zh`, { cookie: null });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/devices?lang=zh');
    const cookie = reply.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^pushlab-session-${port}=[A-Za-z0-9_-]{43}; `));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    // The cookie is a separate secret: the token from the URL does not work as one.
    expect(cookie).not.toContain(url.searchParams.get('token') ?? '?');
    expect((await send('GET', '/devices', { cookie: cookie.split(';')[0] ?? '' })).status).toBe(200);
  });

  it("refuses the audit's attack: a local process posting runs:start with no cookie and no Origin", async () => {
    await start();
    const reply = await send('POST', '/api/invoke/runs:start', {
      cookie: null,
      headers: json,
      body: JSON.stringify([{ plan: shellPlan }]),
    });
    expect(reply.status).toBe(401);
    expect(parse(reply).error?.code).toBe('ACCESS_DENIED');
    expect(core.calls).toEqual([]);
  });

  it("refuses every API route and page without the cookie, with a wrong cookie, or with another launch's", async () => {
    await start();
    const first = { port, session };
    const other = await serveWeb({ core, rendererDir, uploadDir: join(work, 'uploads-2') });
    try {
      port = Number(new URL(other.url).port);
      const otherSession = await openPrintedUrl(other.url);
      port = first.port;
      const wrong = [
        null,
        `pushlab-session-${port}=${'A'.repeat(43)}`,
        `${session}x`,
        session.slice(0, -1),
        // The other launch's cookie, renamed to this port: still not this launch's secret.
        `pushlab-session-${port}=${otherSession.split('=')[1] ?? ''}`,
        `pushlab-session-${port + 1}=${session.split('=')[1] ?? ''}`,
      ];
      for (const cookie of wrong) {
        const label = String(cookie);
        expect(
          (await send('POST', '/api/invoke/devices:snapshot', { cookie, headers: json, body: '[]' })).status,
          label,
        ).toBe(401);
        expect((await send('GET', '/api/events', { cookie })).status, label).toBe(401);
        const upload = await send('POST', '/api/upload', {
          cookie,
          headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'a.apk' },
          body: 'PK',
        });
        expect(upload.status, label).toBe(401);
        expect((await send('GET', '/', { cookie })).status, label).toBe(401);
        expect((await send('GET', '/assets/app-1234.js', { cookie })).status, label).toBe(401);
      }
      expect(core.calls).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it("refuses a token-less or wrong-token URL with a message saying what to open, in the browser's language", async () => {
    await start();
    const bare = await send('GET', '/', { cookie: null });
    expect(bare.status).toBe(401);
    expect(bare.headers['set-cookie']).toBeUndefined();
    expect(bare.body).toContain('did not come from the browser that opened PushLab');
    const wrongToken = await send('GET', `/?token=${'x'.repeat(32)}`, {
      cookie: null,
      headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    expect(wrongToken.status).toBe(401);
    expect(wrongToken.headers['set-cookie']).toBeUndefined();
    expect(wrongToken.body).toContain('这个 PushLab 链接来自另一次启动');
    // The token opens pages only: an API call that carries it instead of the cookie is refused.
    const token = new URL(server.url).search;
    expect(
      (
        await send('POST', `/api/invoke/devices:snapshot${token}`, {
          cookie: null,
          headers: json,
          body: '[]',
        })
      ).status,
    ).toBe(401);
  });

  it('refuses cross-origin requests even when the browser sends the cookie', async () => {
    await start();
    const foreign: Array<Record<string, string>> = [
      { origin: 'http://127.0.0.1:1' },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of foreign) {
      const reply = await send('POST', '/api/invoke/runs:start', {
        headers: { ...json, ...headers },
        body: JSON.stringify([{ plan: shellPlan }]),
      });
      expect(reply.status, JSON.stringify(headers)).toBe(403);
    }
    expect(core.calls).toEqual([]);
  });
});

describe('serveWeb: /api/invoke', () => {
  it('runs a valid request and returns its Result', async () => {
    await start();
    const reply = await send('POST', '/api/invoke/devices:snapshot', { headers: json, body: '[]' });
    expect(reply.status).toBe(200);
    const result = parse(reply);
    expect(result.ok).toBe(true);
    expect((result.value as { devices: Array<{ serial: string }> }).devices[0]?.serial).toBe(XIAOMI.serial);
  });

  it('passes a core failure through as a Result', async () => {
    await start();
    const reply = await send('POST', '/api/invoke/devices:screenshot', {
      headers: json,
      body: JSON.stringify(['nope']),
    });
    expect(reply.status).toBe(200);
    expect(parse(reply).error?.code).toBe('DEVICE_NOT_FOUND');
  });

  it('refuses unknown channels, bad arguments, non-JSON and wrong methods with INVALID_ARGUMENT', async () => {
    await start();
    const unknown = await send('POST', '/api/invoke/shell:exec', { headers: json, body: '["rm -rf /"]' });
    expect(unknown.status).toBe(404);
    expect(parse(unknown).error?.code).toBe('INVALID_ARGUMENT');
    const proto = await send('POST', '/api/invoke/__proto__', { headers: json, body: '[]' });
    expect(parse(proto).error?.code).toBe('INVALID_ARGUMENT');

    const badSerial = await send('POST', '/api/invoke/devices:screenshot', {
      headers: json,
      body: JSON.stringify(['a\nb']),
    });
    expect(badSerial.status).toBe(400);
    const error = parse(badSerial).error;
    expect(error?.code).toBe('INVALID_ARGUMENT');
    expect(error?.detail).toContain('0:');
    expect(badSerial.body).not.toMatch(/at .+\.ts:\d+/); // no stack trace

    const extraArg = await send('POST', '/api/invoke/devices:snapshot', { headers: json, body: '[1]' });
    expect(extraArg.status).toBe(400);
    const notArray = await send('POST', '/api/invoke/lab:plug', { headers: json, body: '{"id":"x"}' });
    expect(notArray.status).toBe(400);
    const badJson = await send('POST', '/api/invoke/devices:snapshot', { headers: json, body: '[' });
    expect(parse(badJson).error?.message).toContain('not valid JSON');
    const textPlain = await send('POST', '/api/invoke/devices:snapshot', {
      headers: { 'content-type': 'text/plain' },
      body: '[]',
    });
    expect(textPlain.status).toBe(415);
    const get = await send('GET', '/api/invoke/devices:snapshot');
    expect(get.status).toBe(405);
    const tooBig = await send('POST', '/api/invoke/apk:inspect', {
      headers: json,
      body: JSON.stringify(['x'.repeat(2 * 1024 * 1024)]),
    });
    expect(tooBig.status).toBe(413);

    expect(core.calls).toEqual([]);
  });

  it('validates install requests before the core sees them', async () => {
    await start();
    const noPhones = await send('POST', '/api/invoke/install:start', {
      headers: json,
      body: JSON.stringify([
        {
          apkPath: '/tmp/a.apk',
          serials: [],
          options: { replace: true, allowDowngrade: false, grantPermissions: false, allowTestOnly: true },
        },
      ]),
    });
    expect(noPhones.status).toBe(400);
    expect(core.calls).toEqual([]);
  });
});

describe('serveWeb: /api/upload', () => {
  it('stores the body under a sanitised name in its own folder and returns the path', async () => {
    await start();
    const reply = await send('POST', '/api/upload', {
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('../../推送 build;rm -rf.apk'),
      },
      body: Buffer.from('PK\x03\x04hello', 'latin1'),
    });
    expect(reply.status).toBe(200);
    const path = parse(reply).value as string;
    expect(path.startsWith(join(work, 'uploads') + '/')).toBe(true);
    expect(path.split('/').pop()).toBe('build_rm_-rf.apk');
    expect(await readFile(path, 'latin1')).toBe('PK\x03\x04hello');
  });

  it('refuses a body over the limit, declared or streamed, and keeps nothing', async () => {
    await start({ maxUploadBytes: 1024 });
    const declared = await send('POST', '/api/upload', {
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': '4096',
        'x-file-name': 'big.apk',
      },
      body: Buffer.alloc(4096),
    });
    expect(declared.status).toBe(413);
    expect(parse(declared).error?.message).toContain('upload limit');

    // Chunked (no Content-Length): the server counts while streaming.
    const streamed = await send('POST', '/api/upload', {
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'big.apk' },
      body: [Buffer.alloc(600), Buffer.alloc(600)],
    });
    expect(streamed.status).toBe(413);
    const left = await readdir(join(work, 'uploads')).catch(() => []);
    for (const folder of left) expect(await readdir(join(work, 'uploads', folder))).not.toContain('big.apk');
  });

  it('limits all uploads of one launch to its budget, with a clear error, and deletes them on close', async () => {
    await start({ uploadBudgetBytes: 1000 });
    const put = (bytes: number, name: string, declared = true) =>
      send('POST', '/api/upload', {
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': name },
        body: declared ? Buffer.alloc(bytes, 1) : [Buffer.alloc(bytes / 2, 1), Buffer.alloc(bytes / 2, 1)],
      });
    const saved = umaskZero();
    let kept: string;
    try {
      const first = await put(600, 'one.apk');
      expect(first.status).toBe(200);
      kept = parse(first).value as string;
      // Private whatever the umask: folders 0700, the file 0600.
      expect(statSync(kept).mode & 0o777).toBe(0o600);
      expect(statSync(dirname(kept)).mode & 0o777).toBe(0o700);
      expect(statSync(join(work, 'uploads')).mode & 0o777).toBe(0o700);
    } finally {
      process.umask(saved);
    }
    const declared = await put(600, 'two.apk');
    expect(declared.status).toBe(413);
    expect(parse(declared).error?.message).toContain('received its 1000 bytes of uploads');
    expect(parse(declared).error?.hint).toContain('start it again');
    const streamed = await put(600, 'three.apk', false);
    expect(streamed.status).toBe(413);
    // A refused upload leaves nothing behind and gives its bytes back: 400 more still fit.
    expect((await put(400, 'four.apk')).status).toBe(200);
    await server.close();
    expect(existsSync(kept)).toBe(false);
    expect(await readdir(join(work, 'uploads'))).toEqual([]);
  });

  it('sanitises file names', () => {
    expect(sanitiseFileName('app-release.apk')).toBe('app-release.apk');
    expect(sanitiseFileName('..%2F..%2Fetc%2Fpasswd')).toBe('passwd');
    expect(sanitiseFileName('.hidden.apk')).toBe('hidden.apk');
    expect(sanitiseFileName('$(reboot).apk')).toBe('reboot_.apk');
    expect(sanitiseFileName('%E0%A4%A')).toBe('E0_A4_A');
    expect(sanitiseFileName('')).toBe('upload.apk');
    expect(sanitiseFileName(undefined)).toBe('upload.apk');
    expect(sanitiseFileName(`${'a'.repeat(300)}.apk`)).toMatch(/^a{116}\.apk$/);
  });
});

describe('serveWeb: static files and events', () => {
  it('serves the renderer, falls back to index.html for app routes and never leaves its folder', async () => {
    await start();
    expect((await send('GET', '/')).body).toContain('<title>PushLab</title>');
    expect((await send('GET', '/devices')).body).toContain('<title>PushLab</title>');
    const asset = await send('GET', '/assets/app-1234.js');
    expect(asset.headers['content-type']).toContain('text/javascript');
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/missing.js',
    ]) {
      const reply = await send('GET', path);
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('do not serve me');
    }
    expect((await send('GET', '/api/nothing')).status).toBe(404);
  });

  it('streams the current state, then core events, as Server-Sent Events', async () => {
    await start();
    const frames: string[] = [];
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/api/events',
      headers: { host: `127.0.0.1:${port}`, cookie: session },
    });
    const opened = new Promise<IncomingHttpHeaders>((resolve) => {
      req.on('response', (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => frames.push(chunk));
        resolve(res.headers);
      });
    });
    req.end();
    const headers = await opened;
    expect(headers['content-type']).toContain('text/event-stream');
    const until = async (text: string) => {
      const deadline = Date.now() + 3000;
      while (!frames.join('').includes(text)) {
        if (Date.now() > deadline) throw new Error(`no "${text}" in ${frames.join('')}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    await until('event: devices:changed\ndata: {');
    await until('event: lab:changed\ndata: {"running":false');
    core.setDevices([]);
    await until(
      'data: {"adb":{"state":"connected","host":"127.0.0.1","port":15037,"serverVersion":41,' +
        '"since":"2026-01-05T09:30:00.000Z","error":null,"lastOutage":null},"devices":[]}',
    );
    expect(core.listenerCount()).toBe(1);
    // Closing the server ends open streams instead of hanging.
    await server.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(core.listenerCount()).toBe(0);
    req.destroy();
  });
});
