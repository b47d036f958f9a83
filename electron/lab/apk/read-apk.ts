/**
 * Inspects an APK on disk before any phone is touched: is it there, is it an APK at all, what
 * does its manifest declare, which ABIs does it ship, and what is its SHA-256. Every failure is
 * a LabError that names the file and says what to do.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ApkInfo } from '../../../shared/domain/install';
import { LabError } from '../errors';
import { ApkFormatError } from './apk-format-error';
import { findManifest, looksLikeAppBundle, nativeAbisOf } from './apk-contents';
import { sha256OfFile } from './hash-file';
import { parseManifest } from './manifest';
import { isValidPackageName } from './package-name';
import { hasZipMagic, readZipDirectory, readZipEntry } from './zip-reader';

/** Real manifests are kilobytes to a few MB; anything bigger is hostile. */
const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;
const APK_HINT = 'Choose the .apk your build produced (for an .aab, build a universal APK with bundletool).';
const DAMAGED_HINT = 'Copy, download or build the APK again: the file on disk is incomplete or corrupted.';
const APK_HINT_ZH = '请选择构建生成的 .apk（如果是 .aab，请用 bundletool 构建一个通用 APK）。';
const DAMAGED_HINT_ZH = '请重新复制、下载或构建这个 APK：磁盘上的文件不完整或已损坏。';
/** The fixed reasons readApk gives itself, in zh-CN; the zip and manifest readers' technical words stay as they are. */
const REASONS_ZH: Readonly<Record<string, string>> = {
  'it is not a zip archive': '它不是 zip 压缩包',
  'it is an Android App Bundle (.aab), which phones cannot install directly':
    '它是 Android App Bundle（.aab），手机无法直接安装',
  'it has no AndroidManifest.xml': '它没有 AndroidManifest.xml',
};
const reasonZh = (error: ApkFormatError): string => REASONS_ZH[error.message] ?? error.message;

function accessError(error: unknown, fileName: string, path: string): LabError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new LabError('NOT_FOUND', `${fileName} was not found.`, {
      hint: 'Check the path, or choose the file again: it may have been moved or deleted.',
      detail: path,
      zh: { message: `找不到 ${fileName}。`, hint: '请检查路径，或重新选择文件：它可能已被移动或删除。' },
    });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new LabError('APK_UNREADABLE', `PushLab is not allowed to read ${fileName}.`, {
      hint: "Check the file's permissions, or copy it to a folder you own and choose it again.",
      detail: path,
      zh: {
        message: `PushLab 无权读取 ${fileName}。`,
        hint: '请检查文件权限，或把它复制到你自己的文件夹后重新选择。',
      },
    });
  }
  return new LabError('APK_UNREADABLE', `${fileName} could not be read (${code ?? 'unknown error'}).`, {
    hint: 'Check that the disk or network share holding it is available, then try again.',
    detail: path,
    zh: {
      message: `无法读取 ${fileName}（${code ?? '未知错误'}）。`,
      hint: '请确认存放它的磁盘或网络共享可用，然后重试。',
    },
    cause: error,
  });
}

function formatError(error: ApkFormatError, fileName: string): LabError {
  switch (error.kind) {
    case 'not-zip':
    case 'no-manifest':
      return new LabError('NOT_AN_APK', `${fileName} is not an Android app (APK): ${error.message}.`, {
        hint: APK_HINT,
        zh: { message: `${fileName} 不是 Android 应用（APK）：${reasonZh(error)}。`, hint: APK_HINT_ZH },
      });
    case 'corrupt-zip':
      return new LabError('APK_UNREADABLE', `${fileName} is damaged: ${error.message}.`, {
        hint: DAMAGED_HINT,
        zh: { message: `${fileName} 已损坏：${error.message}。`, hint: DAMAGED_HINT_ZH },
      });
    case 'bad-manifest':
      return new LabError(
        'APK_UNREADABLE',
        `The manifest inside ${fileName} cannot be read: ${error.message}.`,
        {
          hint: 'Rebuild the APK with the Android build tools; a tool that rewrote or protected it may have damaged it.',
          zh: {
            message: `无法读取 ${fileName} 中的 manifest：${error.message}。`,
            hint: '请用 Android 构建工具重新构建 APK；改写或加固过它的工具可能损坏了它。',
          },
        },
      );
  }
}

/** Reads an APK's identity; throws LabError (NOT_FOUND, APK_UNREADABLE, NOT_AN_APK, INVALID_ARGUMENT). */
export async function readApk(path: string): Promise<ApkInfo> {
  if (typeof path !== 'string' || path.trim() === '' || path.includes('\0')) {
    throw new LabError('INVALID_ARGUMENT', 'No valid APK path was given.', {
      hint: 'Choose an .apk file.',
      zh: { message: '没有给出有效的 APK 路径。', hint: '请选择一个 .apk 文件。' },
    });
  }
  const absolute = resolve(path);
  const fileName = basename(absolute);
  let file: FileHandle;
  try {
    file = await open(absolute, 'r');
  } catch (error) {
    throw accessError(error, fileName, absolute);
  }
  try {
    return await inspect(file, absolute, fileName);
  } catch (error) {
    if (error instanceof LabError) throw error;
    if (error instanceof ApkFormatError) throw formatError(error, fileName);
    throw accessError(error, fileName, absolute);
  } finally {
    await file.close();
  }
}

async function inspect(file: FileHandle, path: string, fileName: string): Promise<ApkInfo> {
  const stat = await file.stat();
  if (stat.isDirectory()) {
    throw new LabError('APK_UNREADABLE', `${fileName} is a folder, not an APK file.`, {
      hint: 'Choose the .apk file itself (Gradle writes it under app/build/outputs/apk/<variant>/).',
      detail: path,
      zh: {
        message: `${fileName} 是文件夹，不是 APK 文件。`,
        hint: '请选择 .apk 文件本身（Gradle 会把它写到 app/build/outputs/apk/<variant>/ 下）。',
      },
    });
  }
  if (!stat.isFile()) {
    throw new LabError('APK_UNREADABLE', `${fileName} is not a regular file.`, {
      hint: APK_HINT,
      detail: path,
      zh: { message: `${fileName} 不是普通文件。`, hint: APK_HINT_ZH },
    });
  }
  const size = stat.size;
  if (!(await hasZipMagic(file, size))) throw new ApkFormatError('not-zip', 'it is not a zip archive');
  const entries = await readZipDirectory(file, size);
  const manifestEntry = findManifest(entries);
  if (!manifestEntry) {
    throw new ApkFormatError(
      'no-manifest',
      looksLikeAppBundle(entries)
        ? 'it is an Android App Bundle (.aab), which phones cannot install directly'
        : 'it has no AndroidManifest.xml',
    );
  }
  const manifest = parseManifest(await readZipEntry(file, size, manifestEntry, MAX_MANIFEST_BYTES));
  if (!isValidPackageName(manifest.packageName)) {
    throw new LabError('APK_UNREADABLE', `${fileName} declares an invalid package name.`, {
      hint: "Android would refuse it too. Check the app's applicationId and rebuild.",
      zh: {
        message: `${fileName} 声明的包名无效。`,
        hint: 'Android 同样会拒绝它。请检查应用的 applicationId 并重新构建。',
      },
      detail: JSON.stringify(manifest.packageName.slice(0, 300)),
    });
  }
  return {
    path,
    fileName,
    sizeBytes: size,
    sha256: await sha256OfFile(file),
    ...manifest,
    nativeAbis: nativeAbisOf(entries),
  };
}
