/** The bin wrapper runs out/cli only while it matches the sources it was built from. */
import { mkdir, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtIsCurrent } from '../../../electron/cli/build-stamp.mjs';

let root: string;

beforeEach(async () => {
  root = (await mkdtemp(join(tmpdir(), 'pushlab-stamp-'))) + '/';
  await mkdir(join(root, 'out/cli'), { recursive: true });
  await mkdir(join(root, 'electron/cli'), { recursive: true });
  await writeFile(join(root, 'electron/cli/main.ts'), 'export const a = 1;\n');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function stamp(): Promise<void> {
  const info = await stat(join(root, 'electron/cli/main.ts'));
  const files = [{ file: 'electron/cli/main.ts', size: info.size, mtimeMs: Math.trunc(info.mtimeMs) }];
  await writeFile(join(root, 'out/cli/sources.json'), JSON.stringify({ files }));
}

describe('builtIsCurrent', () => {
  it('is false with no build, true right after one', async () => {
    expect(builtIsCurrent(root)).toBe(false);
    await stamp();
    expect(builtIsCurrent(root)).toBe(true);
  });

  it('is false once a source is edited (size or mtime) or removed', async () => {
    await stamp();
    await utimes(join(root, 'electron/cli/main.ts'), new Date(), new Date(Date.now() + 5000));
    expect(builtIsCurrent(root)).toBe(false);
    await stamp();
    await rm(join(root, 'electron/cli/main.ts'));
    expect(builtIsCurrent(root)).toBe(false);
  });

  it('is false for a damaged stamp', async () => {
    await writeFile(join(root, 'out/cli/sources.json'), '{"files": []}');
    expect(builtIsCurrent(root)).toBe(false);
    await writeFile(join(root, 'out/cli/sources.json'), 'not json');
    expect(builtIsCurrent(root)).toBe(false);
  });
});
