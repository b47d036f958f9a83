/**
 * Errors whose English is composed at run time (the "what" of a timeout or a failed command, the
 * action a phone refused, the serial's problem) compose their zh-CN text from zh pieces too.
 */
import { describe, expect, it } from 'vitest';
import { adbDeviceError } from '../../../electron/lab/adb/adb-errors';
import { assertSerial } from '../../../electron/lab/adb/serial';
import { withTimeout } from '../../../electron/lab/util/timeout';
import { assertAccepted } from '../../../electron/lab/adb/refusal';
import { LabError } from '../../../electron/lab/errors';
import { FakeDeviceIo } from '../../support/fake-device-io';

function caught(run: () => unknown): LabError {
  try {
    run();
  } catch (error) {
    if (error instanceof LabError) return error;
    throw error;
  }
  throw new Error('expected a LabError');
}

describe('zh-CN text of composed core errors', () => {
  it('adbDeviceError puts the zh "what" into the zh message and keeps the English one', () => {
    const error = adbDeviceError(new Error("device 'S1' not found"), 'S1', {
      en: 'copying the file',
      zh: '复制文件',
    });
    expect(error.message).toBe('Phone S1 was disconnected while copying the file.');
    expect(error.zh).toEqual({
      message: '手机 S1 在复制文件时断开了连接。',
      hint: '请重新连接手机，然后重试。',
    });
    const plain = adbDeviceError(new Error('boom'), 'S1', 'reading');
    expect(plain.zh?.message).toBe('手机 S1 在reading时出错：boom');
  });

  it('a timeout names the zh "what"', async () => {
    const never = new Promise<never>(() => undefined);
    const error = await withTimeout(never, 10, { en: 'Listing phones', zh: '列出手机' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).message).toBe('Listing phones did not answer within 0 s.');
    expect((error as LabError).zh?.message).toBe('列出手机：0 秒内没有应答。');
  });

  it('a refused action is named in zh, with the default or the given zh hint', () => {
    const io = new FakeDeviceIo('S1');
    const refused = 'Security exception: java.lang.SecurityException: nope';
    const byDefault = caught(() =>
      assertAccepted(io, refused, { en: 'to list its notifications', zh: '列出它的通知' }),
    );
    expect(byDefault.message).toBe('Phone S1 refused to list its notifications.');
    expect(byDefault.zh?.message).toBe('手机 S1 拒绝列出它的通知。');
    expect(byDefault.zh?.hint).toMatch(/USB 调试（安全设置）/);
    const hinted = caught(() =>
      assertAccepted(
        io,
        refused,
        { en: 'to open X', zh: '打开 X' },
        { hint: { en: 'Open it.', zh: '请打开它。' } },
      ),
    );
    expect(hinted.hint).toBe('Open it.');
    expect(hinted.zh?.hint).toBe('请打开它。');
  });

  it('every problem with a serial reads as Chinese', () => {
    expect(caught(() => assertSerial('')).zh?.message).toBe('设备序列号 "" 为空。');
    expect(caught(() => assertSerial('x'.repeat(300))).zh?.message).toMatch(/超过 \d+ 个字符。$/);
    expect(caught(() => assertSerial('10.0.0.1:99999')).zh?.message).toMatch(
      /的端口 99999 不在 1-65535 之内。$/,
    );
    expect(caught(() => assertSerial('a b')).zh?.message).toMatch(/不是 adb 会打印的序列号/);
  });
});
