/** PushLab's own install refusals show their stored zh-CN text; INSTALL_* reasons are explained again. */
import { describe, expect, it } from 'vitest';
import type { InstallFailure } from '../../../shared/domain/install';
import { localizedFailure } from '../../../renderer/src/install/failure-text';

const notConnected: InstallFailure = {
  reason: 'DEVICE_NOT_FOUND',
  message: 'Phone S1 is not connected.',
  fix: 'Plug it in, allow USB debugging, then try again.',
  raw: 'Phone S1 is not connected.',
  zh: { message: '手机 S1 没有连接。', fix: '请插上手机并允许 USB 调试，然后重试。' },
};

describe('localizedFailure', () => {
  it('shows the zh-CN text PushLab stored with its own refusal', () => {
    expect(localizedFailure(notConnected, 'zh-CN', {})).toEqual(notConnected.zh);
    expect(localizedFailure(notConnected, 'zh-CN', null)).toEqual(notConnected.zh);
    expect(localizedFailure(notConnected, 'en', null)).toEqual({
      message: notConnected.message,
      fix: notConnected.fix,
    });
  });

  it('explains a phone reason from the catalog even when a zh text is present', () => {
    const phone = {
      ...notConnected,
      reason: 'INSTALL_FAILED_INSUFFICIENT_STORAGE',
      raw: 'Failure [INSTALL_FAILED_INSUFFICIENT_STORAGE]',
    };
    expect(localizedFailure(phone, 'zh-CN', {}).message).not.toBe(notConnected.zh?.message);
  });
});
