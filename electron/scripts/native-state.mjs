/**
 * Which runtime better-sqlite3's native build is for, as a pure decision over a marker file
 * (node_modules/.pushlab/better-sqlite3.json) and the binary's size and mtime. A marker only
 * counts while the binary is the very file it described: `npm install` replacing it voids it.
 */

/** The marker's shape. @typedef {{ runtime: 'node' | 'electron', abi: string, binary: { size: number, mtimeMs: number } }} NativeMarker */

/**
 * Parses marker text; anything unexpected counts as "no marker".
 * @param {string | null} text
 * @returns {NativeMarker | null}
 */
export function parseMarker(text) {
  if (!text) return null;
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    (data.runtime !== 'node' && data.runtime !== 'electron') ||
    typeof data.abi !== 'string' ||
    typeof data.binary?.size !== 'number' ||
    typeof data.binary?.mtimeMs !== 'number'
  ) {
    return null;
  }
  return {
    runtime: data.runtime,
    abi: data.abi,
    binary: { size: data.binary.size, mtimeMs: data.binary.mtimeMs },
  };
}

/**
 * What `ensure <runtime>` must do.
 * - 'up-to-date': the marker describes this exact binary, built for this runtime and ABI.
 * - 'probe': unknown for Node; load it in a child Node process and see (cheap, no network).
 * - 'rebuild': missing, or known to be for the other runtime/ABI (Electron cannot be probed
 *   without its binary, so an unknown Electron build is rebuilt).
 * @param {{ runtime: 'node' | 'electron', abi: string,
 *   marker: NativeMarker | null, binary: { size: number, mtimeMs: number } | null }} input
 * @returns {'up-to-date' | 'probe' | 'rebuild'}
 */
export function decideNativeAction({ runtime, abi, marker, binary }) {
  if (!binary) return 'rebuild';
  const sameFile =
    marker !== null && marker.binary.size === binary.size && marker.binary.mtimeMs === binary.mtimeMs;
  if (sameFile && marker.runtime === runtime && marker.abi === abi) return 'up-to-date';
  return runtime === 'node' ? 'probe' : 'rebuild';
}

/**
 * The ABI to build for: Node's own, or Electron's from node_modules/electron/abi_version
 * (falling back to its version, which also changes whenever the ABI may).
 * @param {'node' | 'electron'} runtime
 * @param {{ nodeAbi: string, electronAbiFile: string | null, electronVersion: string | null }} facts
 * @returns {string}
 */
export function targetAbi(runtime, facts) {
  if (runtime === 'node') return facts.nodeAbi;
  const abi = facts.electronAbiFile?.trim();
  if (abi) return abi;
  return facts.electronVersion ? `electron-${facts.electronVersion}` : 'electron-unknown';
}

/**
 * The command that rebuilds for a runtime. Electron's rebuild downloads headers, so it only
 * ever runs from `npm start` or packaging, never from install or test paths.
 * @param {'node' | 'electron'} runtime
 * @returns {{ tool: 'npm' | 'electron-builder', args: string[] }}
 */
export function rebuildCommand(runtime) {
  return runtime === 'node'
    ? { tool: 'npm', args: ['rebuild', 'better-sqlite3'] }
    : { tool: 'electron-builder', args: ['install-app-deps'] };
}
