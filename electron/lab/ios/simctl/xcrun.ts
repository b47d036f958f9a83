/**
 * Where `xcrun` is, looked up on the PATH PushLab was given (never through a shell), and why iOS
 * is unavailable when it is not there: not a Mac at all, or a Mac without Xcode.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import type { IosUnavailableReason } from '../../../../shared/domain/device';

/** The first executable `xcrun` on PATH, or null. */
export function findXcrun(env: NodeJS.ProcessEnv = process.env): string | null {
  const path = env.PATH ?? env.Path ?? '';
  for (const dir of path.split(delimiter)) {
    // Relative PATH entries depend on the working directory: skip them.
    if (dir === '' || !isAbsolute(dir)) continue;
    const candidate = join(dir, 'xcrun');
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Why there is no xcrun: on anything but macOS that is simply the platform. */
export function missingXcrunReason(platform: NodeJS.Platform = process.platform): IosUnavailableReason {
  return platform === 'darwin' ? 'no-xcrun' : 'not-macos';
}

/** xcrun answers but has no simctl (Command Line Tools only, or xcode-select points at them). */
export function isMissingSimctl(stderr: string): boolean {
  return /unable to find utility "simctl"|not a developer tool or in PATH|requires Xcode|active developer directory .* is a command line tools instance/i.test(
    stderr,
  );
}
