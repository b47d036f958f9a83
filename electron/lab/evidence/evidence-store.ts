/**
 * Evidence files under <dataDir>/evidence: screenshots, logcat slices and other per-result files,
 * one folder per kind, named from sanitised serials and times so device text never picks a path.
 * Runs keep paths relative to the evidence folder (the folder may move with the data dir).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../../shared/domain/run';
import type { EvidenceFile } from '../../../shared/ipc';
import { LabError } from '../errors';
import { ensurePrivateDirAsync, PRIVATE_FILE_MODE } from '../store/private-files';
import type { Clock } from '../util/clock';

const DATA_URL_LIMIT = 8 * 1024 * 1024;
/** Same-millisecond saves of one phone get -1, -2… ; past this many something is looping. */
const MAX_NAME_TRIES = 50;

export function safeFileStem(serial: string): string {
  const stem = serial
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 80);
  return stem || 'device';
}

/** A saved evidence file: where it is, absolute and relative to the evidence folder ("/"-separated). */
export interface SavedEvidence {
  readonly path: string;
  readonly relativePath: string;
  readonly sizeBytes: number;
}

export class EvidenceStore {
  public constructor(
    private readonly dir: string,
    private readonly clock: Clock,
  ) {}

  /** The evidence folder (relative paths resolve against it). */
  public get root(): string {
    return this.dir;
  }

  /** The evidence folder and one kind's folder, both 0700 (screenshots show private messages). */
  private async privateFolder(folder: string): Promise<void> {
    await ensurePrivateDirAsync(this.dir);
    await ensurePrivateDirAsync(folder);
  }

  public async saveScreenshot(serial: string, png: Buffer): Promise<EvidenceFile> {
    const folder = join(this.dir, 'screenshots');
    await this.privateFolder(folder);
    const stamp = new Date(this.clock.now()).toISOString().replace(/[:.]/g, '-');
    const path = join(folder, `${safeFileStem(serial)}-${stamp}.png`);
    await writeFile(path, png, { mode: PRIVATE_FILE_MODE });
    return {
      path,
      sizeBytes: png.length,
      dataUrl: png.length <= DATA_URL_LIMIT ? `data:image/png;base64,${png.toString('base64')}` : null,
    };
  }

  /**
   * Saves one evidence file as <kind>/<serial>-<time>[-n].<ext>. Never overwrites: a name already
   * taken (two saves in one millisecond) gets a counter.
   */
  public async save(
    kind: EvidenceKind,
    serial: string,
    ext: string,
    bytes: Buffer | string,
  ): Promise<SavedEvidence> {
    if (!(EVIDENCE_KINDS as readonly string[]).includes(kind)) {
      throw new LabError('INVALID_ARGUMENT', `Unknown evidence kind "${String(kind).slice(0, 40)}".`, {
        zh: { message: `未知的证据类型 "${String(kind).slice(0, 40)}"。` },
      });
    }
    if (!/^[a-z0-9]{1,8}$/.test(ext)) {
      throw new LabError('INVALID_ARGUMENT', `Bad evidence file extension "${ext.slice(0, 20)}".`, {
        zh: { message: `证据文件扩展名 "${ext.slice(0, 20)}" 无效。` },
      });
    }
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    const folder = join(this.dir, kind);
    const stamp = new Date(this.clock.now()).toISOString().replace(/[:.]/g, '-');
    const base = `${safeFileStem(serial)}-${stamp}`;
    try {
      await this.privateFolder(folder);
      for (let n = 0; n < MAX_NAME_TRIES; n++) {
        const name = `${base}${n === 0 ? '' : `-${n}`}.${ext}`;
        try {
          await writeFile(join(folder, name), data, { flag: 'wx', mode: PRIVATE_FILE_MODE });
          return { path: join(folder, name), relativePath: `${kind}/${name}`, sizeBytes: data.length };
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
      }
    } catch (error) {
      throw new LabError('STORAGE_FAILED', `Could not save the ${kind} evidence of ${serial.slice(0, 80)}.`, {
        hint: 'Check that the data folder is writable and the disk is not full.',
        zh: {
          message: `无法保存 ${serial.slice(0, 80)} 的 ${kind} 证据。`,
          hint: '请确认数据文件夹可写，并且磁盘未满。',
        },
        detail: (error as Error).message,
        cause: error,
      });
    }
    throw new LabError(
      'STORAGE_FAILED',
      `Too many ${kind} files for ${serial.slice(0, 80)} in one millisecond.`,
      {
        zh: { message: `同一毫秒内 ${serial.slice(0, 80)} 的 ${kind} 文件过多。` },
      },
    );
  }
}
