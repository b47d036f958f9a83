import { describe, expect, it } from 'vitest';
import { channelIdSchema, doctorSubjectSchema, packageNameSchema } from '../../../shared/ipc';
import {
  checkPackageName,
  formatChannelIds,
  MAX_CHANNEL_IDS,
  parseChannelIds,
} from '../../../renderer/src/doctor/subject-input';

const PACKAGES = [
  'com.tencent.qcloud.tim.tuikit',
  'com.example.chat',
  'a.b',
  'A1_.b',
  'com.example_app.Push2',
  'com',
  'com.',
  '.com.example',
  'com..example',
  '1com.example',
  'com.1example',
  'com.exa-mple',
  'com.example app',
  'com.example;rm -rf /',
  'com.example$(id)',
  'com.例子.chat',
  'x'.repeat(250) + '.abcd',
  'x'.repeat(251) + '.abcd',
  'ab',
];

describe('checkPackageName', () => {
  it('accepts exactly what packageNameSchema accepts (the core validates again)', () => {
    for (const name of PACKAGES) {
      expect(checkPackageName(name).ok, name).toBe(packageNameSchema.safeParse(name).success);
    }
  });

  it('forgives surrounding spaces and says why a name is refused', () => {
    expect(checkPackageName('  com.example.chat \n')).toEqual({ ok: true, value: 'com.example.chat' });
    expect(checkPackageName('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkPackageName('com.example;reboot')).toEqual({ ok: false, reason: 'format' });
    expect(checkPackageName(`com.${'a'.repeat(300)}`)).toEqual({ ok: false, reason: 'tooLong' });
  });
});

describe('parseChannelIds', () => {
  it('splits on ASCII and full-width commas and new lines, trims, drops blanks and repeats', () => {
    expect(parseChannelIds(' im_message, tim_push ，call\n,, im_message ')).toEqual({
      ok: true,
      value: ['im_message', 'tim_push', 'call'],
    });
    expect(parseChannelIds('')).toEqual({ ok: true, value: [] });
  });

  it('refuses ids the contract refuses, naming the bad one', () => {
    expect(parseChannelIds('ok_one, has space')).toEqual({ ok: false, reason: 'invalid', id: 'has space' });
    expect(parseChannelIds('ok_one, 中文渠道')).toEqual({ ok: false, reason: 'invalid', id: '中文渠道' });
    expect(parseChannelIds('ok_one, tab\there')).toEqual({ ok: false, reason: 'invalid', id: 'tab\there' });
    const long = 'c'.repeat(201);
    expect(parseChannelIds(long)).toEqual({ ok: false, reason: 'tooLong', id: long });
    const many = Array.from({ length: MAX_CHANNEL_IDS + 1 }, (_, i) => `ch${i}`).join(',');
    expect(parseChannelIds(many)).toEqual({ ok: false, reason: 'tooMany', count: MAX_CHANNEL_IDS + 1 });
  });

  it('every accepted list passes the doctor:run schema', () => {
    for (const text of [
      'im_message',
      'a,b,c',
      "quote'd, semi;colon, $(x)",
      Array.from({ length: MAX_CHANNEL_IDS }, (_, i) => `c${i}`).join(','),
    ]) {
      const parsed = parseChannelIds(text);
      expect(parsed.ok, text).toBe(true);
      if (!parsed.ok) continue;
      for (const id of parsed.value) expect(channelIdSchema.safeParse(id).success, id).toBe(true);
      expect(
        doctorSubjectSchema.safeParse({
          serial: 'abc',
          package: 'com.example.chat',
          channelIds: parsed.value,
        }).success,
      ).toBe(true);
    }
  });

  it('round-trips through the text form', () => {
    const ids = ['im_message', 'tim_push'];
    expect(parseChannelIds(formatChannelIds(ids))).toEqual({ ok: true, value: ids });
  });
});
