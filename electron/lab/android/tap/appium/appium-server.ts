/**
 * Appium 3 as a child process (never in-process: its main() installs signal handlers that exit the
 * process). It listens on 127.0.0.1 on a free port with its own APPIUM_HOME (the drivers it may
 * load live there) and counts as started when GET /status says ready. Stopping kills the whole
 * process tree (the UiAutomator2 driver spawns adb children). A missing `appium` or driver is a
 * typed AppiumUnavailableError, so callers can fall back to uiautomator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { LabError } from '../../../errors';
import { WebDriverClient } from './webdriver-client';

export interface AppiumOptions {
  /** The appium executable; default ./node_modules/.bin/appium when present, else `appium` on PATH. */
  readonly binary?: string;
  /** APPIUM_HOME of the child: drivers are installed and looked up there. */
  readonly appiumHome: string;
  /** Drivers to load (default ['uiautomator2']). */
  readonly drivers?: readonly string[];
  readonly startTimeoutMs?: number;
  /** The adb server port the UiAutomator2 driver must use (PushLab's private adb server). */
  readonly adbPort?: number;
  /** Capabilities merged over the defaults for a session. */
  readonly capabilities?: Readonly<Record<string, unknown>>;
}

export type AppiumUnavailableReason = 'not-installed' | 'driver-missing' | 'start-failed';

export class AppiumUnavailableError extends LabError {
  public constructor(
    public readonly reason: AppiumUnavailableReason,
    message: string,
    options: { hint: string; detail?: string },
  ) {
    super(reason === 'start-failed' ? 'COMMAND_FAILED' : 'NOT_FOUND', message, options);
    this.name = 'AppiumUnavailableError';
  }
}

/** Ports never used here: the adb server's and the emulator console/adb range. */
function reservedPort(port: number): boolean {
  return port === 5037 || (port >= 5554 && port <= 5585);
}

export async function freeLoopbackPort(): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const p = typeof address === 'object' && address !== null ? address.port : 0;
        server.close(() => resolve(p));
      });
    });
    if (port > 0 && !reservedPort(port)) return port;
  }
  throw new LabError('INTERNAL', 'No free loopback port for the Appium server.', {
    zh: { message: '没有可供 Appium 服务使用的空闲本机回环端口。' },
  });
}

export function defaultAppiumBinary(cwd = process.cwd()): string {
  const local = join(cwd, 'node_modules', '.bin', process.platform === 'win32' ? 'appium.cmd' : 'appium');
  return existsSync(local) ? local : 'appium';
}

/** A short tail of the child's output, for error details (its log never holds our secrets). */
class OutputTail {
  private text = '';
  public push(chunk: Buffer): void {
    this.text = (this.text + chunk.toString('utf8')).slice(-6_000);
  }
  public get value(): string {
    return this.text;
  }
}

function unavailable(
  options: AppiumOptions,
  output: string,
  spawnError: NodeJS.ErrnoException | null,
): AppiumUnavailableError {
  if (spawnError?.code === 'ENOENT') {
    return new AppiumUnavailableError('not-installed', 'Appium is not installed.', {
      hint: 'Appium is not installed: npm i -g appium && appium driver install uiautomator2',
    });
  }
  const missing = /Could not load the driver '([^']+)' because it is not installed/.exec(output);
  if (missing) {
    return new AppiumUnavailableError(
      'driver-missing',
      `The Appium driver "${missing[1]}" is not installed.`,
      {
        hint: `Install it where PushLab's Appium looks: APPIUM_HOME="${options.appiumHome}" appium driver install ${missing[1]}`,
        detail: output.slice(-600),
      },
    );
  }
  return new AppiumUnavailableError('start-failed', 'The Appium server did not start.', {
    hint: 'Run `appium server` by hand to see why; PushLab taps with uiautomator meanwhile.',
    detail: (spawnError?.message ?? output).slice(-600),
  });
}

export class AppiumServer {
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    public readonly port: number,
    private readonly output: OutputTail,
    public readonly options: AppiumOptions,
  ) {
    child.once('exit', () => {
      this.exited = true;
    });
  }

  public get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  public get running(): boolean {
    return !this.exited;
  }

  public client(): WebDriverClient {
    return new WebDriverClient(this.url);
  }

  public static async start(options: AppiumOptions): Promise<AppiumServer> {
    const port = await freeLoopbackPort();
    const binary = options.binary ?? defaultAppiumBinary();
    const args = [
      'server',
      '--address',
      '127.0.0.1',
      '--port',
      String(port),
      '--use-drivers',
      (options.drivers ?? ['uiautomator2']).join(','),
      '--log-no-colors',
      '--log-level',
      'info',
    ];
    const output = new OutputTail();
    let spawnError: NodeJS.ErrnoException | null = null;
    const child = spawn(binary, args, {
      env: { ...process.env, APPIUM_HOME: options.appiumHome },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group on POSIX so the whole tree can be killed; .cmd shims need a shell on Windows.
      detached: process.platform !== 'win32',
      shell: process.platform === 'win32' && /\.cmd$/i.test(binary),
      windowsHide: true,
    });
    child.stdout?.on('data', (c: Buffer) => output.push(c));
    child.stderr?.on('data', (c: Buffer) => output.push(c));
    child.once('error', (e) => {
      spawnError = e;
    });
    const server = new AppiumServer(child, port, output, options);
    const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
    const client = server.client();
    for (;;) {
      if (server.exited || spawnError !== null) {
        await server.stop();
        throw unavailable(options, output.value, spawnError);
      }
      const ready = await client.status().then(
        (s) => s.ready,
        () => false,
      );
      if (ready) return server;
      if (Date.now() > deadline) {
        await server.stop();
        throw new AppiumUnavailableError('start-failed', 'The Appium server did not become ready in time.', {
          hint: 'Run `appium server` by hand to see why; PushLab taps with uiautomator meanwhile.',
          detail: output.value.slice(-600),
        });
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Kills the server and everything it started; resolves when it has exited. */
  public async stop(): Promise<void> {
    const pid = this.child.pid;
    if (this.exited || pid === undefined) {
      this.exited = true;
      return;
    }
    const exited = new Promise<void>((resolve) => {
      if (this.exited) resolve();
      else this.child.once('exit', () => resolve());
    });
    const kill = (signal: NodeJS.Signals): void => {
      try {
        if (process.platform === 'win32')
          spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
        else process.kill(-pid, signal); // the process group: appium and its children
      } catch {
        /* already gone */
      }
    };
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
