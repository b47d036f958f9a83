/**
 * Tap-to-redirect through Appium: a UiAutomator2 session on the phone (udid = serial, noReset so
 * the app's data stays), `mobile: openNotifications`, find the element whose text is the title (or
 * else the text) by XPath with a safely built literal, click it, end the session. Where Appium
 * landed is checked by the caller with adb (landing.ts), the same way for both tap methods.
 */
import { LabError } from '../../../errors';
import type { TapTarget } from '../tap-types';
import { AppiumServer, type AppiumOptions } from './appium-server';
import type { WebDriverClient } from './webdriver-client';
import { xpathByText } from './xpath-literal';

export interface AppiumTapOptions extends AppiumOptions {
  /** A server already running (kept running); without one a server is started and stopped here. */
  readonly server?: AppiumServer;
  /** Pull the shade down first (UiAutomator2's `mobile: openNotifications`); default true. */
  readonly openNotifications?: boolean;
  /** How long to look for the row while the shade settles (default 5 s). */
  readonly findTimeoutMs?: number;
}

export interface AppiumTapResult {
  readonly tapped: boolean;
  readonly matched: 'title' | 'text' | null;
  readonly detail: string;
}

/** Session capabilities for a real phone, with the caller's merged over them. */
export function appiumCapabilities(
  serial: string,
  options: Pick<AppiumOptions, 'adbPort' | 'capabilities'>,
): Record<string, unknown> {
  return {
    platformName: 'Android',
    'appium:automationName': 'UiAutomator2',
    'appium:udid': serial,
    'appium:noReset': true,
    'appium:newCommandTimeout': 120,
    ...(options.adbPort === undefined ? {} : { 'appium:adbPort': options.adbPort }),
    ...(options.capabilities ?? {}),
  };
}

async function findRow(
  client: WebDriverClient,
  session: string,
  target: TapTarget,
  timeoutMs: number,
): Promise<{ id: string; matched: 'title' | 'text' } | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const [field, value] of [
      ['title', target.title],
      ['text', target.text],
    ] as const) {
      if (value === null || value.trim() === '') continue;
      const id = await client.findElement(session, 'xpath', xpathByText(value));
      if (id !== null) return { id, matched: field };
    }
    if (Date.now() >= deadline) return null;
    await new Promise((r) => setTimeout(r, 300));
  }
}

export async function appiumTap(
  serial: string,
  target: TapTarget,
  options: AppiumTapOptions,
): Promise<AppiumTapResult> {
  if ((target.title ?? '').trim() === '' && (target.text ?? '').trim() === '') {
    throw new LabError(
      'INVALID_ARGUMENT',
      'A notification without title or text cannot be found on screen.',
      {
        zh: { message: '没有标题也没有正文的通知无法在屏幕上找到。' },
      },
    );
  }
  const server = options.server ?? (await AppiumServer.start(options));
  const client = server.client();
  const notes: string[] = [];
  try {
    const session = await client.newSession(appiumCapabilities(serial, options));
    try {
      if (options.openNotifications ?? true) {
        // Without it the search below tells whether the row is visible anyway.
        await client
          .execute(session, 'mobile: openNotifications')
          .catch((e: unknown) => notes.push(`could not open the shade (${(e as Error).message})`));
      }
      const row = await findRow(client, session, target, options.findTimeoutMs ?? 5_000);
      if (row === null)
        return {
          tapped: false,
          matched: null,
          detail: ['No element shows the title or text.', ...notes].join(' '),
        };
      await client.click(session, row.id);
      return {
        tapped: true,
        matched: row.matched,
        detail: [`Clicked the element showing the ${row.matched}.`, ...notes].join(' '),
      };
    } finally {
      await client.deleteSession(session).catch(() => undefined);
    }
  } finally {
    if (options.server === undefined) await server.stop();
  }
}
