/**
 * Reads one piece of an attempt's evidence for the run view: a screenshot as a PNG data URL, a
 * logcat slice (or any other file) as capped text, inline JSON evidence as text. Paths come from
 * the database, so they are resolved inside the evidence folder and anything that lands outside
 * it (.., an absolute path, a symlink pointing away) is refused.
 */
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { EvidenceView } from '../../../shared/domain/run';
import type { RunEvidenceContent } from '../../../shared/ipc';
import { LabError } from '../errors';

/** Screenshots larger than this are not sent to the window (a phone screen PNG is ~1-3 MB). */
export const MAX_SCREENSHOT_BYTES = 8 * 1024 * 1024;
/** Text evidence is cut here; the view says it was. */
export const MAX_TEXT_BYTES = 256 * 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const gone = (evidence: EvidenceView): LabError =>
  new LabError(
    'NOT_FOUND',
    `The ${evidence.kind} file of this attempt is no longer in the evidence folder.`,
    {
      hint: 'It may have been deleted or the data folder moved. The verdict and steps are still stored.',
      zh: {
        message: `这次尝试的 ${evidence.kind} 文件已不在证据文件夹中。`,
        hint: '它可能已被删除，或数据文件夹已被移动。判定和步骤仍然保存着。',
      },
    },
  );

/** The evidence file's real path, or a LabError when it is missing or outside the evidence folder. */
export async function resolveEvidencePath(
  root: string,
  relative: string,
  evidence: EvidenceView,
): Promise<string> {
  if (
    relative === '' ||
    path.isAbsolute(relative) ||
    relative.includes('\0') ||
    !isInside(path.resolve(root), path.resolve(root, relative))
  )
    throw outside(evidence);
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await realpath(root);
    realFile = await realpath(path.resolve(realRoot, relative));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw gone(evidence);
    throw new LabError('STORAGE_FAILED', `The ${evidence.kind} file of this attempt could not be opened.`, {
      hint: 'Check the permissions of the PushLab data folder.',
      cause: error,
      zh: {
        message: `无法打开这次尝试的 ${evidence.kind} 文件。`,
        hint: '请检查 PushLab 数据文件夹的权限。',
      },
    });
  }
  // Again on real paths: a symlink inside the folder may point anywhere.
  if (!isInside(realRoot, realFile)) throw outside(evidence);
  return realFile;
}

function isInside(root: string, file: string): boolean {
  const inside = path.relative(root, file);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${path.sep}`) && !path.isAbsolute(inside);
}

function outside(evidence: EvidenceView): LabError {
  return new LabError(
    'INVALID_ARGUMENT',
    `The ${evidence.kind} evidence points outside the evidence folder and was not read.`,
    {
      hint: 'The run database may have been edited by hand; run the scenario again for fresh evidence.',
      zh: {
        message: `${evidence.kind} 证据指向证据文件夹之外，未读取。`,
        hint: '运行数据库可能被手动修改过；请重新运行该场景以获得新的证据。',
      },
    },
  );
}

/** Reads at most `limit + 1` bytes, so the caller can tell a file was longer than the limit. */
async function readHead(file: string, limit: number): Promise<{ bytes: Buffer; size: number }> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw new LabError('INVALID_ARGUMENT', 'That evidence is not a regular file.', {
        zh: { message: '该证据不是普通文件。' },
      });
    const buffer = Buffer.alloc(Math.min(info.size, limit) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { bytes: buffer.subarray(0, bytesRead), size: info.size };
  } finally {
    await handle.close();
  }
}

function asText(
  evidence: EvidenceView,
  text: string,
  mime: 'text/plain' | 'application/json',
): RunEvidenceContent {
  const bytes = Buffer.from(text, 'utf8');
  const truncated = bytes.length > MAX_TEXT_BYTES;
  // A multi-byte character cut in half decodes as U+FFFD: harmless in a view that says "cut".
  return {
    kind: evidence.kind,
    mime,
    text: truncated ? bytes.subarray(0, MAX_TEXT_BYTES).toString('utf8') : text,
    sizeBytes: bytes.length,
    truncated,
  };
}

/** The content of one evidence row, for display. */
export async function readEvidenceContent(root: string, evidence: EvidenceView): Promise<RunEvidenceContent> {
  if (evidence.path === null)
    return asText(evidence, JSON.stringify(evidence.data ?? null, null, 2), 'application/json');
  const file = await resolveEvidencePath(root, evidence.path, evidence);
  if (evidence.kind === 'screenshot') {
    const { bytes, size } = await readHead(file, MAX_SCREENSHOT_BYTES);
    if (size > MAX_SCREENSHOT_BYTES) {
      throw new LabError(
        'INVALID_ARGUMENT',
        `The screenshot is ${Math.round(size / 1024 / 1024)} MB, too large to show here.`,
        {
          hint: `Open it from the evidence folder: ${evidence.path}`,
          zh: {
            message: `截图大小为 ${Math.round(size / 1024 / 1024)} MB，太大，无法在这里显示。`,
            hint: `请从证据文件夹中打开它：${evidence.path}`,
          },
        },
      );
    }
    if (!bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
      throw new LabError('MALFORMED_OUTPUT', 'The screenshot file is not a PNG image.', {
        hint: 'Run the scenario again for a fresh screenshot.',
        zh: { message: '截图文件不是 PNG 图片。', hint: '请重新运行该场景以获得新的截图。' },
      });
    }
    return {
      kind: 'screenshot',
      mime: 'image/png',
      dataUrl: `data:image/png;base64,${bytes.toString('base64')}`,
      sizeBytes: size,
    };
  }
  const { bytes, size } = await readHead(file, MAX_TEXT_BYTES);
  const truncated = size > MAX_TEXT_BYTES;
  const text = bytes.subarray(0, MAX_TEXT_BYTES).toString('utf8');
  return {
    kind: evidence.kind,
    mime: file.endsWith('.json') ? 'application/json' : 'text/plain',
    text,
    sizeBytes: size,
    truncated,
  };
}
