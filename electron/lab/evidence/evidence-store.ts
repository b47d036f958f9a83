/**
 * Evidence files (screenshots now; logcat slices and records later) under <dataDir>/evidence,
 * named from sanitised serials and times so device text never picks a path.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EvidenceFile } from '../../../shared/ipc';
import type { Clock } from '../util/clock';

const DATA_URL_LIMIT = 8 * 1024 * 1024;

export function safeFileStem(serial: string): string {
  const stem = serial.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 80);
  return stem || 'device';
}

export class EvidenceStore {
  public constructor(
    private readonly dir: string,
    private readonly clock: Clock,
  ) {}

  public async saveScreenshot(serial: string, png: Buffer): Promise<EvidenceFile> {
    const folder = join(this.dir, 'screenshots');
    await mkdir(folder, { recursive: true });
    const stamp = new Date(this.clock.now()).toISOString().replace(/[:.]/g, '-');
    const path = join(folder, `${safeFileStem(serial)}-${stamp}.png`);
    await writeFile(path, png);
    return {
      path,
      sizeBytes: png.length,
      dataUrl: png.length <= DATA_URL_LIMIT ? `data:image/png;base64,${png.toString('base64')}` : null,
    };
  }
}
