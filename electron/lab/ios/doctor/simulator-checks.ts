/**
 * The doctor's checks for an app on an iOS simulator, from what can be read there: the simulator
 * booted and its runtime, the app installed, and the app's notification settings from the
 * BulletinBoard store (authorization, alert style, sounds, badges). None of the Android checks
 * (channels, battery, vendor limits, push services) exist on iOS, so none are shown. simctl cannot
 * change notification settings, so no check offers a fix. Pure: facts in, checks out.
 */
import type { CheckStatus, DoctorCheck, Message } from '../../../../shared/domain/doctor';
import type { TranslateArgs } from '../../../../shared/i18n';
import type { doctorIosEn } from '../../../../shared/i18n/doctor-ios.en';
import type { SimDevice } from '../../ios/parsers/simctl-list';
import type { NotificationPermission } from '../../ios/state/notification-settings';
import { clip } from '../../doctor/evidence';

type IosCheckKey = keyof typeof doctorIosEn;

function msg<K extends IosCheckKey>(key: K, ...values: TranslateArgs<K>): Message {
  const given = (values[0] ?? {}) as Readonly<Record<string, string | number>>;
  return { key, values: Object.fromEntries(Object.entries(given).map(([k, v]) => [k, String(v)])) };
}

export interface SimulatorFacts {
  readonly device: SimDevice;
  /** "18.0" from the runtime; null when simctl names none. */
  readonly iosVersion: string | null;
  /** The device type as people name it ("iPhone 16 Pro"). */
  readonly model: string;
  /** The app's bundle on the Mac (get_app_container), or null when it is not installed. */
  readonly appContainer: string | null;
  /** The BulletinBoard read, or why it failed. */
  readonly permission: NotificationPermission | { readonly state: 'error'; readonly message: string };
}

const check = (
  id: string,
  title: Message,
  status: CheckStatus,
  advice: Message,
  evidence: string | readonly string[],
): DoctorCheck => ({
  id,
  status,
  title,
  evidence: clip(evidence),
  advice,
  fixes: [],
  settingsPath: null,
});

/** The checks in the order a push travels: simulator, app, permission, then how it shows. */
export function simulatorChecks(facts: SimulatorFacts, bundleId: string): DoctorCheck[] {
  const { device } = facts;
  const booted = device.state === 'Booted';
  const checks: DoctorCheck[] = [
    check(
      'simulator.booted',
      msg('check.ios.booted.title'),
      booted ? 'ok' : 'fail',
      booted ? msg('check.ios.booted.ok') : msg('check.ios.booted.notBooted', { state: device.state }),
      `state: ${device.state}`,
    ),
    facts.iosVersion === null
      ? check(
          'simulator.runtime',
          msg('check.ios.runtime.title'),
          'unknown',
          msg('check.ios.runtime.unknown', { runtime: device.runtime }),
          `runtime: ${device.runtime}`,
        )
      : check(
          'simulator.runtime',
          msg('check.ios.runtime.title'),
          'ok',
          msg('check.ios.runtime.ok', { version: facts.iosVersion, model: facts.model }),
          `runtime: ${device.runtime}`,
        ),
  ];
  if (facts.appContainer === null) {
    checks.push(
      check(
        'app.installed',
        msg('check.ios.app.installed.title'),
        'fail',
        msg('check.ios.app.installed.missing', { bundle: bundleId }),
        `get_app_container ${bundleId}: not installed`,
      ),
    );
    return checks;
  }
  checks.push(
    check(
      'app.installed',
      msg('check.ios.app.installed.title'),
      'ok',
      msg('check.ios.app.installed.ok', { bundle: bundleId }),
      `get_app_container: …/${facts.appContainer.split('/').slice(-2).join('/')}`,
    ),
  );
  checks.push(...permissionChecks(facts.permission, bundleId));
  return checks;
}

function permissionChecks(permission: SimulatorFacts['permission'], bundle: string): DoctorCheck[] {
  const title = msg('check.ios.authorization.title');
  const id = 'notifications.authorization';
  switch (permission.state) {
    case 'error':
      return [
        check(
          id,
          title,
          'unknown',
          msg('check.ios.authorization.notRead', { reason: permission.message }),
          permission.message,
        ),
      ];
    case 'no-store':
      return [
        check(
          id,
          title,
          'fail',
          msg('check.ios.authorization.noStore'),
          'Library/BulletinBoard/VersionedSectionInfo.plist: not there yet',
        ),
      ];
    case 'not-asked':
      return [
        check(
          id,
          title,
          'fail',
          msg('check.ios.authorization.notAsked'),
          `BulletinBoard: no section for ${bundle}`,
        ),
      ];
    case 'read':
      break;
  }
  const s = permission.settings;
  const where = permission.file.split('/').at(-1) ?? permission.file;
  const evidence = `${where}: authorizationStatus ${s.statusCode ?? '—'} (${s.authorization})`;
  const authorization = ((): DoctorCheck => {
    switch (s.authorization) {
      case 'authorized':
        return check(id, title, 'ok', msg('check.ios.authorization.authorized'), evidence);
      case 'provisional':
        return check(id, title, 'warn', msg('check.ios.authorization.provisional'), evidence);
      case 'ephemeral':
        return check(id, title, 'ok', msg('check.ios.authorization.ephemeral'), evidence);
      case 'denied':
        return check(id, title, 'fail', msg('check.ios.authorization.denied', { bundle }), evidence);
      case 'notDetermined':
        return check(id, title, 'fail', msg('check.ios.authorization.notAsked'), evidence);
      case 'unknown':
        return check(id, title, 'unknown', msg('check.ios.authorization.unknown'), evidence);
    }
  })();
  // How a push shows only matters once notifications are allowed at all.
  if (s.allowed !== true) return [authorization];
  const style = s.alertStyle;
  const styleCheck =
    style === null
      ? check(
          'notifications.alert-style',
          msg('check.ios.alertStyle.title'),
          'unknown',
          msg('check.ios.alertStyle.unknown'),
          'alertType: not stated',
        )
      : check(
          'notifications.alert-style',
          msg('check.ios.alertStyle.title'),
          style === 'none' ? 'warn' : 'ok',
          style === 'none'
            ? msg('check.ios.alertStyle.none', { bundle })
            : style === 'banner'
              ? msg('check.ios.alertStyle.banner')
              : msg('check.ios.alertStyle.alert'),
          `alertType: ${style}`,
        );
  const toggle = (kind: 'sound' | 'badge', on: boolean | null): DoctorCheck => {
    const checkId = `notifications.${kind}`;
    const t = kind === 'sound' ? msg('check.ios.sound.title') : msg('check.ios.badge.title');
    if (on === null)
      return check(
        checkId,
        t,
        'unknown',
        kind === 'sound' ? msg('check.ios.sound.unknown') : msg('check.ios.badge.unknown'),
        'pushSettings: not stated',
      );
    const advice =
      kind === 'sound'
        ? on
          ? msg('check.ios.sound.on')
          : msg('check.ios.sound.off', { bundle })
        : on
          ? msg('check.ios.badge.on')
          : msg('check.ios.badge.off', { bundle });
    return check(
      checkId,
      t,
      on ? 'ok' : 'warn',
      advice,
      `pushSettings: ${kind === 'sound' ? 'sounds' : 'badges'} ${on ? 'on' : 'off'}`,
    );
  };
  return [authorization, styleCheck, toggle('sound', s.sound), toggle('badge', s.badge)];
}
