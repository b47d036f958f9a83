/**
 * The direct vendor push side of the push lab world: the six loopback vendor emulators (Mi Push,
 * HMS, Honor, OPPO, vivo, Flyme) registered with the demo app, one push token per phone for the
 * phone's own vendor channel, and the one direct delivery that hands what an emulator accepts to
 * the phone owning the token (the direct paths connect the FCM server to it too). A run plan reaches them with `sender(vendor)` + `tokens()` (secrets by env
 * reference: put `env` into the core's environment). Quiet hours are off, so runs never depend on
 * the wall clock; per-device caps are the vendors' documented ones.
 */
import type { PushChannel } from '../../../shared/domain/device';
import type { LimitedVendor } from '../../../shared/push/vendor-limits';
import {
  makeClientSecret,
  makeHexSecret,
  makeHonorToken,
  makeHuaweiToken,
  makeMeizuPushId,
  makeOppoRegId,
  makeVivoRegId,
  makeXiaomiAppSecret,
  makeXiaomiRegId,
} from '../vendor-push/credentials';
import { connectVendorPushToPhones, type VendorDelivery, type VendorPhone } from '../vendor-push/deliver';
import type { DirectChannel, VendorDevice, VendorEmulator } from '../vendor-push/types';
import { startHonorServer, honorTokenUrl, type HonorServer } from '../honor/server';
import { startHuaweiServer, huaweiTokenUrl, type HuaweiServer } from '../huawei/server';
import { startMeizuServer, type MeizuServer } from '../meizu/server';
import { startOppoServer, type OppoServer } from '../oppo/server';
import { startVivoServer, type VivoServer } from '../vivo/server';
import { startXiaomiServer, type XiaomiServer } from '../xiaomi/server';
import { DEMO_CHANNELS } from './demo-app';

export const DIRECT_VENDORS = ['xiaomi', 'huawei', 'honor', 'oppo', 'vivo', 'meizu'] as const;

/** The environment variables the world's vendor plan senders read their secret from. */
export const VENDOR_SECRET_ENV: Readonly<Record<LimitedVendor, string>> = {
  xiaomi: 'PUSHLAB_XIAOMI_APP_SECRET',
  huawei: 'PUSHLAB_HUAWEI_CLIENT_SECRET',
  honor: 'PUSHLAB_HONOR_CLIENT_SECRET',
  oppo: 'PUSHLAB_OPPO_MASTER_SECRET',
  vivo: 'PUSHLAB_VIVO_APP_SECRET',
  meizu: 'PUSHLAB_MEIZU_APP_SECRET',
};

/** Console ids of the demo app on each vendor (not secrets). */
const IDS = {
  huaweiClientId: '108000001',
  honorAppId: '104400001',
  honorClientId: '2880000001',
  oppoAppKey: 'a1b2c3d4e5f60718',
  vivoAppId: '105',
  vivoAppKey: 'pushlab-vivo-key',
  meizuAppId: '123456',
} as const;

const TOKEN_MAKERS: Readonly<Record<LimitedVendor, () => string>> = {
  xiaomi: makeXiaomiRegId,
  huawei: makeHuaweiToken,
  honor: makeHonorToken,
  oppo: makeOppoRegId,
  vivo: makeVivoRegId,
  meizu: makeMeizuPushId,
};

/** The six emulators, each with its own fault switches (failNext, revoke…, unregister/unsubscribe). */
export interface VendorEmulators {
  readonly xiaomi: XiaomiServer;
  readonly huawei: HuaweiServer;
  readonly honor: HonorServer;
  readonly oppo: OppoServer;
  readonly vivo: VivoServer;
  readonly meizu: MeizuServer;
}

export interface VendorPushWorld {
  /** The emulators by vendor (url, accepted pushes, addDevice, fault switches). */
  readonly emulators: VendorEmulators;
  /** Every delivery decision so far (`log`), ground truth for the vendor path. */
  readonly delivery: VendorDelivery;
  /** Secret values by environment variable name (VENDOR_SECRET_ENV): add them to the core's env. */
  readonly env: Readonly<Record<string, string>>;
  /** The app's push token on this phone (by serial) for its channel; null when that is no direct vendor. */
  token(serial: string): string | null;
  /** serial -> token for the phones of this vendor (all direct-vendor phones without one): app.tokens.serials. */
  tokens(vendor?: LimitedVendor): Record<string, string>;
  /** The plan `sender` for the vendor against its emulator (JSON, validated with the plan). */
  sender(vendor: LimitedVendor): Record<string, unknown>;
  close(): Promise<void>;
}

const isDirectVendor = (channel: PushChannel): channel is LimitedVendor =>
  (DIRECT_VENDORS as readonly string[]).includes(channel);

export async function startVendorPushWorld(options: {
  readonly package: string;
  /** The app's label: the title a notification without one shows. */
  readonly appLabel?: string;
  readonly phones: () => readonly (VendorPhone & { readonly channel: PushChannel })[];
  readonly now?: () => number;
  /** A faulty vendor: the accepted pushes it loses for this phone (the world's vendorDrops). */
  readonly drops?: (channel: DirectChannel, serial: string) => boolean;
}): Promise<VendorPushWorld> {
  const pkg = options.package;
  const now = options.now ?? Date.now;
  const secrets: Record<LimitedVendor, string> = {
    xiaomi: makeXiaomiAppSecret(),
    huawei: makeClientSecret(),
    honor: makeClientSecret(),
    oppo: makeHexSecret(),
    vivo: makeHexSecret(),
    meizu: makeHexSecret(),
  };
  const owned = new Map<string, { readonly vendor: LimitedVendor; readonly token: string }>();
  for (const phone of options.phones()) {
    if (isDirectVendor(phone.channel))
      owned.set(phone.serial, { vendor: phone.channel, token: TOKEN_MAKERS[phone.channel]() });
  }
  const devicesOf = (vendor: LimitedVendor): VendorDevice[] =>
    [...owned.values()].filter((o) => o.vendor === vendor).map((o) => ({ token: o.token, package: pkg }));
  const started: VendorEmulator[] = [];
  const start = async <E extends VendorEmulator>(emulator: Promise<E>): Promise<E> => {
    const e = await emulator;
    started.push(e);
    return e;
  };
  try {
    const [xiaomi, huawei, honor, oppo, vivo, meizu] = await Promise.all([
      start(
        startXiaomiServer({
          apps: [
            {
              appSecret: secrets.xiaomi,
              package: pkg,
              channels: DEMO_CHANNELS.map((c) => ({
                id: c.id,
                kind: c.id === 'pushlab_public' ? ('public' as const) : ('private' as const),
              })),
            },
          ],
          devices: devicesOf('xiaomi'),
          now,
        }),
      ),
      start(
        startHuaweiServer({
          apps: [
            {
              clientId: IDS.huaweiClientId,
              clientSecret: secrets.huawei,
              appId: IDS.huaweiClientId,
              package: pkg,
              grantedCategories: ['IM'],
            },
          ],
          devices: devicesOf('huawei'),
          now,
        }),
      ),
      start(
        startHonorServer({
          apps: [
            { clientId: IDS.honorClientId, clientSecret: secrets.honor, appId: IDS.honorAppId, package: pkg },
          ],
          devices: devicesOf('honor'),
          now,
        }),
      ),
      start(
        startOppoServer({
          app: { appKey: IDS.oppoAppKey, masterSecret: secrets.oppo, package: pkg },
          devices: devicesOf('oppo'),
          now,
        }),
      ),
      start(
        startVivoServer({
          app: { appId: IDS.vivoAppId, appKey: IDS.vivoAppKey, appSecret: secrets.vivo, package: pkg },
          devices: devicesOf('vivo'),
          // The lab's vivo phones are registered test devices: pushMode test (the sender's default) reaches them.
          testDevices: devicesOf('vivo').map((d) => d.token),
          now,
        }),
      ),
      start(
        startMeizuServer({
          app: { appId: IDS.meizuAppId, appSecret: secrets.meizu, package: pkg },
          devices: devicesOf('meizu'),
          now,
        }),
      ),
    ]);
    const emulators: VendorEmulators = { xiaomi, huawei, honor, oppo, vivo, meizu };
    const owners = new Map([...owned].map(([serial, o]) => [o.token, serial]));
    const delivery = connectVendorPushToPhones(Object.values(emulators), {
      phones: options.phones,
      owners,
      now,
      ...(options.appLabel === undefined ? {} : { appLabel: options.appLabel }),
      ...(options.drops === undefined ? {} : { drops: options.drops }),
    });
    const senders: Record<LimitedVendor, Record<string, unknown>> = {
      xiaomi: { kind: 'xiaomi', appSecret: { env: VENDOR_SECRET_ENV.xiaomi }, channelId: 'pushlab_default' },
      huawei: {
        kind: 'huawei',
        clientId: IDS.huaweiClientId,
        clientSecret: { env: VENDOR_SECRET_ENV.huawei },
        channelId: 'pushlab_default',
        authUrl: huaweiTokenUrl(huawei),
      },
      honor: {
        kind: 'honor',
        appId: IDS.honorAppId,
        clientId: IDS.honorClientId,
        clientSecret: { env: VENDOR_SECRET_ENV.honor },
        authUrl: honorTokenUrl(honor),
      },
      oppo: {
        kind: 'oppo',
        appKey: IDS.oppoAppKey,
        masterSecret: { env: VENDOR_SECRET_ENV.oppo },
        channelId: 'pushlab_default',
      },
      vivo: {
        kind: 'vivo',
        appId: IDS.vivoAppId,
        appKey: IDS.vivoAppKey,
        appSecret: { env: VENDOR_SECRET_ENV.vivo },
      },
      meizu: { kind: 'meizu', appId: IDS.meizuAppId, appSecret: { env: VENDOR_SECRET_ENV.meizu } },
    };
    return {
      emulators,
      delivery,
      env: Object.fromEntries(DIRECT_VENDORS.map((v) => [VENDOR_SECRET_ENV[v], secrets[v]])),
      token: (serial) => owned.get(serial)?.token ?? null,
      tokens: (vendor) =>
        Object.fromEntries(
          [...owned]
            .filter(([, o]) => vendor === undefined || o.vendor === vendor)
            .map(([s, o]) => [s, o.token]),
        ),
      sender: (vendor) => ({ ...senders[vendor], baseUrl: emulators[vendor].url }),
      async close() {
        delivery.stop();
        await Promise.all(started.map((e) => e.close()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((e) => e.close()));
    throw error;
  }
}
