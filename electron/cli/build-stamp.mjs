// Whether out/cli (the prebuilt `pushlab`) was built from exactly the sources present now.
// Shared by the bin wrapper (pushlab.mjs) and the build script (build.mjs); plain JS on purpose.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** True when out/cli/sources.json lists files whose size and mtime all match the checkout. */
export function builtIsCurrent(root = ROOT) {
  try {
    const { files } = JSON.parse(readFileSync(`${root}out/cli/sources.json`, 'utf8'));
    return (
      Array.isArray(files) &&
      files.length > 0 &&
      files.every((f) => {
        const stat = statSync(root + f.file, { throwIfNoEntry: false });
        return stat !== undefined && stat.size === f.size && Math.trunc(stat.mtimeMs) === f.mtimeMs;
      })
    );
  } catch {
    return false;
  }
}
