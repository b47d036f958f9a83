/**
 * The few W3C WebDriver commands a notification tap needs, over node:http to a local Appium
 * server: new session, find element, click, execute script, read an attribute, delete session.
 * Every request has a deadline. Errors keep the W3C error code ("no such element", …) so callers
 * can tell "not there" from "broken". Only loopback servers are accepted.
 */
import { request } from 'node:http';
import { LabError } from '../../../errors';

/** The W3C key holding an element reference in a response. */
export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

export class WebDriverError extends LabError {
  public constructor(
    public readonly w3cError: string,
    message: string,
    public readonly httpStatus: number,
  ) {
    super('COMMAND_FAILED', `Appium: ${w3cError}: ${message.slice(0, 300)}`, {
      hint: 'See the Appium server output; the phone may be locked or busy with another automation session.',
    });
    this.name = 'WebDriverError';
  }
}

export interface WebDriverClientOptions {
  /** Per-request deadline (default 30 s; new sessions take `sessionTimeoutMs`). */
  readonly timeoutMs?: number;
  /** A UiAutomator2 session installs its server APK first: allow minutes (default 180 s). */
  readonly sessionTimeoutMs?: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class WebDriverClient {
  private readonly base: URL;

  public constructor(
    baseUrl: string,
    private readonly options: WebDriverClientOptions = {},
  ) {
    this.base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    if (this.base.protocol !== 'http:' || !LOOPBACK.has(this.base.hostname)) {
      throw new LabError(
        'INVALID_ARGUMENT',
        'The Appium server must run on this computer (http://127.0.0.1:<port>).',
        {
          zh: { message: 'Appium 服务必须运行在这台电脑上（http://127.0.0.1:<port>）。' },
        },
      );
    }
  }

  private call(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
    timeoutMs?: number,
  ): Promise<unknown> {
    const url = new URL(path.replace(/^\//, ''), this.base);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
    const deadline = timeoutMs ?? this.options.timeoutMs ?? 30_000;
    return new Promise((resolve, reject) => {
      const req = request(url, {
        method,
        headers: {
          accept: 'application/json',
          ...(payload
            ? { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length }
            : {}),
        },
      });
      const timer = setTimeout(() => {
        req.destroy();
        reject(
          new LabError(
            'TIMEOUT',
            `Appium did not answer ${method} ${url.pathname} within ${Math.round(deadline / 1000)} s.`,
            {
              hint: 'The phone may be busy or disconnected; see the Appium server output.',
              zh: {
                message: `Appium 没有在 ${Math.round(deadline / 1000)} 秒内应答 ${method} ${url.pathname}。`,
                hint: '手机可能正忙或已断开；请查看 Appium 服务的输出。',
              },
            },
          ),
        );
      }, deadline);
      req.on('error', (error) => {
        clearTimeout(timer);
        reject(
          new LabError('COMMAND_FAILED', `Could not reach the Appium server: ${error.message}`, {
            hint: 'Is the Appium server still running?',
            zh: { message: `无法连接 Appium 服务：${error.message}`, hint: 'Appium 服务是否仍在运行？' },
          }),
        );
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        res.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: { value?: unknown } | null = null;
          try {
            parsed = text === '' ? { value: null } : (JSON.parse(text) as { value?: unknown });
          } catch {
            parsed = null;
          }
          const value = parsed?.value;
          const status = res.statusCode ?? 0;
          if (
            status >= 400 ||
            parsed === null ||
            (typeof value === 'object' && value !== null && 'error' in value)
          ) {
            const v = (value ?? {}) as { error?: unknown; message?: unknown };
            reject(
              new WebDriverError(
                String(v.error ?? `http ${status}`),
                String(v.message ?? text.slice(0, 200)),
                status,
              ),
            );
            return;
          }
          resolve(value);
        });
      });
      if (payload) req.write(payload);
      req.end();
    });
  }

  public async status(): Promise<{ ready: boolean }> {
    const value = (await this.call(
      'GET',
      'status',
      undefined,
      Math.min(5_000, this.options.timeoutMs ?? 5_000),
    )) as { ready?: unknown } | null;
    return { ready: value?.ready === true };
  }

  /** Creates a session from W3C capabilities (alwaysMatch); returns its id. */
  public async newSession(capabilities: Readonly<Record<string, unknown>>): Promise<string> {
    const value = (await this.call(
      'POST',
      'session',
      { capabilities: { alwaysMatch: capabilities, firstMatch: [{}] } },
      this.options.sessionTimeoutMs ?? 180_000,
    )) as { sessionId?: unknown } | null;
    if (typeof value?.sessionId !== 'string' || value.sessionId === '')
      throw new WebDriverError('session not created', 'no session id in the answer', 200);
    return value.sessionId;
  }

  /** The element's id, or null when nothing matches ("no such element"). */
  public async findElement(
    sessionId: string,
    using: 'xpath' | 'id' | 'accessibility id',
    selector: string,
  ): Promise<string | null> {
    try {
      const value = (await this.call('POST', `session/${encodeURIComponent(sessionId)}/element`, {
        using,
        value: selector,
      })) as Record<string, unknown> | null;
      const id = value?.[ELEMENT_KEY] ?? value?.ELEMENT;
      if (typeof id !== 'string')
        throw new WebDriverError('unknown error', 'no element id in the answer', 200);
      return id;
    } catch (error) {
      if (error instanceof WebDriverError && error.w3cError === 'no such element') return null;
      throw error;
    }
  }

  public async click(sessionId: string, elementId: string): Promise<void> {
    await this.call(
      'POST',
      `session/${encodeURIComponent(sessionId)}/element/${encodeURIComponent(elementId)}/click`,
      {},
    );
  }

  public async attribute(sessionId: string, elementId: string, name: string): Promise<string | null> {
    const value = await this.call(
      'GET',
      `session/${encodeURIComponent(sessionId)}/element/${encodeURIComponent(elementId)}/attribute/${encodeURIComponent(name)}`,
    );
    return value === null || value === undefined ? null : String(value);
  }

  /** Runs a script (Appium extensions such as "mobile: openNotifications"). */
  public async execute(sessionId: string, script: string, args: readonly unknown[] = []): Promise<unknown> {
    return this.call('POST', `session/${encodeURIComponent(sessionId)}/execute/sync`, { script, args });
  }

  public async deleteSession(sessionId: string): Promise<void> {
    await this.call('DELETE', `session/${encodeURIComponent(sessionId)}`);
  }
}
