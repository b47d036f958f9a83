/**
 * zh-CN is complete: every English catalog in shared/i18n (UI, doctor, reports, install failures,
 * and any catalog added later, e.g. the CLI's) has a zh-CN twin with the same keys and placeholders,
 * and every zh-CN text is Chinese (no English words beyond names and code). The explainers that
 * assemble texts from pieces are checked on their outputs too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_INSTALL_REASONS } from '../../../electron/lab/android/install-failures';
import { installFailureText } from '../../../shared/i18n/install-failure-text';
import { REASON_TEXTS } from '../../../shared/runs/reasons';
import { englishWords } from '../../renderer/support/english-words';

const I18N_DIR = resolve(import.meta.dirname, '../../../shared/i18n');
type Texts = Map<string, string>;

/** Every string in a catalog export, by key path (tuples such as [message, fix] become key.0, key.1). */
function flatten(value: unknown, prefix: string, out: Texts): Texts {
  if (typeof value === 'string') out.set(prefix, value);
  else if (Array.isArray(value)) value.forEach((item, i) => flatten(item, `${prefix}.${i}`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** The object exports of a catalog file, in declaration order. */
async function catalogExports(file: string): Promise<Array<[string, unknown]>> {
  const module = (await import(join(I18N_DIR, file))) as Record<string, unknown>;
  return Object.entries(module).filter(([, v]) => typeof v === 'object' && v !== null && !Array.isArray(v));
}

const placeholders = (text: string) => [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();
/** zh-CN texts that may stay as in English: names only (checked to contain no English word anyway). */
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

const pairs = readdirSync(I18N_DIR)
  .filter((f) => f.endsWith('.en.ts') || f === 'en.ts')
  .map((en) => ({ en, zh: en === 'en.ts' ? 'zh-CN.ts' : en.replace(/\.en\.ts$/, '.zh-CN.ts') }));

describe('every English catalog has a complete zh-CN twin', () => {
  it('finds the catalogs (UI, doctor, reports, install failures…)', () => {
    const names = pairs.map((p) => p.en);
    for (const expected of [
      'en.ts',
      'doctor-checks.en.ts',
      'report.en.ts',
      'install-failures.en.ts',
      'runs-ui.en.ts',
    ])
      expect(names).toContain(expected);
    const files = readdirSync(I18N_DIR);
    for (const { zh } of pairs) expect(files, `${zh} is missing`).toContain(zh);
  });

  it.each(pairs)('$zh has the keys and placeholders of $en, all in Chinese', async ({ en, zh }) => {
    const enExports = await catalogExports(en);
    const zhExports = await catalogExports(zh);
    expect(zhExports.length, `${zh} exports as many catalogs as ${en}`).toBe(enExports.length);
    enExports.forEach(([name, enValue], i) => {
      const zhValue = zhExports[i]?.[1];
      const enTexts = flatten(enValue, '', new Map());
      const zhTexts = flatten(zhValue, '', new Map());
      expect([...zhTexts.keys()].sort(), `${zh} (${name})`).toEqual([...enTexts.keys()].sort());
      const problems: string[] = [];
      for (const [key, enText] of enTexts) {
        const zhText = zhTexts.get(key) ?? '';
        if (placeholders(zhText).join() !== placeholders(enText).join())
          problems.push(`${key}: placeholders differ`);
        const english = englishWords(zhText);
        if (english.length > 0) problems.push(`${key}: English words ${english.join(', ')} in "${zhText}"`);
        if (
          enText.trim() !== '' &&
          !hasChinese(zhText) &&
          zhText === enText &&
          /[a-z]{3,} [a-z]{3,}/.test(enText)
        )
          problems.push(`${key}: not translated`);
      }
      expect(problems, `${zh}`).toEqual([]);
    });
  });
});

describe('assembled texts are Chinese too', () => {
  const contexts = [
    {},
    { vendor: 'Xiaomi' },
    { vendor: 'vivo', abis: ['arm64-v8a', 'armeabi-v7a'], apkAbis: ['x86_64'] },
  ];
  const reasons = [
    ...KNOWN_INSTALL_REASONS,
    'NO_OUTPUT',
    'UNKNOWN_OUTPUT',
    'PM_ERROR',
    'ADB_ERROR',
    'EXCEPTION',
    'java.lang.SecurityException',
    'java.lang.IllegalStateException',
    'INSTALL_FAILED_SOMETHING_NEW',
  ];

  it('explains every install failure in Chinese, whatever the phone', () => {
    const problems: string[] = [];
    for (const reason of reasons) {
      for (const ctx of contexts) {
        const raw =
          'Failure [INSTALL_FAILED_OLDER_SDK: Requires newer sdk version #34 (current version is #30)]';
        for (const text of installFailureText('zh-CN', reason, raw, ctx)) {
          if (!hasChinese(text)) problems.push(`${reason}: ${text}`);
          const english = englishWords(text);
          if (english.length > 0) problems.push(`${reason}: ${english.join(', ')} in "${text}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives the install failure details in Chinese', () => {
    const [message] = installFailureText('zh-CN', 'INSTALL_FAILED_OLDER_SDK', 'minSdk 34 > device SDK 30');
    expect(message).toContain('该构建需要 API 34，手机是 API 30');
    const [abis, fix] = installFailureText('zh-CN', 'INSTALL_FAILED_NO_MATCHING_ABIS', '', {
      abis: ['arm64-v8a'],
      apkAbis: ['x86'],
    });
    expect(abis).toContain('手机支持 arm64-v8a；该构建只有 x86。');
    expect(fix).toContain('把 arm64-v8a 加入');
    expect(
      installFailureText('zh-CN', 'INSTALL_FAILED_USER_RESTRICTED', '', { vendor: 'Redmi' })[1],
    ).toContain('USB 安装');
  });

  it('has a Chinese verdict reason for every reason key', () => {
    const problems = Object.entries(REASON_TEXTS).flatMap(([key, text]) => {
      const english = englishWords(text.zhCN);
      return !hasChinese(text.zhCN) || english.length > 0 ? [`${key}: ${text.zhCN}`] : [];
    });
    expect(problems).toEqual([]);
  });
});

describe('the English-word finder', () => {
  it('flags prose and lets names and code through', () => {
    expect(englishWords('安装失败：The phone refused the install')).toEqual([
      'The',
      'phone',
      'refused',
      'the',
    ]);
    expect(
      englishWords(
        '用 apksigner 签名 INSTALL_FAILED_OLDER_SDK com.example.app minSdk 34 arm64-v8a APK {name} Xiaomi HyperOS',
      ),
    ).toEqual([]);
    expect(englishWords('Not found')).toEqual(['Not', 'found']);
    // What the user types is code; a package name stays one token.
    expect(englishWords('运行诊断（pushlab doctor）；输入 "yes"；--locale en')).toEqual([]);
    expect(englishWords('开始于 10:00 · com.pushlab.demo')).toEqual([]);
    expect(englishWords('pushlab 没有 run the doctor')).toEqual(['run', 'the', 'doctor']);
  });
});

describe('the renderer has no text outside the catalogs', () => {
  const RENDERER_SRC = resolve(import.meta.dirname, '../../../renderer/src');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
    );

  it('writes every visible word through t() (JSX text and labelling attributes)', () => {
    const problems: string[] = [];
    for (const file of files(RENDERER_SRC)) {
      const source = readFileSync(file, 'utf8');
      const texts = [
        // Text between tags (not the `/>,\n key: <` of an object of elements).
        ...[...source.matchAll(/>([^<>{}=;()]*[A-Za-z][^<>{}=;()]*)</g)]
          .map((m) => m[1] ?? '')
          .filter((t) => !/^\s*,/.test(t)),
        ...[...source.matchAll(/\b(?:aria-label|title|placeholder|alt)="([^"]*)"/g)].map((m) => m[1] ?? ''),
      ];
      for (const text of texts) {
        const english = englishWords(text);
        if (english.length > 0) problems.push(`${file.slice(RENDERER_SRC.length + 1)}: "${text.trim()}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});
