/**
 * The fake core for Node-side tests (web server, browser): reads staged files from disk, and is
 * checked here to satisfy the real LabCore interface.
 */
import { readFile, stat } from 'node:fs/promises';
import type { LabCore } from '../../../electron/lab/api';
import { FakeLabCore, type FakeCoreOptions } from './fake-core';

async function readIfFile(path: string): Promise<Uint8Array | null> {
  try {
    return (await stat(path)).isFile() ? new Uint8Array(await readFile(path)) : null;
  } catch {
    return null;
  }
}

/** A FakeLabCore over the file system; typed as both the fake (for steering) and a LabCore. */
export function nodeFakeCore(options: Omit<FakeCoreOptions, 'readFile'> = {}): FakeLabCore & LabCore {
  const core = new FakeLabCore({ ...options, readFile: readIfFile });
  // Returning it as LabCore is the compile-time check that the fake is faithful to the interface.
  return core;
}
