/**
 * The push lab's direct paths (no Tencent): every phone's app holds a vendor token, logged as
 * Tencent's offline-push SDK logs it; a loopback FCM server (with a service account made now)
 * accepts pushes to the FCM phones' tokens, and the world's one direct delivery
 * (vendor-push/deliver.ts, which the six vendor emulators feed too) hands them to the phones. The
 * vendors' phones log the token their emulator knows (`vendorToken`), so a plan reading tokens from
 * logcat reaches them.
 */
import { randomBytes } from 'node:crypto';
import { appendLog } from '../android/logbuffer';
import { makeFcmToken, makeServiceAccount } from '../fcm/credentials';
import { fcmPushSource } from '../fcm/push-source';
import { startFcmServer, type FcmServer } from '../fcm/server';
import type { RoutedPhone } from '../tencent/router';
import type { VendorDelivery } from '../vendor-push/deliver';

export const PUSH_LAB_FCM_PROJECT = 'pushlab-demo';
/** The environment variable the world's diagnose plans read the FCM service-account JSON from. */
export const PUSH_LAB_FCM_ENV = 'PUSHLAB_FCM_SERVICE_ACCOUNT';
/** The business id the virtual apps report with their token (Tencent console: vendor certificate id). */
const BUSINESS_ID = 10_001;

export interface DirectPaths {
  /** Each phone's vendor token, by serial. */
  readonly tokens: ReadonlyMap<string, string>;
  readonly fcm: {
    readonly server: FcmServer;
    readonly projectId: string;
    /** The service-account JSON key (the plan reads it by reference, never inline). */
    readonly serviceAccountJson: string;
  };
  close(): Promise<void>;
}

export interface DirectPathsOptions {
  readonly phones: readonly RoutedPhone[];
  readonly package: string;
  /** The world's direct delivery: the FCM server's pushes go to the phones through it. */
  readonly delivery: VendorDelivery;
  /** The FCM server's loopback port (a free one when it is taken); default a free one. */
  readonly fcmPort?: number;
  /**
   * A phone's token from the vendor emulators (the world's vendors.token), so both worlds know one
   * token per phone; null (or absent) for a phone no emulator serves: a token is made here.
   */
  readonly vendorToken?: (serial: string) => string | null;
}

function tokenFor(channel: string): string {
  // FCM's real shape; the others base64 as the vendors' regIds and tokens look.
  return channel === 'fcm' ? makeFcmToken() : randomBytes(33).toString('base64');
}

export async function startDirectPaths(options: DirectPathsOptions): Promise<DirectPaths> {
  const tokens = new Map(
    options.phones.map((p) => [p.serial, options.vendorToken?.(p.serial) ?? tokenFor(p.channel)]),
  );
  for (const phone of options.phones) logPushToken(phone, tokens.get(phone.serial) ?? '', BUSINESS_ID);
  const fcmOptions = {
    accounts: [],
    devices: options.phones
      .filter((p) => p.channel === 'fcm')
      .map((p) => ({ token: tokens.get(p.serial) ?? '', projectId: PUSH_LAB_FCM_PROJECT })),
  };
  const server = await startFcmServer({ ...fcmOptions, port: options.fcmPort ?? 0 }).catch(
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      return startFcmServer(fcmOptions);
    },
  );
  const account = makeServiceAccount({ projectId: PUSH_LAB_FCM_PROJECT, tokenUri: server.tokenUrl });
  server.addAccount({
    clientEmail: account.clientEmail,
    publicKey: account.publicKey,
    projectIds: [PUSH_LAB_FCM_PROJECT],
  });
  const fcmOwners = new Map(
    options.phones.filter((p) => p.channel === 'fcm').map((p) => [tokens.get(p.serial) ?? '', p.serial]),
  );
  const off = options.delivery.connect(fcmPushSource(server, options.package), fcmOwners);
  return {
    tokens,
    fcm: { server, projectId: PUSH_LAB_FCM_PROJECT, serviceAccountJson: account.json },
    async close() {
      off();
      await server.close();
    },
  };
}

/** The diagnose mode's FCM vendor sender for this world (the key by reference). */
export function fcmVendorSender(
  paths: DirectPaths,
  serviceAccount: { env: string } | { file: string } = { env: PUSH_LAB_FCM_ENV },
): Record<string, unknown> {
  return {
    kind: 'fcm',
    projectId: paths.fcm.projectId,
    serviceAccount,
    priority: 'high',
    baseUrl: paths.fcm.server.url,
    tokenUrl: paths.fcm.server.tokenUrl,
  };
}

/**
 * What Tencent's offline-push SDK logs once the app handed its vendor token to Tencent
 * (TUIOfflinePushManager.setOfflinePushConfig; shared/runs/token-presets.ts "tencent-offline-push").
 */
export function logPushToken(phone: RoutedPhone, token: string, businessId: number): void {
  appendLog(phone.android.state, {
    pid: 12_345,
    priority: 'I',
    tag: 'TUIOfflinePush-TUIOfflinePushManager',
    message: `setOfflinePushConfig businessID = ${businessId} pushToken = ${token}`,
  });
}
