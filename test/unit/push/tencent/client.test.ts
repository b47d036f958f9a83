import { describe, expect, it } from 'vitest';
import { LabError } from '../../../../electron/lab/errors';
import {
  TENCENT_COMMANDS,
  TencentApiError,
  buildRequestUrl,
  createTencentImClient,
  parseResponse,
  redactSecrets,
} from '../../../../electron/lab/push/tencent/client';
import { TENCENT_ERRORS, explainTencentError } from '../../../../electron/lab/push/tencent/error-codes';
import { explainTencentErrorZh } from '../../../../electron/lab/push/tencent/error-codes-zh';
import { TENCENT_REGION_DOMAINS, regionBaseUrl } from '../../../../electron/lab/push/tencent/regions';

describe('buildRequestUrl', () => {
  it('puts the five documented query parameters on the command path', () => {
    const url = buildRequestUrl(regionBaseUrl('singapore'), TENCENT_COMMANDS.sendC2C, {
      sdkAppId: 20001234,
      identifier: 'administrator',
      userSig: 'eJy*abc-def_',
      random: 4294967295,
    });
    expect(url.origin).toBe('https://adminapisgp.im.qcloud.com');
    expect(url.pathname).toBe('/v4/openim/sendmsg');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      sdkappid: '20001234',
      identifier: 'administrator',
      usersig: 'eJy*abc-def_',
      random: '4294967295',
      contenttype: 'json',
    });
  });

  it('keeps a base path and works with or without a trailing slash', () => {
    const a = buildRequestUrl('http://127.0.0.1:9/prefix', TENCENT_COMMANDS.sendGroup, {
      sdkAppId: 1,
      identifier: 'a',
      userSig: 's',
      random: 0,
    });
    const b = buildRequestUrl('http://127.0.0.1:9/prefix/', TENCENT_COMMANDS.sendGroup, {
      sdkAppId: 1,
      identifier: 'a',
      userSig: 's',
      random: 0,
    });
    expect(a.pathname).toBe('/prefix/v4/group_open_http_svc/send_group_msg');
    expect(b.href).toBe(a.href);
  });

  it('encodes an identifier with reserved characters instead of splicing it', () => {
    const url = buildRequestUrl('https://x', 'v4/openim/sendmsg', {
      sdkAppId: 1,
      identifier: 'a&usersig=evil',
      userSig: 's',
      random: 1,
    });
    expect(url.searchParams.getAll('usersig')).toEqual(['s']);
    expect(url.searchParams.get('identifier')).toBe('a&usersig=evil');
  });
});

describe('regions', () => {
  it('maps every documented region to its admin API domain', () => {
    expect(TENCENT_REGION_DOMAINS.china).toBe('console.tim.qq.com');
    expect(regionBaseUrl('seoul')).toBe('https://adminapikr.im.qcloud.com');
    expect(regionBaseUrl('frankfurt')).toBe('https://adminapiger.im.qcloud.com');
    expect(regionBaseUrl('silicon-valley')).toBe('https://adminapiusa.im.qcloud.com');
    expect(regionBaseUrl('jakarta')).toBe('https://adminapiidn.im.qcloud.com');
  });
});

describe('error mapping', () => {
  it('explains every code the brief names with a sentence and a fix', () => {
    for (const code of [
      70001, 70003, 70013, 70107, 20003, 20006, 90001, 90009, 90048, 91000, 10004, 10007, 10010, 10015,
    ]) {
      const why = explainTencentError(code);
      expect(why.known, String(code)).toBe(true);
      expect(why.meaning).toMatch(/^[A-Z].+\.$/);
      expect(why.fix).toMatch(/^[A-Z].+\.$/);
    }
    expect(Object.keys(TENCENT_ERRORS).length).toBeGreaterThan(60);
  });

  it('says an expired UserSig is retryable and names the clock', () => {
    expect(explainTencentError(70001)).toMatchObject({
      retryable: true,
      meaning: 'The UserSig has expired.',
    });
    expect(explainTencentError(70001).fix).toMatch(/clock/);
    expect(explainTencentError(90048).retryable).toBe(false);
  });

  it('still names the code when it is unknown', () => {
    const why = explainTencentError(123456);
    expect(why.known).toBe(false);
    expect(why.meaning).toContain('123456');
  });

  it('turns a refusal into a COMMAND_FAILED LabError with hint and raw detail', () => {
    const error = new TencentApiError('v4/openim/sendmsg', 90048, 'account not exist');
    expect(error).toBeInstanceOf(LabError);
    expect(error.toInfo()).toEqual({
      code: 'COMMAND_FAILED',
      message: 'Tencent IM refused v4/openim/sendmsg: The requested user account does not exist.',
      hint: explainTencentError(90048).fix,
      detail: 'ErrorCode 90048: account not exist',
      zh: {
        message: '腾讯 IM 拒绝了 v4/openim/sendmsg：请求的用户账号不存在。',
        hint: explainTencentErrorZh(90048).fix,
      },
    });
    expect(error.tencentCode).toBe(90048);
  });
});

describe('parseResponse', () => {
  it('accepts the documented common fields', () => {
    expect(
      parseResponse('{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MsgKey":"k","MsgTime":1}'),
    ).toMatchObject({ ErrorCode: 0, MsgKey: 'k' });
    expect(parseResponse('{"ActionStatus":"FAIL","ErrorCode":70001}')).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 70001,
      ErrorInfo: '',
    });
  });
  it('rejects anything else', () => {
    expect(parseResponse('<html>')).toBeUndefined();
    expect(parseResponse('null')).toBeUndefined();
    expect(parseResponse('{"ErrorCode":"0","ActionStatus":"OK"}')).toBeUndefined();
    expect(parseResponse('{"ErrorCode":0,"ActionStatus":"MAYBE"}')).toBeUndefined();
  });
});

describe('redactSecrets', () => {
  it('removes every occurrence of each secret', () => {
    expect(redactSecrets('key=s3cret-key sig=abcdEFG and s3cret-key', ['s3cret-key', 'abcdEFG'])).toBe(
      'key=[redacted] sig=[redacted] and [redacted]',
    );
  });
  it('ignores tiny strings that would shred the text', () => {
    expect(redactSecrets('a b c', ['a'])).toBe('a b c');
  });
});

describe('createTencentImClient options', () => {
  const good = { sdkAppId: 20001234, secretKey: 'k'.repeat(16), adminIdentifier: 'administrator' };
  it('refuses unusable settings with INVALID_ARGUMENT and never echoes the key', () => {
    const cases = [
      { ...good, sdkAppId: 0 },
      { ...good, secretKey: '   ' },
      { ...good, adminIdentifier: 'has space' },
      { ...good, adminIdentifier: '' },
      { ...good, timeoutMs: 0 },
    ];
    for (const options of cases) {
      try {
        createTencentImClient(options);
        expect.unreachable('should throw');
      } catch (error) {
        expect(error).toBeInstanceOf(LabError);
        expect((error as LabError).code).toBe('INVALID_ARGUMENT');
        expect(JSON.stringify((error as LabError).toInfo())).not.toContain('kkkkkkkk');
      }
    }
  });
  it('accepts good settings without sending anything', () => {
    expect(createTencentImClient(good)).toHaveProperty('sendC2C');
  });
});
