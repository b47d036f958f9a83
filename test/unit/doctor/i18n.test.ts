import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DoctorCheck, Message } from '../../../shared/domain/doctor';
import { LOCALES, translateDynamic } from '../../../shared/i18n';
import { doctorChecksEn } from '../../../shared/i18n/doctor-checks.en';
import { doctorChecksZh } from '../../../shared/i18n/doctor-checks.zh-CN';
import { emptyFacts } from '../../../electron/lab/doctor/facts-types';
import { fixtureNames } from '../android/fixtures';
import {
  channelText,
  evaluate,
  healthyFacts,
  identityOf,
  notificationDumpText,
  packageDumpText,
  withAppOps,
  withNotifications,
  withPackage,
  withSetting,
  withStandby,
} from './helpers';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Many phones in many states: every message the checks can produce shows up at least once. */
function sampleChecks(): DoctorCheck[] {
  const broken = [
    healthyFacts(),
    emptyFacts(),
    withPackage(emptyFacts(), 'Unable to find package\n'),
    withPackage(
      emptyFacts(),
      packageDumpText({
        stopped: true,
        notLaunched: true,
        enabled: 2,
        permission: 'granted=false, flags=[ USER_FIXED ]',
      }),
    ),
    withPackage(
      emptyFacts(),
      packageDumpText({
        stopped: true,
        suspended: true,
        permission: 'granted=false, flags=[ POLICY_FIXED ]',
      }),
    ),
    withPackage(emptyFacts(), packageDumpText({ permission: null })),
    withNotifications(
      emptyFacts(),
      notificationDumpText({
        appImportance: 'NONE',
        zen: 'ZEN_MODE_ALARMS',
        channels: [channelText('im_push', { importance: 0 })],
      }),
    ),
    withNotifications(
      emptyFacts(),
      notificationDumpText({
        zen: 'ZEN_MODE_NO_INTERRUPTIONS',
        channels: [channelText('im_push', { importance: 2 })],
      }),
    ),
    withNotifications(
      emptyFacts(),
      notificationDumpText({
        zen: 'ZEN_MODE_IMPORTANT_INTERRUPTIONS',
        channels: [channelText('im_push', { visibility: -1, bypassDnd: true })],
      }),
    ),
    withNotifications(
      emptyFacts(),
      notificationDumpText({
        zen: 'ZEN_MODE_IMPORTANT_INTERRUPTIONS',
        channels: [channelText('im_push', { deleted: true })],
      }),
    ),
    withAppOps(
      withStandby(emptyFacts(), '45'),
      'RUN_ANY_IN_BACKGROUND: ignore\nMIUIOP(10008): ignore\nMIUIOP(10020): deny\n',
    ),
    withAppOps(withStandby(emptyFacts(), '40'), 'RUN_ANY_IN_BACKGROUND: foo\nMIUIOP(10008): default\n'),
    withSetting(
      withSetting(
        withSetting(emptyFacts(), 'global/low_power', '1'),
        'secure/lock_screen_show_notifications',
        '0',
      ),
      'secure/lock_screen_allow_private_notifications',
      '0',
    ),
    { ...healthyFacts(), dataSaver: { text: 'Restrict background status: enabled', value: true } },
    {
      ...healthyFacts(),
      backgroundDataDenylist: { text: 'Restrict background blacklisted UIDs: 10312', value: [10312] },
    },
  ];
  const phones = [null, ...fixtureNames('getprop').map((n) => identityOf(n))];
  return phones.flatMap((phone) =>
    broken.flatMap((facts) => [...evaluate(facts, phone, ['im_push']), ...evaluate(facts, phone, [])]),
  );
}

const messagesOf = (checks: readonly DoctorCheck[]): Message[] =>
  checks.flatMap((c) => [c.title, c.advice, ...(c.settingsPath ? [c.settingsPath] : [])]);

describe('doctor messages', () => {
  const checks = sampleChecks();
  const messages = messagesOf(checks);

  it('use only keys of both catalogs and fill every placeholder, in every locale', () => {
    expect(messages.length).toBeGreaterThan(1000);
    for (const message of messages) {
      for (const locale of LOCALES) {
        const text = translateDynamic(locale, message.key, message.values);
        expect(text, `${locale} ${message.key}`).not.toBeNull();
        expect(text, `${locale} ${message.key}`).not.toMatch(/\{[A-Za-z0-9_]+\}/);
      }
    }
  });

  it('keep evidence within 300 characters and statuses within the contract', () => {
    for (const check of checks) {
      expect(check.evidence.length).toBeLessThanOrEqual(300);
      expect(['ok', 'warn', 'fail', 'unknown', 'manual']).toContain(check.status);
      if (check.status === 'manual') expect(check.settingsPath).not.toBeNull();
    }
  });

  it('have the same keys in English and Chinese, and every key is used', () => {
    expect(Object.keys(doctorChecksZh).sort()).toEqual(Object.keys(doctorChecksEn).sort());
    const sources = [
      ...listFiles(path.join(ROOT, 'electron/lab/doctor')).filter((f) => f.endsWith('.ts')),
      ...listFiles(path.join(ROOT, 'resources/vendor-settings')).filter((f) => f.endsWith('.json')),
    ]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const used = new Set(messages.map((m) => m.key));
    for (const key of Object.keys(doctorChecksEn)) {
      expect(used.has(key) || sources.includes(`'${key}'`) || sources.includes(`"${key}"`), key).toBe(true);
    }
  });

  it('are written in Chinese for the Chinese catalog', () => {
    for (const [key, text] of Object.entries(doctorChecksZh)) {
      if (key.startsWith('vendor.console.')) continue; // console names keep their product names
      expect(text, key).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
