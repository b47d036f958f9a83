import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../../electron/lab/doctor/facts-types';
import {
  PIXEL_15,
  XIAOMI_HYPEROS,
  byId,
  channelText,
  evaluate,
  healthyFacts,
  identityOf,
  notificationDumpText,
  withNotifications,
  withSetting,
} from './helpers';

const pixel = identityOf(PIXEL_15);
const zen = (mode: string, channels = [channelText('im_push')]) =>
  withNotifications(emptyFacts(), notificationDumpText({ zen: mode, channels }));

describe('Do Not Disturb', () => {
  it('is ok when off, quoting the zen line', () => {
    expect(byId(evaluate(healthyFacts(), pixel), 'dnd.mode')).toMatchObject({
      status: 'ok',
      evidence: 'mZenMode=ZEN_MODE_OFF',
    });
  });

  it('warns for each on-mode with its own advice', () => {
    expect(byId(evaluate(zen('ZEN_MODE_IMPORTANT_INTERRUPTIONS'), pixel), 'dnd.mode')).toMatchObject({
      status: 'warn',
      advice: { key: 'check.dnd.important' },
    });
    expect(byId(evaluate(zen('ZEN_MODE_ALARMS'), pixel), 'dnd.mode').advice.key).toBe('check.dnd.alarms');
    expect(byId(evaluate(zen('ZEN_MODE_NO_INTERRUPTIONS'), pixel), 'dnd.mode').advice.key).toBe(
      'check.dnd.total',
    );
  });

  it('is ok in priority mode when every named channel may bypass DND, but not in total silence', () => {
    const bypass = [channelText('im_push', { bypassDnd: true })];
    expect(byId(evaluate(zen('ZEN_MODE_IMPORTANT_INTERRUPTIONS', bypass), pixel), 'dnd.mode')).toMatchObject({
      status: 'ok',
      advice: { key: 'check.dnd.bypass' },
    });
    expect(byId(evaluate(zen('ZEN_MODE_NO_INTERRUPTIONS', bypass), pixel), 'dnd.mode').status).toBe('warn');
  });

  it('falls back to the zen_mode setting when the dump was not read, and is unknown with neither', () => {
    const facts = withSetting(emptyFacts(), 'global/zen_mode', '1');
    expect(byId(evaluate(facts, pixel), 'dnd.mode')).toMatchObject({
      status: 'warn',
      evidence: 'settings get global zen_mode: 1',
    });
    expect(byId(evaluate(emptyFacts(), pixel), 'dnd.mode').status).toBe('unknown');
  });
});

describe('lock screen', () => {
  it('is ok when shown or unset (the default), warns when hidden', () => {
    expect(byId(evaluate(healthyFacts(), pixel), 'lockscreen.notifications').status).toBe('ok');
    const unset = withSetting(emptyFacts(), 'secure/lock_screen_show_notifications', null);
    expect(byId(evaluate(unset, pixel), 'lockscreen.notifications')).toMatchObject({
      status: 'ok',
      evidence: 'settings get secure lock_screen_show_notifications: null',
    });
    const hidden = withSetting(emptyFacts(), 'secure/lock_screen_show_notifications', '0');
    expect(byId(evaluate(hidden, pixel), 'lockscreen.notifications')).toMatchObject({
      status: 'warn',
      settingsPath: null,
    });
  });

  it("gives the ROM's lock-screen path when hidden on a vendor phone", () => {
    const hidden = withSetting(emptyFacts(), 'secure/lock_screen_allow_private_notifications', '0');
    const check = byId(evaluate(hidden, identityOf(XIAOMI_HYPEROS)), 'lockscreen.private');
    expect(check).toMatchObject({
      status: 'warn',
      advice: { key: 'check.lockscreen.private.hidden' },
      settingsPath: { key: 'vendor.xiaomi.lockScreen' },
    });
  });

  it('is unknown when the setting was not read', () => {
    expect(byId(evaluate(emptyFacts(), pixel), 'lockscreen.private').status).toBe('unknown');
  });
});
