/**
 * The push lab's direct paths (no Tencent): every phone's app holds a vendor token, logged as
 * Tencent's offline-push SDK logs it; a loopback FCM server (with a service account made now)
 * accepts pushes to the FCM phones' tokens and the direct router delivers them. The six Chinese
 * vendors' emulators (world/vendor-push.ts) deliver on their own; their phones log the token the
 * emulator knows (`vendorToken`), so a plan reading tokens from logcat reaches them.
 */
import { randomBytes } from 'node:crypto';
import { makeFcmToken, makeServiceAccount } from '../fcm/credentials';
import { startFcmServer, type FcmServer } from '../fcm/server';
import type { RoutedPhone } from '../tencent/router';
import { createDirectRouter, logPushToken, type DirectRouter } from './direct-router';
import { bridgeFcm } from './fcm-bridge';

export const PUSH_LAB_FCM_PROJECT = 'pushlab-demo';
/** The environment variable the world's diagnose plans read the FCM service-account JSON from. */
export const PUSH_LAB_FCM_ENV = 'PUSHLAB_FCM_SERVICE_ACCOUNT';
/** The business id the virtual apps report with their token (Tencent console: vendor certificate id). */
const BUSINESS_ID = 10_001;

export interface DirectPaths {
  /** Each phone's vendor token, by serial. */
  readonly tokens: ReadonlyMap<string, string>;
  readonly router: DirectRouter;
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
  /** The phones plugged in now. */
  readonly plugged: () => readonly RoutedPhone[];
  readonly package: string;
  readonly appLabel: string;
  readonly defaultChannelId: string;
  /** A faulty vendor: the direct pushes it loses. */
  readonly drops?: (channel: string, serial: string) => boolean;
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
  const bySerialToken = new Map([...tokens].map(([serial, token]) => [token, serial]));
  for (const phone of options.phones) logPushToken(phone, tokens.get(phone.serial) ?? '', BUSINESS_ID);
  const router = createDirectRouter({
    phones: options.plugged,
    package: options.package,
    tokens: bySerialToken,
    appLabel: options.appLabel,
    defaultChannelId: options.defaultChannelId,
    ...(options.drops === undefined ? {} : { drops: options.drops }),
  });
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
  const off = bridgeFcm(server, router);
  return {
    tokens,
    router,
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
