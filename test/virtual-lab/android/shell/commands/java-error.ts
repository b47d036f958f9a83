/**
 * How a framework shell command (pm, am, cmd ...) reports an uncaught exception: ShellCommand.exec
 * prints "Exception occurred while executing:" (Android 10 and older) or
 * "Exception occurred while executing '<cmd>':" (11+), then the stack trace, on stderr, and the
 * command exits with -1 (255). Header and exception lines as in public bug reports quoting these
 * traces; the stack frames below them are representative, not copied from one build.
 */
import type { CommandContext } from '../types';
import { EXIT_MINUS_ONE } from '../types';

const FRAMES: Record<string, readonly string[]> = {
  pm: [
    'com.android.server.pm.PackageManagerShellCommand.onCommand(PackageManagerShellCommand.java:201)',
    'com.android.modules.utils.BasicShellCommandHandler.exec(BasicShellCommandHandler.java:97)',
    'android.os.ShellCommand.exec(ShellCommand.java:38)',
    'com.android.server.pm.PackageManagerService$IPackageManagerImpl.onShellCommand(PackageManagerService.java:6593)',
    'android.os.Binder.shellCommand(Binder.java:1092)',
    'android.os.Binder.onTransact(Binder.java:912)',
  ],
  am: [
    'com.android.server.am.ActivityManagerShellCommand.onCommand(ActivityManagerShellCommand.java:220)',
    'com.android.modules.utils.BasicShellCommandHandler.exec(BasicShellCommandHandler.java:97)',
    'android.os.ShellCommand.exec(ShellCommand.java:38)',
    'com.android.server.am.ActivityManagerService.onShellCommand(ActivityManagerService.java:9837)',
    'android.os.Binder.shellCommand(Binder.java:1092)',
  ],
  appops: [
    'com.android.server.appop.AppOpsService$Shell.onCommand(AppOpsService.java:6218)',
    'com.android.modules.utils.BasicShellCommandHandler.exec(BasicShellCommandHandler.java:97)',
    'android.os.ShellCommand.exec(ShellCommand.java:38)',
    'com.android.server.appop.AppOpsService.onShellCommand(AppOpsService.java:5893)',
    'android.os.Binder.shellCommand(Binder.java:1092)',
  ],
};

/** Prints a Java exception the way ShellCommand does and returns the exit status. */
export async function javaException(
  ctx: CommandContext,
  service: 'pm' | 'am' | 'appops',
  command: string,
  exception: string,
  message: string,
  frame: string,
): Promise<number> {
  const header =
    ctx.env.phone.sdk >= 30
      ? `Exception occurred while executing '${command}':`
      : 'Exception occurred while executing:';
  const frames = [frame, ...(FRAMES[service] ?? [])].map((f) => `\tat ${f}`).join('\n');
  await ctx.err(`\n${header}\n${exception}: ${message}\n${frames}\n`);
  return EXIT_MINUS_ONE;
}
