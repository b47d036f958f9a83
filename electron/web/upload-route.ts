/**
 * POST /api/upload: the raw bytes of a dropped file, name in `x-file-name` (percent-encoded).
 * The file lands in its own random folder under uploadDir with a sanitised name (the APK reader
 * reports that name back), and the reply is Result<string> with its path. One launch receives at
 * most its budget in total (a full disk helps nobody), and its files are deleted when it stops.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { ok } from '../../shared/result';
import type { Logger } from '../lab/util/logger';
import { sendError, sendResult } from './json-reply';

/** 2 GiB: larger than any APK a phone accepts. */
export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;
/** 4 GiB for all uploads of one launch together. */
export const DEFAULT_UPLOAD_BUDGET_BYTES = 4 * 1024 * 1024 * 1024;

/** The uploads of one launch: their folder, the bytes left, and the clean-up at the end. */
export interface UploadBudget {
  readonly dir: string;
  readonly limit: number;
  /** Takes `bytes` from the budget; false (nothing taken) when that would exceed it. */
  take(bytes: number): boolean;
  give(bytes: number): void;
  remaining(): number;
  /** Remembers a folder this launch created, for removeAll. */
  track(folder: string): void;
  removeAll(): Promise<void>;
}

export function createUploadBudget(dir: string, limit: number): UploadBudget {
  let used = 0;
  const folders = new Set<string>();
  return {
    dir,
    limit,
    take(bytes) {
      if (used + bytes > limit) return false;
      used += bytes;
      return true;
    },
    give(bytes) {
      used = Math.max(0, used - bytes);
    },
    remaining: () => limit - used,
    track: (folder) => void folders.add(folder),
    async removeAll() {
      await Promise.all([...folders].map((folder) => rm(folder, { recursive: true, force: true })));
      folders.clear();
    },
  };
}

/** "2048 MiB", "12 KiB", "1000 bytes": limits as people read them. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MiB`;
  if (bytes >= 10 * 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

/**
 * A file name safe on every OS and harmless in any later command: ASCII letters, digits, dot,
 * dash and underscore; no leading dot; bounded; never empty.
 */
export function sanitiseFileName(raw: string | undefined): string {
  let name = raw ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not percent-encoded: use as is, the filter below makes it safe.
  }
  name = name.split(/[\\/]/).pop() ?? '';
  name = name
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[._]+/, '');
  if (name.length > 120) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, 120 - ext.length) + ext;
  }
  return name === '' || name === '.' || name === '..' ? 'upload.apk' : name;
}

const STORE_FAILED = {
  message: 'Could not store the uploaded file.',
  hint: 'Check free disk space and permissions of the PushLab data folder.',
  zh: { message: '无法保存上传的文件。', hint: '请检查 PushLab 数据文件夹的剩余磁盘空间和权限。' },
};

function tooLarge(response: ServerResponse, limit: number): void {
  sendError(
    response,
    413,
    'INVALID_ARGUMENT',
    `The file is larger than the ${sizeText(limit)} upload limit.`,
    'Choose the APK your build produced; Android apps are far smaller than this.',
    {
      message: `文件超过了 ${sizeText(limit)} 的上传上限。`,
      hint: '请选择构建生成的 APK；Android 应用远比这个小。',
    },
    { connection: 'close' },
  );
}

function overBudget(response: ServerResponse, limit: number): void {
  sendError(
    response,
    413,
    'INVALID_ARGUMENT',
    `This web UI session has received its ${sizeText(limit)} of uploads.`,
    'Stop `npm run web` (Ctrl+C) and start it again: uploads are deleted when it stops, and the budget starts over.',
    {
      message: `本次网页界面会话已收满 ${sizeText(limit)} 的上传。`,
      hint: '停止 `npm run web`（Ctrl+C）后重新启动：停止时会删除上传的文件，额度也会重新计算。',
    },
    { connection: 'close' },
  );
}

/** Receives one upload (method already known to be POST). */
export async function handleUpload(
  request: IncomingMessage,
  response: ServerResponse,
  options: { budget: UploadBudget; maxBytes: number; logger: Logger },
): Promise<void> {
  const { maxBytes, budget } = options;
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    tooLarge(response, maxBytes);
    request.resume();
    return;
  }
  if (Number.isFinite(declared) && declared > budget.remaining()) {
    overBudget(response, budget.limit);
    request.resume();
    return;
  }
  const header = request.headers['x-file-name'];
  const name = sanitiseFileName(Array.isArray(header) ? header[0] : header);
  const folder = join(budget.dir, randomBytes(12).toString('hex'));
  const path = join(folder, name);

  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    budget.track(folder);
  } catch (error) {
    options.logger.error('web: cannot create upload folder', {
      message: error instanceof Error ? error.message : String(error),
    });
    sendError(response, 500, 'STORAGE_FAILED', STORE_FAILED.message, STORE_FAILED.hint, STORE_FAILED.zh);
    request.resume();
    return;
  }

  const file = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  let received = 0;
  let taken = 0;
  let failed: 'too-large' | 'over-budget' | 'io' | 'aborted' | null = null;

  await new Promise<void>((resolve) => {
    const stop = (reason: 'too-large' | 'over-budget' | 'io' | 'aborted') => {
      if (failed) return;
      failed = reason;
      request.unpipe(file);
      file.destroy();
      resolve();
    };
    request.on('data', (chunk: Buffer) => {
      if (failed) return;
      received += chunk.length;
      if (received > maxBytes) stop('too-large');
      else if (budget.take(chunk.length)) taken += chunk.length;
      else stop('over-budget');
    });
    request.on('aborted', () => stop('aborted'));
    request.on('error', () => stop('aborted'));
    file.on('error', () => stop('io'));
    file.on('finish', () => {
      if (!failed) resolve();
    });
    request.pipe(file);
  });

  if (failed) {
    await rm(folder, { recursive: true, force: true });
    // Bytes of a file that was not kept do not count against the launch.
    budget.give(taken);
    if (failed === 'too-large' || failed === 'over-budget') {
      if (failed === 'too-large') tooLarge(response, maxBytes);
      else overBudget(response, budget.limit);
      request.resume();
      // Do not drain an endless body forever: the reply is out, drop the connection soon.
      setTimeout(() => request.socket.destroy(), 2_000).unref();
    } else if (failed === 'io') {
      sendError(response, 500, 'STORAGE_FAILED', STORE_FAILED.message, STORE_FAILED.hint, STORE_FAILED.zh);
    }
    return;
  }
  options.logger.info('web: file uploaded', { name, bytes: received });
  sendResult(response, 200, ok(path));
}
