/**
 * The notification shade of the virtual phone: `cmd statusbar expand-notifications |
 * expand-settings | collapse` (StatusBarShellCommand) opens and closes it; HOME, BACK and the power
 * keys close it; it lists every posted record, newest first, as rows on a 1080x2400 screen (`wm
 * size`). `input tap X Y` on a row does what a finger does: the keyguard goes (unless a PIN holds
 * it), the app's activity starts (a cold start logs "Start proc"), the record is cancelled (every
 * record here is FLAG_AUTO_CANCEL, as the dumps show), the shade closes and the app logs the `ext`
 * it was opened with. `screencap` draws the rows while the shade is open (screencapWithShade).
 */
import { crc32, deflateSync } from 'node:zlib';
import { launchActivity, shortComponent } from '../../actions';
import {
  appendLog,
  CANCEL_REASON,
  logActivityStart,
  logAppOpened,
  logAppStart,
  logNotificationCancelled,
  systemServerPid,
} from '../../logbuffer';
import type { PostedRecord } from '../../notifications';
import { SCREEN_HEIGHT, SCREEN_WIDTH, surfaceColours } from '../../png';
import type { AppPackage, PhoneState } from '../../state';
import type { CommandContext, CommandHandler } from '../types';
import { screencap } from './screencap';

export const SCREEN_W = 1080;
export const SCREEN_H = 2400;
const ROW_TOP = 420;
const ROW_HEIGHT = 240;
const ROW_GAP = 24;

const SHADES = new WeakMap<PhoneState, { open: boolean }>();

export function shadeOpen(phone: PhoneState): boolean {
  return SHADES.get(phone)?.open ?? false;
}

export function setShade(phone: PhoneState, open: boolean): void {
  SHADES.set(phone, { open: open && phone.screen === 'awake' });
}

/** HOME, BACK, POWER and SLEEP close the shade, as on a phone. */
export function collapseShadeOnKey(phone: PhoneState, keyCode: number): void {
  if ([3, 4, 26, 223].includes(keyCode)) setShade(phone, false);
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface ShadeRow {
  readonly app: AppPackage;
  readonly record: PostedRecord;
  readonly row: Box;
  readonly appName: Box;
  readonly title: Box;
  readonly text: Box;
}

/** The rows the open shade shows (as many as fit), newest post first. */
export function shadeRows(phone: PhoneState): ShadeRow[] {
  const posted = [...phone.packages.values()]
    .filter((app) => app.installed)
    .flatMap((app) => app.settings.records.map((record) => ({ app, record })))
    .sort((a, b) => b.record.postedAt - a.record.postedAt || b.record.id - a.record.id);
  const rows: ShadeRow[] = [];
  for (const [i, { app, record }] of posted.entries()) {
    const top = ROW_TOP + i * (ROW_HEIGHT + ROW_GAP);
    if (top + ROW_HEIGHT > SCREEN_H) break;
    rows.push({
      app,
      record,
      row: { left: 24, top, right: 1056, bottom: top + ROW_HEIGHT },
      appName: { left: 72, top: top + 24, right: 600, bottom: top + 72 },
      title: { left: 72, top: top + 84, right: 1008, bottom: top + 144 },
      text: { left: 72, top: top + 150, right: 1008, bottom: top + 210 },
    });
  }
  return rows;
}

function inside(b: Box, x: number, y: number): boolean {
  return x >= b.left && x < b.right && y >= b.top && y < b.bottom;
}

/** A finger on a row: opens the app through the notification's content intent. */
function openFromShade(phone: PhoneState, row: ShadeRow): void {
  const { app, record } = row;
  if (phone.keyguard.showing) {
    if (phone.keyguard.lockScreen === 'pin') return; // the bouncer asks for the PIN first
    phone.keyguard.showing = false;
  }
  const records = app.settings.records;
  const at = records.indexOf(record);
  if (at >= 0) {
    records.splice(at, 1);
    logNotificationCancelled(phone, app, record, CANCEL_REASON.click);
  }
  setShade(phone, false);
  const activity = app.launcherActivity;
  if (!activity) return;
  const cold = !phone.processes.has(app.name);
  logActivityStart(phone, app, shortComponent(app.name, activity).slice(app.name.length + 1));
  launchActivity(phone, app, activity);
  const pid = phone.processes.get(app.name);
  if (cold && pid !== undefined)
    logAppStart(phone, app, pid, shortComponent(app.name, activity).slice(app.name.length + 1));
  if (!app.system) logAppOpened(phone, app, record.ext);
}

/** `input [source] tap X Y` (InputShellCommand takes floats). */
export async function inputTap(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const [xs, ys] = args.filter((a) => !a.startsWith('-'));
  const x = Number(xs);
  const y = Number(ys);
  if (xs === undefined || ys === undefined || !Number.isFinite(x) || !Number.isFinite(y)) {
    await ctx.err('Error: Invalid arguments for command: tap\n');
    return 1;
  }
  const phone = ctx.env.phone;
  if (phone.screen === 'awake' && shadeOpen(phone)) {
    const hit = shadeRows(phone).find((r) => inside(r.row, x, y));
    if (hit) openFromShade(phone, hit);
  }
  await ctx.env.delay(5, ctx.signal);
  return 0;
}

/** `cmd statusbar <command>` (StatusBarShellCommand). */
export async function statusbarCommand(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const phone = ctx.env.phone;
  switch (args[0]) {
    case 'expand-notifications':
    case 'expand-settings':
      setShade(phone, true);
      appendLog(phone, {
        pid: systemServerPid(phone),
        priority: 'D',
        tag: 'StatusBarManagerService',
        message: `${args[0]} from uid 2000`,
        buffer: 'system',
      });
      return 0;
    case 'collapse':
      setShade(phone, false);
      return 0;
    case undefined:
    case 'help':
      await ctx.out('Status bar commands:\n  help\n  expand-notifications\n  expand-settings\n  collapse\n');
      return 0;
    default:
      await ctx.out(`Unknown command: ${args[0]}\n`);
      return 255;
  }
}

// ---- the shade as a picture (same 216x480 RGB PNG as png.ts, one pixel per 5 screen pixels) ----

type Rgb = readonly [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** The open shade: a dark panel with one light card per row and bars for the app name, title and text. */
export function shadePng(phone: PhoneState): Buffer {
  const scale = SCREEN_W / SCREEN_WIDTH;
  const boxes: Array<{ box: Box; colour: Rgb }> = [];
  for (const r of shadeRows(phone)) {
    const { tile } = surfaceColours(r.app.name);
    boxes.push(
      { box: r.row, colour: [235, 235, 240] },
      { box: r.appName, colour: tile },
      { box: r.title, colour: [30, 30, 30] },
      { box: r.text, colour: [120, 120, 120] },
    );
  }
  const rowLen = SCREEN_WIDTH * 3 + 1;
  const pixels = Buffer.alloc(rowLen * SCREEN_HEIGHT);
  for (let py = 0; py < SCREEN_HEIGHT; py++) {
    for (let px = 0; px < SCREEN_WIDTH; px++) {
      const x = px * scale;
      const y = py * scale;
      let colour: Rgb = y < ROW_TOP - 40 ? [52, 56, 72] : [24, 26, 34];
      for (const b of boxes) if (inside(b.box, x, y)) colour = b.colour;
      pixels.set(colour, py * rowLen + 1 + px * 3);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SCREEN_WIDTH, 0);
  ihdr.writeUInt32BE(SCREEN_HEIGHT, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** `screencap`, drawing the shade while it is open (PNG forms); everything else as screencap.ts does. */
export const screencapWithShade: CommandHandler = async (ctx) => {
  const phone = ctx.env.phone;
  const args = ctx.args;
  const wantsPng = args.includes('-p');
  const file = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-d')[0];
  if (
    !shadeOpen(phone) ||
    phone.screen !== 'awake' ||
    (!wantsPng && !(file?.endsWith('.png') ?? false)) ||
    args.includes('-h')
  )
    return screencap(ctx);
  const png = shadePng(phone);
  if (file === undefined) {
    await ctx.env.delay(15, ctx.signal);
    await ctx.out(png);
    return 0;
  }
  if (ctx.env.fs.write(file, png, 0o644, ctx.env.fs.nowSeconds())) {
    await ctx.err(`Error opening file: ${file} (Permission denied)\n`);
    return 1;
  }
  return 0;
};
