import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/browser';

describe('test support twins', () => {
  it('keeps the Node and web copies of sample-devices.ts equal but for the import path', async () => {
    const read = (path: string) => readFile(join(REPO_ROOT, path), 'utf8');
    const node = await read('test/renderer/support/sample-devices.ts');
    const web = await read('test/unit/renderer/support/sample-devices.ts');
    expect(web.replace("'../../../../shared/", "'../../../shared/")).toBe(node);
  });
});
