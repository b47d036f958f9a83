/**
 * Tap-to-redirect without Appium: open the shade, dump the screen's layout with uiautomator, find
 * the row showing the captured title (or text), tap the middle of that node with `input tap`, and
 * check where the phone landed. Device text is only ever compared, never put into a command: the
 * tap goes to integer coordinates from the parsed bounds.
 */
import type { AdbDeviceIo } from '../../adb/device-io';
import { assertPackageName } from '../../adb/quote';
import { collapseShade } from '../commands/capture/collapse-shade';
import { dumpUi } from '../commands/capture/dump-ui';
import { expandShade } from '../commands/capture/expand-shade';
import { tapScreen } from '../commands/capture/tap-screen';
import { findNotificationNode } from '../parsers/ui-hierarchy';
import { DEFAULT_SHADE_SETTLE_MS, wait } from '../capture/evidence/shade-screenshot';
import { toErrorInfo } from '../../errors';
import { checkLanding, logMark } from './landing';
import type { TapOutcome, TapTarget } from './tap-types';

export interface UiautomatorTapOptions {
  readonly package: string;
  readonly ext?: string | null;
  readonly settleMs?: number;
  readonly landingTimeoutMs?: number;
}

function quoteForDetail(s: string | null): string {
  return s === null ? '(none)' : JSON.stringify(s.slice(0, 80));
}

export async function uiautomatorTap(
  io: AdbDeviceIo,
  target: TapTarget,
  options: UiautomatorTapOptions,
): Promise<TapOutcome> {
  assertPackageName(options.package);
  const base = { method: 'uiautomator' as const, landed: null, foregroundPackage: null, extSeen: null };
  const wantsExt = options.ext !== undefined && options.ext !== null && options.ext !== '';
  const since = wantsExt ? await logMark(io) : null;
  let tapped = false;
  try {
    await expandShade(io);
    await wait(options.settleMs ?? DEFAULT_SHADE_SETTLE_MS);
    const hierarchy = await dumpUi(io);
    const match = findNotificationNode(hierarchy, target);
    if (match === null) {
      return {
        ...base,
        tapped: false,
        detail:
          `No row in the shade shows the title ${quoteForDetail(target.title)} or the text ${quoteForDetail(target.text)} ` +
          `(${hierarchy.nodes.length} nodes read).`,
      };
    }
    await tapScreen(io, match.point.x, match.point.y);
    tapped = true;
    const landing = await checkLanding(io, {
      package: options.package,
      ext: options.ext ?? null,
      sincePhoneMs: since,
      ...(options.landingTimeoutMs === undefined ? {} : { timeoutMs: options.landingTimeoutMs }),
    });
    return {
      method: 'uiautomator',
      tapped: true,
      landed: landing.landed,
      foregroundPackage: landing.foregroundPackage,
      extSeen: landing.extSeen,
      detail: `Tapped the ${match.matched} at ${match.point.x},${match.point.y}; ${landing.detail}.`,
    };
  } catch (error) {
    const info = toErrorInfo(error);
    return {
      ...base,
      tapped,
      detail: `${tapped ? 'Tapped, then' : 'Could not tap:'} ${info.message}${info.hint ? ` ${info.hint}` : ''}`,
    };
  } finally {
    // After a tap that opened the app the shade is already closed; closing again is harmless.
    await collapseShade(io).catch(() => undefined);
  }
}
