/**
 * `uiautomator dump [--compressed] [FILE]` (frameworks/testing uiautomator DumpCommand): writes the
 * active window's hierarchy as AccessibilityNodeInfoDumper does — `<?xml ... standalone='yes' ?>
 * <hierarchy rotation="0">` and nested `<node index text resource-id class package content-desc
 * checkable checked clickable enabled focusable focused scrollable long-clickable password
 * selected bounds>` — to FILE (default /sdcard/window_dump.xml; /dev/tty prints it) and says
 * "UI hierchary dumped to: FILE" (sic). With the shade open the window is System UI's: one
 * expandableNotificationRow per record with android:id/app_name_text, title and text children;
 * otherwise the foreground app's (or launcher's) bare window. A sleeping screen has no root node.
 */
import { shadeOpen, shadeRows, SCREEN_H, SCREEN_W, type Box } from './statusbar';
import type { CommandHandler } from '../types';

const DEFAULT_FILE = '/sdcard/window_dump.xml';

function xmlAttr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function bounds(b: Box): string {
  return `[${b.left},${b.top}][${b.right},${b.bottom}]`;
}

interface NodeSpec {
  readonly text?: string;
  readonly id?: string;
  readonly cls: string;
  readonly pkg: string;
  readonly desc?: string;
  readonly clickable?: boolean;
  readonly scrollable?: boolean;
  readonly box: Box;
  readonly children?: readonly NodeSpec[];
}

function node(spec: NodeSpec, index: number): string {
  const attrs = [
    `index="${index}"`,
    `text="${xmlAttr(spec.text ?? '')}"`,
    `resource-id="${xmlAttr(spec.id ?? '')}"`,
    `class="${spec.cls}"`,
    `package="${xmlAttr(spec.pkg)}"`,
    `content-desc="${xmlAttr(spec.desc ?? '')}"`,
    'checkable="false" checked="false"',
    `clickable="${spec.clickable ?? false}"`,
    'enabled="true"',
    `focusable="${spec.clickable ?? false}"`,
    'focused="false"',
    `scrollable="${spec.scrollable ?? false}"`,
    `long-clickable="${spec.clickable ?? false}"`,
    'password="false" selected="false"',
    `bounds="${bounds(spec.box)}"`,
  ].join(' ');
  const kids = spec.children ?? [];
  return kids.length === 0
    ? `<node ${attrs} />`
    : `<node ${attrs}>${kids.map((k, i) => node(k, i)).join('')}</node>`;
}

const FULL: Box = { left: 0, top: 0, right: SCREEN_W, bottom: SCREEN_H };
const SYSUI = 'com.android.systemui';

export function hierarchyXml(phone: Parameters<typeof shadeRows>[0]): string {
  let root: NodeSpec;
  if (shadeOpen(phone)) {
    const rows: NodeSpec[] = shadeRows(phone).map((r) => ({
      id: `${SYSUI}:id/expandableNotificationRow`,
      cls: 'android.widget.FrameLayout',
      pkg: SYSUI,
      desc: `${r.app.name} notification: ${r.record.title}`,
      clickable: true,
      box: r.row,
      children: [
        {
          text: r.app.name,
          id: 'android:id/app_name_text',
          cls: 'android.widget.TextView',
          pkg: SYSUI,
          box: r.appName,
        },
        {
          text: r.record.title,
          id: 'android:id/title',
          cls: 'android.widget.TextView',
          pkg: SYSUI,
          box: r.title,
        },
        {
          text: r.record.text,
          id: 'android:id/text',
          cls: 'android.widget.TextView',
          pkg: SYSUI,
          box: r.text,
        },
      ],
    }));
    root = {
      cls: 'android.widget.FrameLayout',
      pkg: SYSUI,
      box: FULL,
      children: [
        {
          id: `${SYSUI}:id/notification_panel`,
          cls: 'android.widget.FrameLayout',
          pkg: SYSUI,
          box: FULL,
          children: [
            {
              id: `${SYSUI}:id/notification_stack_scroller`,
              cls: 'android.view.ViewGroup',
              pkg: SYSUI,
              scrollable: true,
              box: { left: 0, top: 396, right: SCREEN_W, bottom: SCREEN_H },
              children: rows,
            },
          ],
        },
      ],
    };
  } else {
    const pkg = phone.keyguard.showing ? SYSUI : phone.foreground.package;
    root = {
      cls: 'android.widget.FrameLayout',
      pkg,
      box: FULL,
      children: [
        {
          id: 'android:id/content',
          cls: 'android.widget.FrameLayout',
          pkg,
          box: { left: 0, top: 80, right: SCREEN_W, bottom: SCREEN_H },
        },
      ],
    };
  }
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy rotation="0">${node(root, 0)}</hierarchy>`;
}

export const uiautomator: CommandHandler = async (ctx) => {
  const [sub, ...rest] = ctx.args;
  if (sub !== 'dump') {
    await ctx.out(
      'Usage: uiautomator <subcommand> [options]\n\nAvailable subcommands:\n\nhelp: displays ' +
        'help message\n\nruntest: executes UI automation tests\n\ndump: creates an XML ' +
        'dump of current UI hierarchy\n\nevents: prints out accessibility events until terminated\n',
    );
    return sub === undefined || sub === 'help' ? 0 : 1;
  }
  const file = rest.filter((a) => !a.startsWith('--'))[0] ?? DEFAULT_FILE;
  const phone = ctx.env.phone;
  await ctx.env.delay(40, ctx.signal);
  if (phone.screen === 'asleep') {
    await ctx.err('ERROR: null root node returned by UiTestAutomationBridge.\n');
    return 0;
  }
  const xml = hierarchyXml(phone);
  if (file === '/dev/tty') {
    await ctx.out(xml);
  } else if (ctx.env.fs.write(file, Buffer.from(xml, 'utf8'), 0o660, ctx.env.fs.nowSeconds())) {
    await ctx.err(`ERROR: could not write ${file}\n`);
    return 0;
  }
  await ctx.out(`UI hierchary dumped to: ${file}\n`);
  return 0;
};
