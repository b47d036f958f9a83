/**
 * Hands what the loopback FCM server accepted to the direct router: the Android notification of
 * an FCM HTTP v1 message (title, body, channel_id) and the data's "ext". A data-only message
 * shows nothing by itself (the app would have to post it), so it is not delivered as one.
 */
import type { FcmServer } from '../fcm/server';
import type { DirectRouter } from './direct-router';

interface FcmShape {
  readonly token?: string;
  readonly android?: { readonly notification?: { title?: string; body?: string; channel_id?: string } };
  readonly data?: Readonly<Record<string, string>>;
}

export function bridgeFcm(server: Pick<FcmServer, 'onMessage'>, router: DirectRouter): () => void {
  return server.onMessage((accepted) => {
    const message = accepted.message as FcmShape;
    const notification = message.android?.notification;
    if (message.token === undefined || notification?.body === undefined) return;
    router.deliver('fcm', message.token, {
      title: notification.title ?? null,
      text: notification.body,
      channelId: notification.channel_id ?? null,
      ...(message.data?.ext === undefined ? {} : { ext: message.data.ext }),
    });
  });
}
