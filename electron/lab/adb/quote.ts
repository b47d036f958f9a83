/**
 * Shell quoting and validation for everything that reaches `adb shell`. Device-side commands run
 * through /system/bin/sh, so every argument that is not a fixed literal is validated first and
 * then single-quoted.
 */
import { isValidPackageName } from '../apk/package-name';
import { LabError } from '../errors';

export { isValidPackageName };

/** POSIX single-quote: the only character needing care inside '...' is the quote itself. */
export function quoteShellArg(value: string): string {
  if (value.includes('\0')) {
    throw new LabError('INVALID_ARGUMENT', 'A shell argument contains a NUL byte.', {
      zh: { message: 'shell 参数中含有 NUL 字节。' },
    });
  }
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Joins a command and its arguments, quoting each argument. */
export function shellCommand(command: string, ...args: ReadonlyArray<string | number>): string {
  return [command, ...args.map((a) => quoteShellArg(String(a)))].join(' ');
}

export function assertPackageName(name: string): string {
  if (!isValidPackageName(name)) {
    throw new LabError('INVALID_ARGUMENT', `"${name.slice(0, 80)}" is not a valid Android package name.`, {
      hint: 'Use the applicationId from your build, e.g. com.example.app (letters, digits, _ and dots).',
      zh: {
        message: `"${name.slice(0, 80)}" 不是有效的 Android 包名。`,
        hint: '请使用构建中的 applicationId，例如 com.example.app（字母、数字、_ 和点）。',
      },
    });
  }
  return name;
}

/** Activity names: a package-relative (".Main") or full class name. */
export function assertActivityName(name: string): string {
  if (!/^\.?[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$/.test(name) || name.length > 255) {
    throw new LabError('INVALID_ARGUMENT', `"${name.slice(0, 80)}" is not a valid activity class name.`, {
      zh: { message: `"${name.slice(0, 80)}" 不是有效的 activity 类名。` },
    });
  }
  return name;
}

/** Remote paths we create ourselves: /data/local/tmp/<safe name>. */
export function assertRemoteTmpPath(path: string): string {
  if (!/^\/data\/local\/tmp\/[A-Za-z0-9._-]{1,120}$/.test(path)) {
    throw new LabError('INVALID_ARGUMENT', `Refusing to use the remote path "${path.slice(0, 120)}".`, {
      zh: { message: `拒绝使用手机上的路径 "${path.slice(0, 120)}"。` },
    });
  }
  return path;
}
