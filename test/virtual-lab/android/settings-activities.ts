/**
 * Settings screens `am start` can open on this phone besides the apps' launcher activities:
 * - AOSP Settings actions (Settings$AppNotificationSettingsActivity for
 *   android.settings.APP_NOTIFICATION_SETTINGS, Android 8+, and friends), as declared in
 *   packages/apps/Settings AndroidManifest.xml.
 * - Vendor autostart / background screens by explicit component, the ones apps deep-link to
 *   (as public code uses them: com.miui.securitycenter/com.miui.permcenter.autostart.
 *   AutoStartManagementActivity, com.huawei.systemmanager/.startupmgr.ui.
 *   StartupNormalAppListActivity, com.vivo.permissionmanager/.activity.BgStartUpManagerActivity,
 *   ...). ColorOS 12+ keeps its startup manager in com.oplus.battery and refuses the shell
 *   ("requires oplus.permission.OPLUS_COMPONENT_SAFE", seena98/auto_start_flutter#30).
 */
import type { PhoneState } from './state';
import type { VendorFamily } from './vendor';

export interface SettingsActivity {
  readonly package: string;
  /** Fully qualified class name. */
  readonly activity: string;
  /** The permission a caller needs; the shell (uid 2000) does not hold it. */
  readonly requiresPermission?: string;
}

const SETTINGS = 'com.android.settings';

/** Implicit Settings actions -> the AOSP activity that handles them (and the release they need). */
const ACTIONS: ReadonlyArray<readonly [string, string, number]> = [
  [
    'android.settings.APP_NOTIFICATION_SETTINGS',
    'com.android.settings.Settings$AppNotificationSettingsActivity',
    26,
  ],
  [
    'android.settings.CHANNEL_NOTIFICATION_SETTINGS',
    'com.android.settings.Settings$ChannelNotificationSettingsActivity',
    26,
  ],
  [
    'android.settings.APPLICATION_DETAILS_SETTINGS',
    'com.android.settings.applications.InstalledAppDetails',
    9,
  ],
  [
    'android.settings.IGNORE_BATTERY_OPTIMIZATION_SETTINGS',
    'com.android.settings.Settings$HighPowerApplicationsActivity',
    23,
  ],
  ['android.settings.ZEN_MODE_SETTINGS', 'com.android.settings.Settings$ZenModeSettingsActivity', 23],
  [
    'android.settings.NOTIFICATION_SETTINGS',
    'com.android.settings.Settings$ConfigureNotificationSettingsActivity',
    23,
  ],
];

/** The activity an implicit Settings action resolves to, if this release has it. */
export function resolveSettingsAction(phone: PhoneState, action: string | null): SettingsActivity | null {
  const found = ACTIONS.find(([a, , since]) => a === action && phone.sdk >= since);
  return found ? { package: SETTINGS, activity: found[1] } : null;
}

function vendorScreens(family: VendorFamily, sdk: number): SettingsActivity[] {
  switch (family) {
    case 'xiaomi':
      return [
        {
          package: 'com.miui.securitycenter',
          activity: 'com.miui.permcenter.autostart.AutoStartManagementActivity',
        },
        { package: 'com.miui.securitycenter', activity: 'com.miui.powercenter.PowerSettings' },
      ];
    case 'huawei':
      return [
        {
          package: 'com.huawei.systemmanager',
          activity: 'com.huawei.systemmanager.startupmgr.ui.StartupNormalAppListActivity',
        },
        {
          package: 'com.huawei.systemmanager',
          activity: 'com.huawei.systemmanager.optimize.process.ProtectActivity',
        },
        {
          package: 'com.huawei.systemmanager',
          activity: 'com.huawei.systemmanager.appcontrol.activity.StartupAppControlActivity',
        },
      ];
    case 'honor':
      return [
        {
          package: 'com.hihonor.systemmanager',
          activity: 'com.hihonor.systemmanager.startupmgr.ui.StartupNormalAppListActivity',
        },
      ];
    case 'oppo':
      return sdk >= 31
        ? [
            {
              package: 'com.oplus.battery',
              activity: 'com.oplus.startupapp.view.StartupAppListActivity',
              requiresPermission: 'oplus.permission.OPLUS_COMPONENT_SAFE',
            },
          ]
        : [
            {
              package: 'com.coloros.safecenter',
              activity: 'com.coloros.safecenter.permission.startup.StartupAppListActivity',
            },
            {
              package: 'com.coloros.safecenter',
              activity: 'com.coloros.safecenter.startupapp.StartupAppListActivity',
            },
          ];
    case 'vivo':
      return [
        {
          package: 'com.vivo.permissionmanager',
          activity: 'com.vivo.permissionmanager.activity.BgStartUpManagerActivity',
        },
        { package: 'com.iqoo.secure', activity: 'com.iqoo.secure.ui.phoneoptimize.AddWhiteListActivity' },
        { package: 'com.iqoo.secure', activity: 'com.iqoo.secure.ui.phoneoptimize.BgStartUpManager' },
      ];
    case 'meizu':
      return [{ package: 'com.meizu.safe', activity: 'com.meizu.safe.permission.SmartBGActivity' }];
    case 'samsung':
      return [
        {
          package: 'com.samsung.android.lool',
          activity: 'com.samsung.android.sm.battery.ui.BatteryActivity',
        },
      ];
    case 'oneplus':
    case 'google':
    case 'generic':
      return [];
  }
}

/** An exported settings activity of this phone by explicit component, if the package is installed. */
export function findSettingsActivity(
  phone: PhoneState,
  pkg: string,
  activity: string,
): SettingsActivity | null {
  const aosp = ACTIONS.find(([, cls, since]) => pkg === SETTINGS && cls === activity && phone.sdk >= since);
  if (aosp) return { package: SETTINGS, activity };
  const screen = vendorScreens(phone.vendor.family, phone.sdk).find(
    (s) => s.package === pkg && s.activity === activity,
  );
  const app = phone.packages.get(pkg);
  return screen && app?.installed && app.enabled ? screen : null;
}
