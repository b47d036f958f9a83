import { describe, expect, it } from 'vitest';
import {
  parseForegroundActivity,
  parseKeyguard,
  parseWakefulness,
} from '../../../electron/lab/android/parsers/device-state';
import { fixture, fixtureNames } from './fixtures';

describe('parseWakefulness', () => {
  it.each([
    ['android15-awake-power-groups-1.txt', 'awake'],
    ['android9-dozing-2.txt', 'dozing'],
    ['oem-wakefulness-getter-3.txt', 'dreaming'],
  ] as const)('%s -> %s', (name, state) => {
    expect(parseWakefulness(fixture('dumpsys-power', name))).toBe(state);
  });

  it('covers every power sample', () => {
    expect(fixtureNames('dumpsys-power')).toHaveLength(3);
  });

  it('ignores the numeric mWakefulness of power groups and answers null without a state name', () => {
    expect(parseWakefulness('Power Group User Activity:\nmWakefulness=1\n')).toBeNull();
    expect(parseWakefulness('')).toBeNull();
    expect(parseWakefulness("Permission Denial: can't dump PowerManagerService")).toBeNull();
  });

  it('reads Asleep and a CRLF capture', () => {
    expect(
      parseWakefulness('Power Manager State:\r\n  mWakefulness=Asleep\r\n  mWakefulnessChanging=false\r\n'),
    ).toBe('asleep');
  });
});

describe('parseKeyguard', () => {
  it.each([
    ['android12-keyguard-secure-1.txt', { showing: true, secure: true }],
    ['android9-unlocked-settings-2.txt', { showing: false, secure: false }],
    ['android7-lockscreen-legacy-3.txt', { showing: true, secure: null }],
    ['samsung-flip-two-displays-4.txt', { showing: null, secure: null }],
  ] as const)('%s -> %j', (name, state) => {
    expect(parseKeyguard(fixture('dumpsys-window', name))).toEqual(state);
  });

  it('reads the activity dump keyguard line when that is all there is', () => {
    expect(parseKeyguard(fixture('dumpsys-activity', 'asleep-nothing-resumed-4.txt')).showing).toBe(true);
  });

  it('reads older dumps where only mDreamingLockscreen says locked', () => {
    expect(
      parseKeyguard(
        '    mShowingLockscreen=false mShowingDream=true mDreamingLockscreen=true mDreamingSleepToken=null',
      ),
    ).toEqual({
      showing: true,
      secure: null,
    });
  });
});

describe('parseForegroundActivity', () => {
  it.each([
    [
      'dumpsys-activity',
      'android9-settings-resumed-1.txt',
      { package: 'com.android.settings', activity: 'com.android.settings.Settings' },
    ],
    [
      'dumpsys-activity',
      'android13-top-resumed-2.txt',
      { package: 'dev.telemachus.display', activity: 'dev.telemachus.display.MainActivity' },
    ],
    [
      'dumpsys-activity',
      'android7-focused-activity-3.txt',
      { package: 'com.android.settings', activity: 'com.android.settings.SubSettings' },
    ],
    ['dumpsys-activity', 'asleep-nothing-resumed-4.txt', null],
    [
      'dumpsys-window',
      'android9-unlocked-settings-2.txt',
      { package: 'com.android.settings', activity: 'com.android.settings.Settings' },
    ],
    [
      'dumpsys-window',
      'android12-keyguard-secure-1.txt',
      { package: 'app.kanade.tachiyomi.at.debug', activity: 'eu.kanade.tachiyomi.ui.main.MainActivity' },
    ],
    [
      'dumpsys-window',
      'samsung-flip-two-displays-4.txt',
      { package: 'eu.niko.smart.universal', activity: 'crc648a3abc16689e594e.MainActivity' },
    ],
  ] as const)('%s/%s', (kind, name, expected) => {
    expect(parseForegroundActivity(fixture(kind, name))).toEqual(expected);
  });

  it('covers every activity sample', () => {
    expect(fixtureNames('dumpsys-activity')).toHaveLength(4);
  });

  it('reads record variants: decimal hash, trailing comma, stray brace, no user', () => {
    expect(
      parseForegroundActivity(
        '  topResumedActivity=ActivityRecord{1a70f4a u0 com.smile.gifmaker/com.yxcorp.gifshow.HomeActivity} t6294}',
      ),
    ).toEqual({
      package: 'com.smile.gifmaker',
      activity: 'com.yxcorp.gifshow.HomeActivity',
    });
    expect(
      parseForegroundActivity(
        'mFocusedApp=AppWindowToken{20fe217e token=Token{21878739 ActivityRecord{16425300 u0 com.example/.Main, isShadow:false t10}}}',
      ),
    ).toEqual({
      package: 'com.example',
      activity: 'com.example.Main',
    });
    expect(
      parseForegroundActivity(
        'mCurrentFocus=Window{4330b6c0 com.android.settings/com.android.settings.SubSettings paused=false}',
      ),
    ).toEqual({
      package: 'com.android.settings',
      activity: 'com.android.settings.SubSettings',
    });
  });

  it('answers null for null records and windows that are not activities', () => {
    expect(
      parseForegroundActivity(
        '  mResumedActivity: null\n  mCurrentFocus=Window{84d8d2e u0 NotificationShade}\n',
      ),
    ).toBeNull();
  });
});
