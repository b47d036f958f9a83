/**
 * `pm list packages [-f] [-d] [-e] [-s] [-3] [-i] [-l] [-u] [-U] [--show-versioncode] [--user N]
 * [--uid N] [FILTER]` per PackageManagerShellCommand.runListPackages: `package:` + optional
 * `<sourceDir>=` + name + optional ` versionCode:N`, `  installer=X`, ` uid:N`. Unknown options
 * print "Error: Unknown option: X" on stdout and exit -1 (so `--show-versioncode` fails on
 * Android 9 and older, where it does not exist yet). Packages come in PackageManager's map order
 * (an ArrayMap sorted by String.hashCode), which looks unsorted, as in the real captures.
 * Also `pm list features|users|libraries` in their real formats.
 */
import { javaHashCode, type AppPackage } from '../../state';
import type { CommandContext } from '../types';
import { EXIT_MINUS_ONE } from '../types';

/** Installed packages in PackageManager's iteration order. */
export function packagesInPmOrder(all: Iterable<AppPackage>): AppPackage[] {
  return [...all].sort((a, b) => javaHashCode(a.name) - javaHashCode(b.name));
}

async function listPackages(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const phone = ctx.env.phone;
  const o = {
    f: false,
    d: false,
    e: false,
    s: false,
    third: false,
    i: false,
    u: false,
    U: false,
    versions: false,
    uid: -1,
  };
  let i = 0;
  for (; i < args.length; i++) {
    const opt = args[i] ?? '';
    if (!opt.startsWith('-') || opt === '-') break;
    if (opt === '--') {
      i++;
      break;
    }
    switch (opt) {
      case '-f':
        o.f = true;
        break;
      case '-d':
        o.d = true;
        break;
      case '-e':
        o.e = true;
        break;
      case '-s':
        o.s = true;
        break;
      case '-3':
        o.third = true;
        break;
      case '-i':
        o.i = true;
        break;
      case '-u':
        o.u = true;
        break;
      case '-U':
        o.U = true;
        break;
      case '-a':
        o.u = true;
        break;
      case '-l':
        break; // old compat
      case '--user':
        i++;
        break;
      case '--uid':
        o.U = true;
        o.uid = Number.parseInt(args[++i] ?? '', 10);
        break;
      case '--show-versioncode':
        if (phone.sdk >= 29) {
          o.versions = true;
          break;
        }
        await ctx.out(`Error: Unknown option: ${opt}\n`);
        return EXIT_MINUS_ONE;
      default:
        await ctx.out(`Error: Unknown option: ${opt}\n`);
        return EXIT_MINUS_ONE;
    }
  }
  const filter = args[i];
  let text = '';
  for (const app of packagesInPmOrder(phone.packages.values())) {
    if (!app.installed && !o.u) continue;
    if (filter !== undefined && !app.name.includes(filter)) continue;
    if (o.uid !== -1 && app.uid !== o.uid) continue;
    if ((o.d && app.enabled) || (o.e && !app.enabled) || (o.s && !app.system) || (o.third && app.system))
      continue;
    text += `package:${o.f ? `${app.apkPath}=` : ''}${app.name}`;
    if (o.versions) text += ` versionCode:${app.versionCode}`;
    if (o.i) text += `  installer=${app.installer ?? 'null'}`;
    if (o.U) text += ` uid:${app.uid}`;
    text += '\n';
  }
  await ctx.out(text);
  return 0;
}

const FEATURES = [
  'android.hardware.bluetooth',
  'android.hardware.camera',
  'android.hardware.faketouch',
  'android.hardware.location',
  'android.hardware.screen.portrait',
  'android.hardware.telephony',
  'android.hardware.touchscreen',
  'android.hardware.usb.accessory',
  'android.hardware.wifi',
  'android.software.app_widgets',
  'android.software.home_screen',
  'android.software.webview',
];

/** `pm list <what>`. */
export async function pmList(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const [what, ...rest] = args;
  switch (what) {
    case 'package':
    case 'packages':
      return listPackages(ctx, rest);
    case 'features':
      await ctx.out(`${FEATURES.map((f) => `feature:${f}`).join('\n')}\nfeature:reqGlEsVersion=0x30002\n`);
      return 0;
    case 'users':
      await ctx.out('Users:\n\tUserInfo{0:Owner:c13} running\n');
      return 0;
    case 'libraries':
      await ctx.out(
        'library:android.test.base\nlibrary:android.test.mock\nlibrary:android.test.runner\nlibrary:org.apache.http.legacy\n',
      );
      return 0;
    case undefined:
      await ctx.out("Error: didn't specify type of data to list\n");
      return EXIT_MINUS_ONE;
    default:
      await ctx.out(`Error: unknown list type '${what}'\n`);
      return EXIT_MINUS_ONE;
  }
}
