/** The CLI's argument handling and scenario list, in process (no adb, no database needed). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPlanFile } from '../../../electron/cli/commands/plan-file';
import { cliLocale } from '../../../electron/cli/locale';
import { main } from '../../../electron/cli/main';
import type { Output } from '../../../electron/cli/output';
import { SCENARIOS } from '../../../shared/scenarios';

function capture(): Output & { stdout: string; stderr: string } {
  const sink = {
    stdout: '',
    stderr: '',
    out: (l: string) => void (sink.stdout += l + '\n'),
    err: (l: string) => void (sink.stderr += l + '\n'),
  };
  return sink;
}

const saved = { ...process.env };
beforeEach(() => {
  delete process.env.PUSHLAB_LOCALE;
  delete process.env.LC_ALL;
  delete process.env.LC_MESSAGES;
  process.env.LANG = 'C';
});
afterEach(() => {
  process.env = { ...saved };
});

describe('missing arguments are named', () => {
  it('doctor says which of --serial and --package is missing', async () => {
    for (const [args, missing] of [
      [['doctor', '--serial', 'abc'], /--package is missing/],
      [['doctor', '--package', 'com.example.app'], /--serial is missing/],
      [['doctor'], /--serial and --package are missing/],
    ] as const) {
      const out = capture();
      expect(await main([...args], out)).toBe(2);
      expect(out.stderr).toMatch(missing);
    }
  });

  it('report says --run is missing, and refuses a malformed run id', async () => {
    const out = capture();
    expect(await main(['report', '--csv', 'x.csv'], out)).toBe(2);
    expect(out.stderr).toMatch(/--run is missing/);
    const bad = capture();
    expect(await main(['report', '--run', '../etc', '--csv', 'x.csv'], bad)).toBe(2);
    expect(bad.stderr).toMatch(/"\.\.\/etc" is not a run id/);
  });

  it('a stray argument is refused, not ignored', async () => {
    const out = capture();
    expect(await main(['runs', 'extra'], out)).toBe(2);
    expect(out.stderr).toMatch(/Unexpected argument 'extra'/);
  });
});

describe('pushlab scenarios', () => {
  it('--json lists every catalog scenario with its state, what it checks and its seed rules', async () => {
    const out = capture();
    expect(await main(['scenarios', '--json'], out)).toBe(0);
    const listed = JSON.parse(out.stdout) as Array<{
      id: string;
      state: string;
      checks: { en: string; zhCN: string };
      seedRules: Array<{ id: string }>;
    }>;
    expect(listed.map((s) => s.id)).toEqual(SCENARIOS.map((s) => s.id));
    for (const s of listed) {
      expect(s.state).toBe(SCENARIOS.find((c) => c.id === s.id)?.state);
      expect(s.checks.en.length).toBeGreaterThan(0);
      expect(s.checks.zhCN.length).toBeGreaterThan(0);
    }
    expect(listed.find((s) => s.id === 'background-c2c-text')?.seedRules.map((r) => r.id)).toContain(
      'seed.background',
    );
  });

  it("prints a table and the rules in the user's language", async () => {
    process.env.LANG = 'zh_CN.UTF-8';
    const out = capture();
    expect(await main(['scenarios'], out)).toBe(0);
    expect(out.stdout).toMatch(/检查内容/);
    expect(out.stdout).toMatch(/种子规则: seed\.background — 应用退到后台/);
  });
});

describe('locale', () => {
  it('follows PUSHLAB_LOCALE, then LC_ALL / LC_MESSAGES / LANG', () => {
    expect(cliLocale({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(cliLocale({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' })).toBe('en');
    expect(cliLocale({ LANG: 'C', PUSHLAB_LOCALE: 'zh-CN' })).toBe('zh-CN');
    expect(cliLocale({ LANG: 'C.UTF-8' })).toBe('en');
    expect(cliLocale({})).toBe('en');
  });
});

describe('plan files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pushlab-plan-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('say "not found" and "is a folder" in words, never a bare ENOENT', async () => {
    await expect(readPlanFile(join(dir, 'missing.json'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/missing\.json was not found\.$/),
    });
    await expect(readPlanFile(dir)).rejects.toMatchObject({
      message: expect.stringMatching(/is a folder, not a file/),
    });
    await expect(readPlanFile(join(dir, 'missing.json'))).rejects.not.toMatchObject({
      message: expect.stringMatching(/ENOENT/),
    });
  });

  it('give line and column for broken JSON, in zh-CN too', async () => {
    const { writeFile } = await import('node:fs/promises');
    const file = join(dir, 'plan.json');
    await writeFile(file, '{\n  "name": "x",\n  "repeats": ,\n}');
    await expect(readPlanFile(file)).rejects.toMatchObject({
      message: expect.stringMatching(/at line 3, column 14\.$/),
    });
    process.env.PUSHLAB_LOCALE = 'zh-CN';
    await expect(readPlanFile(file)).rejects.toMatchObject({
      message: expect.stringMatching(/第 3 行第 14 列/),
    });
  });
});
