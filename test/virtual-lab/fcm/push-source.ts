/**
 * The loopback FCM server as a push source for the direct delivery (vendor-push/deliver.ts), like
 * the six vendor emulators: an FCM HTTP v1 message becomes an accepted push with the Android
 * notification's title, body and channel_id and the data's "ext"; a message without a notification
 * body is a data message (the app would have to post it: nothing shows by itself). FCM has no
 * message class or daily cap, and the token does not name the app: `pkg` is the app that registered it.
 */
import type { AcceptedVendorPush, PushSource } from '../vendor-push/types';
import type { AcceptedFcmMessage, FcmServer } from './server';

interface FcmShape {
  readonly token?: string;
  readonly android?: { readonly notification?: { title?: string; body?: string; channel_id?: string } };
  readonly data?: Readonly<Record<string, string>>;
}

export function fcmAcceptedPush(accepted: AcceptedFcmMessage, pkg: string): AcceptedVendorPush | null {
  const message = accepted.message as FcmShape;
  if (message.token === undefined) return null;
  const notification = message.android?.notification;
  const body = notification?.body ?? null;
  return {
    vendor: 'fcm',
    messageId: accepted.name,
    token: message.token,
    package: pkg,
    kind: body === null ? 'data' : 'notification',
    title: body === null ? null : (notification?.title ?? null),
    body,
    channelId: body === null ? null : (notification?.channel_id ?? null),
    messageClass: 'high',
    ext: message.data?.ext ?? null,
    testMessage: false,
    receivedAt: accepted.receivedAt,
  };
}

export function fcmPushSource(server: Pick<FcmServer, 'onMessage'>, pkg: string): PushSource {
  return {
    onPush: (listener) =>
      server.onMessage((accepted) => {
        const push = fcmAcceptedPush(accepted, pkg);
        if (push !== null) listener(push);
      }),
  };
}
