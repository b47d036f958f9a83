/**
 * Errors whose zh-CN text is composed at run time (issue 9 point 7): the zh carries the same
 * values as the English, refusals from a shell get Chinese even in English, and a state
 * report's own zh wins over the composed one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { approvePlan } from '../../../electron/lab/approval/program-approval';
import { LabError } from '../../../electron/lab/errors';
import { stateNotReached } from '../../../electron/lab/runs/engine/state-error';
import { resolveSecret } from '../../../electron/lab/secrets/resolve-secret';
import { errorText } from '../../../shared/errors';
import { PlanError } from '../../../shared/runs/parse-plan';
import { describeReason } from '../../../shared/runs/reasons';
import { blockedVerdict } from '../../../electron/lab/runs/engine/device-loop';

const HAN = /[\u4e00-\u9fff]/;

async function caught(promise: Promise<unknown>): Promise<LabError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LabError);
  return error as LabError;
}

describe('composed zh-CN error texts', () => {
  it('a secret error names the same reference in zh and keeps the English unchanged', async () => {
    const missing = await caught(resolveSecret({ env: 'TENCENT_KEY' }, { env: {} }));
    expect(missing.message).toBe('The secret from environment variable TENCENT_KEY is not set.');
    expect(missing.zh).toEqual({
      message: '环境变量 TENCENT_KEY 未设置。',
      hint: '请在运行 PushLab 的环境中设置 TENCENT_KEY，或让计划指向一个文件。',
    });
    const stored = await caught(
      resolveSecret({ stored: 'tencent.secretKey' }, { env: {}, store: { get: async () => null } }),
    );
    expect(stored.zh?.message).toBe('已保存的密钥“tencent.secretKey”不存在。');
    expect(stored.zh?.hint).toContain('tencent.secretKey');
  });

  it('a missing secret file says so in zh, with the path as given', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pushlab-zh-'));
    try {
      const error = await caught(resolveSecret({ file: 'absent.txt' }, { env: {}, baseDir: dir }));
      expect(error.zh?.message).toBe('密钥文件 absent.txt 不存在。');
      expect(error.zh?.hint).toMatch(HAN);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a refusal reaches zh-CN users in Chinese even when the shell refused in English', async () => {
    const plan = {
      name: 'nightly',
      app: {
        package: 'com.example.app',
        accounts: { vendors: { fcm: { account: 'qa_1' } } },
        login: { kind: 'operator', prompt: 'Log in' },
      },
      phones: { serials: ['emulator-5554'] },
      scenarios: 'all',
      repeats: 1,
      sender: { kind: 'command', command: '/bin/true', args: [] },
    };
    const refused = await caught(
      approvePlan(async () => ({ approved: false, message: 'No.', hint: 'Ask.' }), plan, 'start'),
    );
    expect(refused.message).toBe('No.');
    expect(errorText(refused.toInfo(), 'zh-CN').message).toContain('nightly');
    expect(errorText(refused.toInfo(), 'zh-CN').message).toMatch(HAN);
    const failed = await caught(
      approvePlan(async () => Promise.reject(new Error('dialog crashed')), plan, 'start'),
    );
    expect(failed.zh?.message).toMatch(HAN);
    expect(failed.zh?.hint).toMatch(HAN);
  });

  it('a plan error keeps every problem line in zh', () => {
    const info = new PlanError([{ path: 'sender.secret', message: 'is missing' }]).toInfo();
    expect(info.zh?.message).toBe('计划无效：\n- sender.secret: is missing');
    expect(info.zh?.hint).toMatch(HAN);
  });

  it('a state that was not reached uses the report error zh, else composes one around the reason', () => {
    const own = stateNotReached(
      {
        reason: 'Screen stayed on.',
        error: { code: 'TIMEOUT', message: 'm', zh: { message: '屏幕一直亮着。' } },
      },
      'screen-off',
    );
    expect(own.code).toBe('TIMEOUT');
    expect(own.zh).toEqual({ message: '屏幕一直亮着。' });
    const composed = stateNotReached({ reason: null, error: null }, 'killed');
    expect(composed.message).toBe('Could not reach "killed".');
    expect(composed.code).toBe('COMMAND_FAILED');
    expect(composed.zh).toEqual({ message: '无法进入“killed”状态。' });
  });

  it('a blocked verdict says its set-up error in zh-CN, and stored reasons without the zh twin still read', () => {
    const verdict = blockedVerdict({
      code: 'TIMEOUT',
      message: 'The phone did not answer.',
      zh: { message: '手机没有应答。' },
    });
    expect(describeReason(verdict.reason, 'zh-CN')).toContain('手机没有应答。');
    expect(describeReason(verdict.reason, 'zh-CN')).not.toContain('did not answer');
    expect(describeReason(verdict.reason, 'en')).toContain('The phone did not answer.');
    const stored = {
      key: 'blocked.setup-failed' as const,
      values: { code: 'TIMEOUT', message: 'The phone did not answer.' },
    };
    expect(describeReason(stored, 'zh-CN')).toContain('The phone did not answer.');
  });
});
