/**
 * The vendor error tables: each documented code names its kind of fault (so "which link failed"
 * can tell token, auth, quota, channel and package problems apart), and an unknown code still
 * gets a sentence that names it, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { explainCode } from '../../../../electron/lab/push/direct/refusal';
import { HONOR_ERRORS, HONOR_ERRORS_ZH, HONOR_VENDOR } from '../../../../electron/lab/push/honor/errors';
import { HUAWEI_ERRORS, HUAWEI_ERRORS_ZH, HUAWEI_VENDOR } from '../../../../electron/lab/push/huawei/errors';
import { XIAOMI_ERRORS, XIAOMI_VENDOR } from '../../../../electron/lab/push/xiaomi/errors';
import { XIAOMI_ERRORS_ZH } from '../../../../electron/lab/push/xiaomi/errors-zh';

const faultOf = (table: Readonly<Record<string, { fault: string }>>, code: string): string | undefined =>
  table[code]?.fault;

describe('vendor error tables', () => {
  it('Mi Push: bad regId, AppSecret, daily quota, channel and package are told apart', () => {
    expect(faultOf(XIAOMI_ERRORS, '20301')).toBe('bad-token');
    expect(faultOf(XIAOMI_ERRORS, '21301')).toBe('bad-auth');
    expect(faultOf(XIAOMI_ERRORS, '10034')).toBe('quota');
    expect(faultOf(XIAOMI_ERRORS, '27001')).toBe('invalid-channel');
    expect(faultOf(XIAOMI_ERRORS, '22022')).toBe('package-mismatch');
    expect(faultOf(XIAOMI_ERRORS, '65009')).toBe('payload');
  });

  it('HMS and Honor: token, OAuth, size and flow control', () => {
    for (const table of [HUAWEI_ERRORS, HONOR_ERRORS]) {
      expect(faultOf(table, '80300007')).toBe('bad-token');
      expect(faultOf(table, '80200001')).toBe('bad-auth');
      expect(faultOf(table, '80200003')).toBe('bad-auth');
      expect(faultOf(table, '80300008')).toBe('payload');
      expect(faultOf(table, 'HTTP_503')).toBe('rate');
    }
    expect(HUAWEI_ERRORS['80300007'].meaning).toMatch(/another app/);
    expect(HONOR_ERRORS['80300002'].fix).toMatch(/Honor developer console/);
  });

  it('an unknown code is named in both languages', () => {
    const mi = explainCode({ en: XIAOMI_ERRORS, zh: XIAOMI_ERRORS_ZH }, 99999, XIAOMI_VENDOR);
    expect(mi.known).toBe(false);
    expect(mi.en.meaning).toBe('Mi Push refused the message with code 99999, which PushLab does not know.');
    expect(mi.zh.meaning).toContain('99999');
    const hw = explainCode({ en: HUAWEI_ERRORS, zh: HUAWEI_ERRORS_ZH }, '80300007', HUAWEI_VENDOR);
    expect(hw.known).toBe(true);
    expect(hw.zh.meaning).toMatch(/令牌/);
    expect(explainCode({ en: HONOR_ERRORS, zh: HONOR_ERRORS_ZH }, '12', HONOR_VENDOR).en.fix).toMatch(
      /developer\.honor\.com/,
    );
  });
});
