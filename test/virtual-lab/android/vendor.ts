/**
 * Vendor family from a phone's real properties, and the system packages such a phone ships:
 * launcher, System UI, settings and the push services the offline-push channels depend on.
 *
 * Package names and install paths follow the real captures (test/fixtures/pm-list-packages: MIUI
 * /HyperOS paths such as /system_ext/priv-app/MiuiSystemUI, /product/app/XiaomiServiceFramework*),
 * the Tencent IM vendor-channel guides (/work/shared/seeds), and public code referencing the
 * services (Honor: com.hihonor.android.pushagent, see HonorPush SDK users on GitHub; HMS Core:
 * com.huawei.hwid, fei-ke/HMSPush). Version codes are realistic shapes (HMS Core 60800300 on
 * HarmonyOS 4 per the brief, Play services YYWWBBxxx), not copied from a given phone.
 * Push service package names and the ROM properties come from the vendor table (shared/vendors),
 * so the virtual phones ship exactly what the identity reader looks for. The family here is the
 * software a phone runs (a pre-split Honor is a Huawei phone inside), not its vendor group.
 */
import { CHANNEL_TABLE, VENDOR_TABLE, type VendorId } from '../../../shared/vendors/vendor-table';

export type VendorFamily =
  'xiaomi' | 'huawei' | 'honor' | 'oppo' | 'oneplus' | 'vivo' | 'meizu' | 'samsung' | 'google' | 'generic';

export interface ComponentRef {
  readonly package: string;
  /** Fully qualified class name. */
  readonly activity: string;
}

export interface VendorInfo {
  readonly family: VendorFamily;
  readonly launcher: ComponentRef;
  /** Google Play services present and usable (Google-certified build). */
  readonly gms: boolean;
}

export interface SystemPackageSpec {
  readonly name: string;
  readonly versionCode: number;
  readonly versionName: string;
  /** APK path (sourceDir) as `pm list packages -f` prints it. */
  readonly apkPath: string;
  readonly launcherActivity?: string;
  /** Started at boot (persistent or push keep-alive). */
  readonly running?: boolean;
  /** Notification channels the package has created (Android 8+). */
  readonly channels?: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly importance: number;
  }>;
}

type Props = ReadonlyMap<string, string>;
const has = (p: Props, k: string): boolean => (p.get(k) ?? '') !== '';
const lower = (p: Props, k: string): string => (p.get(k) ?? '').toLowerCase();
/** The phone sets one of the properties the vendor table lists for this vendor's ROMs. */
const runsRomOf = (p: Props, id: VendorId): boolean => VENDOR_TABLE[id].romProps.some((k) => has(p, k));

/** Push service packages, from the vendor table. */
const PUSH = {
  xiaomi: CHANNEL_TABLE.xiaomi.services[0].package,
  huawei: CHANNEL_TABLE.huawei.services[0].package,
  honor: CHANNEL_TABLE.honor.services[0].package,
  heytap: CHANNEL_TABLE.oppo.services[0].package,
  coloros: CHANNEL_TABLE.oppo.services[1].package,
  vivo: CHANNEL_TABLE.vivo.services[0].package,
  meizu: CHANNEL_TABLE.meizu.services[0].package,
  gms: CHANNEL_TABLE.fcm.services[0].package,
} as const;

/** Detects the ROM family from properties (ROM-specific keys first, then maker/brand). */
export function detectFamily(props: Props): VendorFamily {
  const maker = lower(props, 'ro.product.manufacturer');
  const brand = lower(props, 'ro.product.brand');
  if (runsRomOf(props, 'xiaomi')) return 'xiaomi';
  // Post-split Honor (MagicOS, maker HONOR) runs Honor services; older Honor models are Huawei inside.
  if (maker === 'honor') return 'honor';
  if (runsRomOf(props, 'huawei') || maker === 'huawei') return 'huawei';
  // ColorOS base only: OxygenOS before 13 (ro.oxygen.version) is not ColorOS inside.
  if (has(props, 'ro.build.version.oplusrom') || has(props, 'ro.build.version.opporom')) return 'oppo';
  if (maker === 'oneplus') return 'oneplus';
  if (runsRomOf(props, 'vivo') || maker === 'vivo') return 'vivo';
  if (runsRomOf(props, 'meizu') || maker === 'meizu') return 'meizu';
  if (maker === 'samsung') return 'samsung';
  if (brand === 'google' || maker === 'google') return 'google';
  return 'generic';
}

function launcherFor(family: VendorFamily, sdk: number): ComponentRef {
  switch (family) {
    case 'xiaomi':
      return { package: 'com.miui.home', activity: 'com.miui.home.launcher.Launcher' };
    case 'huawei':
      return {
        package: 'com.huawei.android.launcher',
        activity: 'com.huawei.android.launcher.unihome.UniHomeLauncher',
      };
    case 'honor':
      return {
        package: 'com.hihonor.android.launcher',
        activity: 'com.hihonor.android.launcher.unihome.UniHomeLauncher',
      };
    case 'oppo':
      return { package: 'com.android.launcher', activity: 'com.android.launcher.Launcher' };
    case 'oneplus':
      return { package: 'net.oneplus.launcher', activity: 'net.oneplus.launcher.Launcher' };
    case 'vivo':
      return { package: 'com.bbk.launcher2', activity: 'com.bbk.launcher2.Launcher' };
    case 'meizu':
      return { package: 'com.meizu.flyme.launcher', activity: 'com.meizu.flyme.launcher.Launcher' };
    case 'samsung':
      return sdk >= 28
        ? {
            package: 'com.sec.android.app.launcher',
            activity: 'com.sec.android.app.launcher.activities.LauncherActivity',
          }
        : { package: 'com.sec.android.app.launcher', activity: 'com.android.launcher3.Launcher' };
    case 'google':
      return {
        package: 'com.google.android.apps.nexuslauncher',
        activity: 'com.google.android.apps.nexuslauncher.NexusLauncherActivity',
      };
    case 'generic':
      return {
        package: 'com.android.launcher3',
        activity: 'com.android.launcher3.uioverride.QuickstepLauncher',
      };
  }
}

/**
 * Google-certified: Pixels always; others when the build carries a GMS version and is not a
 * mainland-China build (those ship the package dormant at most). Samsung's China models do run GMS,
 * and pre-2019 global Huawei/Honor builds (e.g. the EMUI 8 Honor View 10 capture) were certified.
 */
function hasUsableGms(family: VendorFamily, props: Props): boolean {
  if (family === 'google') return true;
  if (!has(props, 'ro.com.google.gmsversion')) return false;
  if (family === 'samsung') return true;
  const locale = lower(props, 'ro.product.locale');
  const region = lower(props, 'ro.miui.region');
  const china = locale === 'zh-cn' || locale.startsWith('zh-hans') || region === 'cn';
  return !china;
}

/** The vendor facts a virtual phone needs. */
export function detectVendor(props: Props, sdk: number): VendorInfo {
  const family = detectFamily(props);
  return { family, launcher: launcherFor(family, sdk), gms: hasUsableGms(family, props) };
}

/** Where the framework keeps privileged system apps on this Android version. */
function privApp(sdk: number, dir: string, systemExt = false): string {
  const root = systemExt && sdk >= 30 ? '/system_ext/priv-app' : '/system/priv-app';
  return `${root}/${dir}/${dir}.apk`;
}

function gmsVersion(sdk: number): { code: number; name: string } {
  if (sdk >= 34) return { code: 252434035, name: '25.24.34 (190400-773467133)' };
  if (sdk >= 31) return { code: 244736022, name: '24.47.36 (190400-702487236)' };
  if (sdk >= 29) return { code: 233013019, name: '23.30.13 (190400-551264497)' };
  return { code: 214218022, name: '21.42.18 (100400-410282486)' };
}

function hmsVersion(props: Props): { code: number; name: string } {
  const emui = /EmotionUI_(\d+)/.exec(props.get('ro.build.version.emui') ?? '');
  const major = Number(emui?.[1] ?? '0');
  if (has(props, 'hw_sc.build.platform.version') || major >= 11) return { code: 60800300, name: '6.8.0.300' };
  if (major >= 10) return { code: 60200304, name: '6.2.0.304' };
  return { code: 40006306, name: '4.0.0.306' };
}

function vendorPackages(info: VendorInfo, props: Props, sdk: number): SystemPackageSpec[] {
  const launcher = info.launcher;
  const home = (dir: string, path?: string): SystemPackageSpec => ({
    name: launcher.package,
    versionCode: 410000000 + sdk,
    versionName: `${sdk >= 30 ? 'RELEASE-' : ''}4.${sdk}.0`,
    apkPath: path ?? privApp(sdk, dir),
    launcherActivity: launcher.activity,
    running: true,
  });
  const global = lower(props, 'ro.product.mod_device').includes('global');
  switch (info.family) {
    case 'xiaomi':
      return [
        home('MiuiHome', sdk >= 30 ? '/product/priv-app/MiuiHome/MiuiHome.apk' : undefined),
        {
          name: PUSH.xiaomi,
          versionCode: 60010,
          versionName: '6.0.10-GN',
          running: true,
          apkPath: global
            ? '/product/app/XiaomiServiceFrameworkGlobal/XiaomiServiceFrameworkGlobal.apk'
            : '/system/app/XiaomiServiceFramework/XiaomiServiceFramework.apk',
        },
        {
          name: 'com.miui.securitycenter',
          versionCode: 40000997,
          versionName: '9.9.97-240920.0.1',
          apkPath: privApp(sdk, 'SecurityCenter'),
        },
        ...(has(props, 'ro.mi.os.version.name')
          ? [
              {
                name: 'com.xiaomi.xmsfkeeper',
                versionCode: 10019,
                versionName: '1.0.19',
                apkPath: '/product/app/XmsfKeeper/XmsfKeeper.apk',
              },
            ]
          : []),
      ];
    case 'huawei': {
      const hms = hmsVersion(props);
      const base =
        sdk >= 30
          ? '/data/app/~~Kq3X0pF6mBNaRb2u8Jt1Yw==/com.huawei.hwid-7cP2xQm1aH9Wn4eZkVJr5A=='
          : '/data/app/com.huawei.hwid-7cP2xQm1aH9Wn4eZkVJr5A==';
      return [
        home('HwLauncher6'),
        {
          name: PUSH.huawei,
          versionCode: hms.code,
          versionName: hms.name,
          apkPath: `${base}/base.apk`,
          running: true,
        },
        {
          name: 'com.huawei.android.pushagent',
          versionCode: 3000300,
          versionName: '3.0.3.300',
          apkPath: '/system/app/HwPushService/HwPushService.apk',
          running: true,
        },
        {
          name: 'com.huawei.systemmanager',
          versionCode: 1401001,
          versionName: '14.0.1.1',
          apkPath: privApp(sdk, 'HwSystemManager'),
        },
      ];
    }
    case 'honor':
      return [
        home('HnLauncher'),
        {
          name: PUSH.honor,
          versionCode: 90803300,
          versionName: '9.0.8.300',
          apkPath: '/system/app/HnPushService/HnPushService.apk',
          running: true,
        },
        {
          name: 'com.hihonor.id',
          versionCode: 90200302,
          versionName: '9.0.2.302',
          apkPath: privApp(sdk, 'HnId'),
        },
        {
          name: 'com.hihonor.systemmanager',
          versionCode: 900002,
          versionName: '9.0.0.2',
          apkPath: privApp(sdk, 'HnSystemManager'),
        },
      ];
    case 'oppo': {
      const heytap = sdk >= 29 || has(props, 'ro.build.version.oplusrom');
      return [
        home(
          'Launcher3',
          sdk >= 30 ? '/system_ext/priv-app/Launcher/Launcher.apk' : '/system/priv-app/Launcher/Launcher.apk',
        ),
        heytap
          ? {
              name: PUSH.heytap,
              versionCode: 6020,
              versionName: '6.0.20',
              apkPath: '/system/app/Mcs/Mcs.apk',
              running: true,
            }
          : {
              name: PUSH.coloros,
              versionCode: 2101,
              versionName: '2.1.1',
              apkPath: '/system/app/Mcs/Mcs.apk',
              running: true,
            },
        {
          name: 'com.coloros.safecenter',
          versionCode: 15001006,
          versionName: '15.1.6',
          apkPath: privApp(sdk, 'SafeCenter'),
        },
        // ColorOS 12+ moved the startup (autostart) manager into the battery app.
        ...(sdk >= 31
          ? [
              {
                name: 'com.oplus.battery',
                versionCode: 15003002,
                versionName: '15.3.2',
                apkPath: privApp(sdk, 'Battery'),
              },
            ]
          : []),
      ];
    }
    case 'oneplus':
      return [home('OPLauncher2')];
    case 'vivo':
      return [
        home('BBKLauncher2'),
        {
          name: PUSH.vivo,
          versionCode: 3601,
          versionName: '3.6.0.1',
          apkPath: '/system/app/VivoPushService/VivoPushService.apk',
          running: true,
        },
        {
          name: 'com.iqoo.secure',
          versionCode: 991500,
          versionName: '9.9.15.0',
          apkPath: privApp(sdk, 'iQooSecure'),
        },
        {
          name: 'com.vivo.permissionmanager',
          versionCode: 110001,
          versionName: '11.0.1',
          apkPath: privApp(sdk, 'VivoPermissionManager'),
        },
      ];
    case 'meizu':
      return [
        home('FlymeLauncher'),
        {
          name: PUSH.meizu,
          versionCode: 9017001,
          versionName: '9.17.1',
          apkPath: privApp(sdk, 'MzCloudService'),
          running: true,
        },
        {
          name: 'com.meizu.safe',
          versionCode: 12003000,
          versionName: '12.3.0',
          apkPath: privApp(sdk, 'SafeCenter'),
        },
      ];
    case 'samsung':
      return [
        home('TouchWizHome_2017', privApp(sdk, 'TouchWizHome_2017')),
        {
          name: 'com.samsung.android.lool',
          versionCode: 1500000,
          versionName: '15.0.00',
          apkPath: privApp(sdk, 'SmartManager_v6_DeviceSecurity'),
        },
      ];
    case 'google':
      return [home('NexusLauncherRelease', privApp(sdk, 'NexusLauncherRelease', true))];
    case 'generic':
      return [home('Launcher3QuickStep', privApp(sdk, 'Launcher3QuickStep', true))];
  }
}

/** Every preinstalled package of this phone: AOSP core, vendor apps and push services. */
export function systemPackages(info: VendorInfo, props: Props, sdk: number): SystemPackageSpec[] {
  const release = props.get('ro.build.version.release') ?? String(sdk);
  const core = (name: string, apkPath: string, running = false): SystemPackageSpec => ({
    name,
    versionCode: sdk,
    versionName: release,
    apkPath,
    running,
  });
  const xiaomi = info.family === 'xiaomi';
  const packages: SystemPackageSpec[] = [
    {
      ...core('android', '/system/framework/framework-res.apk'),
      channels: [
        { id: 'DEVELOPER_IMPORTANT', name: 'Important developer messages', importance: 4 },
        { id: 'USB', name: 'USB', importance: 1 },
      ],
    },
    {
      ...core(
        'com.android.systemui',
        xiaomi ? '/system_ext/priv-app/MiuiSystemUI/MiuiSystemUI.apk' : privApp(sdk, 'SystemUI', true),
        true,
      ),
      channels: [
        { id: 'ALR', name: 'Alerts', importance: 4 },
        { id: 'GEN', name: 'General Messages', importance: 2 },
      ],
    },
    {
      ...core('com.android.settings', privApp(sdk, 'Settings', true)),
      launcherActivity: 'com.android.settings.Settings',
    },
    core('com.android.shell', privApp(sdk, 'Shell')),
    core('com.android.providers.settings', privApp(sdk, 'SettingsProvider')),
    core('com.android.phone', privApp(sdk, 'TeleService'), true),
    core(
      sdk >= 29 && info.gms ? 'com.google.android.packageinstaller' : 'com.android.packageinstaller',
      privApp(sdk, 'PackageInstaller'),
    ),
    ...vendorPackages(info, props, sdk),
  ];
  if (info.gms) {
    const gms = gmsVersion(sdk);
    packages.push(
      {
        name: PUSH.gms,
        versionCode: gms.code,
        versionName: gms.name,
        running: true,
        apkPath:
          sdk >= 30
            ? '/data/app/~~X4yfMW2cupabl2fSrUlMVQ==/com.google.android.gms-L6p01kjAwGkF07gk39m3eg==/base.apk'
            : privApp(sdk, 'GmsCore'),
      },
      {
        name: 'com.android.vending',
        versionCode: 84122130,
        versionName: '41.2.21-31 [0] [PR] 732254390',
        apkPath: privApp(sdk, 'Phonesky'),
      },
    );
  }
  return packages;
}

/**
 * Doze allow-lists that ship in the system image (SystemConfig allow-in-power-save[-except-idle]):
 * the shell and Play services as on the HyperOS capture (test/fixtures/deviceidle), and, as we
 * assume, each ROM's own push service. `user` is what the ROM puts on the user list itself
 * (the HyperOS capture lists com.xiaomi.xmsf, com.miui.home and com.android.systemui there).
 */
export function systemDozeAllowlist(
  info: VendorInfo,
  sdk: number,
): {
  readonly dozeSystem: readonly string[];
  readonly dozeExceptIdle: readonly string[];
  readonly dozeUser: readonly string[];
} {
  const push: Record<VendorFamily, readonly string[]> = {
    xiaomi: [],
    huawei: ['com.huawei.android.pushagent', PUSH.huawei],
    honor: [PUSH.honor],
    oppo: [sdk >= 29 ? PUSH.heytap : PUSH.coloros],
    oneplus: [],
    vivo: [PUSH.vivo],
    meizu: [PUSH.meizu],
    samsung: [],
    google: [],
    generic: [],
  };
  const system = ['com.android.shell', ...push[info.family], ...(info.gms ? [PUSH.gms] : [])];
  const exceptIdle = [...system, ...(info.gms ? ['com.android.vending'] : [])];
  const user = info.family === 'xiaomi' ? [PUSH.xiaomi, 'com.miui.home', 'com.android.systemui'] : [];
  return { dozeSystem: system, dozeExceptIdle: exceptIdle, dozeUser: user };
}
