import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppiumServer, freeLoopbackPort } from '../../../electron/lab/android/tap/appium/appium-server';
import { appiumCapabilities } from '../../../electron/lab/android/tap/appium/appium-tap';
import { ELEMENT_KEY, WebDriverClient } from '../../../electron/lab/android/tap/appium/webdriver-client';

/** A scripted W3C endpoint: answers by method + path, records the bodies it got. */
function scripted(
  routes: Record<string, (body: unknown) => [number, unknown] | 'hang'>,
): Promise<{ server: Server; url: string; seen: Array<[string, unknown]> }> {
  const seen: Array<[string, unknown]> = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const key = `${req.method} ${req.url}`;
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as unknown) : undefined;
      seen.push([key, body]);
      const route = routes[key];
      const answer = route
        ? route(body)
        : ([404, { value: { error: 'unknown command', message: key } }] as [number, unknown]);
      if (answer === 'hang') return;
      res.writeHead(answer[0], { 'content-type': 'application/json' }).end(JSON.stringify(answer[1]));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        server,
        url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
        seen,
      });
    }),
  );
}

describe('W3C client', () => {
  let fixture: Awaited<ReturnType<typeof scripted>>;
  beforeAll(async () => {
    fixture = await scripted({
      'POST /session': () => [200, { value: { sessionId: 's-1', capabilities: {} } }],
      'POST /session/s-1/element': (body) =>
        (body as { value: string }).value.includes('present')
          ? [200, { value: { [ELEMENT_KEY]: 'e-7' } }]
          : [
              404,
              {
                value: {
                  error: 'no such element',
                  message: 'An element could not be located',
                  stacktrace: '',
                },
              },
            ],
      'POST /session/s-1/element/e-7/click': () => [200, { value: null }],
      'POST /session/s-1/execute/sync': () => [
        500,
        { value: { error: 'unknown method', message: 'Unsupported execute method', stacktrace: '' } },
      ],
      'GET /session/s-1/element/e-7/attribute/clicks': () => [200, { value: '1' }],
      'DELETE /session/s-1': () => [200, { value: null }],
      'GET /status': () => 'hang',
    });
  });
  afterAll(async () => {
    fixture.server.closeAllConnections();
    await new Promise((r) => fixture.server.close(r));
  });

  it('runs a session: W3C capabilities, find (null when absent), click, attribute, delete', async () => {
    const client = new WebDriverClient(fixture.url);
    const session = await client.newSession({ platformName: 'Android' });
    expect(session).toBe('s-1');
    expect(await client.findElement(session, 'xpath', "//*[@text='absent']")).toBeNull();
    const el = await client.findElement(session, 'xpath', "//*[@text='present']");
    expect(el).toBe('e-7');
    await client.click(session, el as string);
    expect(await client.attribute(session, el as string, 'clicks')).toBe('1');
    await client.deleteSession(session);
    expect(fixture.seen[0]).toEqual([
      'POST /session',
      { capabilities: { alwaysMatch: { platformName: 'Android' }, firstMatch: [{}] } },
    ]);
  });

  it('keeps the W3C error code, and times out a silent server', async () => {
    const client = new WebDriverClient(fixture.url, { timeoutMs: 300 });
    await expect(client.execute('s-1', 'mobile: openNotifications')).rejects.toMatchObject({
      w3cError: 'unknown method',
      httpStatus: 500,
      code: 'COMMAND_FAILED',
    });
    await expect(client.status()).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('talks only to this computer', () => {
    expect(() => new WebDriverClient('http://192.168.1.5:4723')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => new WebDriverClient('https://127.0.0.1:4723')).toThrow();
    expect(() => new WebDriverClient('http://localhost:4723/wd/hub')).not.toThrow();
  });
});

describe('Appium server start-up failures', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pushlab-appium-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function script(name: string, body: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, `#!/usr/bin/env node\n${body}\n`);
    await chmod(path, 0o755);
    return path;
  }

  it.skipIf(process.platform === 'win32')(
    'names a missing appium, a missing driver and a server that dies',
    async () => {
      await expect(
        AppiumServer.start({ appiumHome: dir, binary: join(dir, 'no-such-appium') }),
      ).rejects.toMatchObject({
        name: 'AppiumUnavailableError',
        reason: 'not-installed',
        code: 'NOT_FOUND',
        hint: 'Appium is not installed: npm i -g appium && appium driver install uiautomator2',
      });
      const noDriver = await script(
        'no-driver',
        `console.error("Error: Could not load the driver 'uiautomator2' because it is not ` +
          `installed. Only the following driver is available: fake"); process.exit(1);`,
      );
      await expect(AppiumServer.start({ appiumHome: dir, binary: noDriver })).rejects.toMatchObject({
        reason: 'driver-missing',
        hint: `Install it where PushLab's Appium looks: APPIUM_HOME="${dir}" appium driver install uiautomator2`,
      });
      const dies = await script('dies', 'console.log("boom"); process.exit(3);');
      await expect(AppiumServer.start({ appiumHome: dir, binary: dies })).rejects.toMatchObject({
        reason: 'start-failed',
        detail: expect.stringContaining('boom'),
      });
    },
  );

  it.skipIf(process.platform === 'win32')(
    'gives up on a server that never gets ready and kills it',
    async () => {
      const pidFile = join(dir, 'pid');
      const silent = await script(
        'silent',
        `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`,
      );
      await expect(
        AppiumServer.start({ appiumHome: dir, binary: silent, startTimeoutMs: 800 }),
      ).rejects.toMatchObject({ reason: 'start-failed' });
      const { readFile } = await import('node:fs/promises');
      const pid = Number(await readFile(pidFile, 'utf8'));
      expect(() => process.kill(pid, 0)).toThrow();
    },
  );

  it("picks loopback ports away from adb's, and builds real-phone capabilities", async () => {
    const port = await freeLoopbackPort();
    expect(port === 5037 || (port >= 5554 && port <= 5585)).toBe(false);
    expect(appiumCapabilities('R58M123', { adbPort: 15037 })).toEqual({
      platformName: 'Android',
      'appium:automationName': 'UiAutomator2',
      'appium:udid': 'R58M123',
      'appium:noReset': true,
      'appium:newCommandTimeout': 120,
      'appium:adbPort': 15037,
    });
  });
});
