import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_SCREENSHOT_BYTES,
  MAX_TEXT_BYTES,
  readEvidenceContent,
} from '../../../electron/lab/runs/evidence-file';
import type { EvidenceKind, EvidenceView } from '../../../shared/domain/run';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let dir: string;
let root: string;
const view = (kind: EvidenceKind, path: string | null, data: unknown = null): EvidenceView => ({
  id: 1,
  kind,
  path,
  data,
  at: 0,
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushlab-evidence-'));
  root = join(dir, 'evidence');
  await mkdir(join(root, 'screenshot'), { recursive: true });
  await mkdir(join(root, 'logcat'), { recursive: true });
  await writeFile(join(root, 'screenshot', 'mi.png'), PNG);
  await writeFile(join(root, 'screenshot', 'fake.png'), 'not a png');
  await writeFile(
    join(root, 'logcat', 'mi.txt'),
    '01-05 10:00:00.000  123  123 I PushLab: <img src=x onerror=alert(1)>\n',
  );
  await writeFile(join(root, 'logcat', 'big.txt'), 'x'.repeat(MAX_TEXT_BYTES + 10));
  await writeFile(join(dir, 'secrets.json'), '{"version":1,"secrets":{}}');
  await symlink(join(dir, 'secrets.json'), join(root, 'logcat', 'link.txt'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('reading run evidence', () => {
  it('reads a screenshot as a PNG data URL and a logcat slice as text', async () => {
    const shot = await readEvidenceContent(root, view('screenshot', 'screenshot/mi.png'));
    expect(shot).toEqual({
      kind: 'screenshot',
      mime: 'image/png',
      dataUrl: `data:image/png;base64,${PNG.toString('base64')}`,
      sizeBytes: PNG.length,
    });
    const log = await readEvidenceContent(root, view('logcat', 'logcat/mi.txt'));
    expect(log).toMatchObject({ kind: 'logcat', mime: 'text/plain', truncated: false });
    expect(log.mime === 'text/plain' && log.text).toContain('<img src=x onerror=alert(1)>');
  });

  it('cuts long text and says so', async () => {
    const log = await readEvidenceContent(root, view('logcat', 'logcat/big.txt'));
    expect(log).toMatchObject({ truncated: true, sizeBytes: MAX_TEXT_BYTES + 10 });
    expect(log.mime !== 'image/png' && log.text.length).toBe(MAX_TEXT_BYTES);
  });

  it('gives inline evidence as JSON text', async () => {
    const record = await readEvidenceContent(root, view('record', null, { records: [{ title: 'Denny' }] }));
    expect(record).toMatchObject({ mime: 'application/json', truncated: false });
    expect(record.mime === 'application/json' && JSON.parse(record.text)).toEqual({
      records: [{ title: 'Denny' }],
    });
  });

  it('refuses paths that leave the evidence folder, by .., absolute path or symlink', async () => {
    for (const path of [
      '../secrets.json',
      join(dir, 'secrets.json'),
      'logcat/link.txt',
      'logcat/../../secrets.json',
    ]) {
      await expect(readEvidenceContent(root, view('logcat', path)), path).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    }
  });

  it('says a missing file is gone and a non-PNG screenshot is not shown', async () => {
    await expect(readEvidenceContent(root, view('logcat', 'logcat/none.txt'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(readEvidenceContent(root, view('screenshot', 'screenshot/fake.png'))).rejects.toMatchObject({
      code: 'MALFORMED_OUTPUT',
    });
    await expect(
      readEvidenceContent(join(dir, 'no-such-root'), view('screenshot', 'screenshot/mi.png')),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses screenshots too large to send to the window', async () => {
    await writeFile(
      join(root, 'screenshot', 'huge.png'),
      Buffer.concat([PNG, Buffer.alloc(MAX_SCREENSHOT_BYTES)]),
    );
    await expect(readEvidenceContent(root, view('screenshot', 'screenshot/huge.png'))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
