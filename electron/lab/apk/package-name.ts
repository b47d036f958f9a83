/**
 * Android's package-name rules (PackageParser validateName with a required separator): at
 * least two dot-separated segments, each [A-Za-z][A-Za-z0-9_]*. Names reach shell commands
 * later (pm, am, monkey), so anything else is refused here, at the door.
 */
const SEGMENT = /^[A-Za-z][A-Za-z0-9_]*$/;
export const MAX_PACKAGE_NAME_LENGTH = 255;

/** true when `name` is a package name Android itself would accept. */
export function isValidPackageName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_PACKAGE_NAME_LENGTH) return false;
  const segments = name.split('.');
  return segments.length >= 2 && segments.every((s) => SEGMENT.test(s));
}
