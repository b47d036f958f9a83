/**
 * What the local APNs server answers, written down independently of PushLab's client map (a unit
 * test compares the two): Apple's status per reason, and the payload shape per push type.
 */
export type ApnsEnvironment = 'sandbox' | 'production';

export const APNS_STATUS = {
  BadCollapseId: 400,
  BadDeviceToken: 400,
  BadExpirationDate: 400,
  BadMessageId: 400,
  BadPriority: 400,
  BadTopic: 400,
  DeviceTokenNotForTopic: 400,
  DuplicateHeaders: 400,
  IdleTimeout: 400,
  InvalidPushType: 400,
  MissingDeviceToken: 400,
  MissingTopic: 400,
  PayloadEmpty: 400,
  TopicDisallowed: 400,
  BadCertificate: 403,
  BadCertificateEnvironment: 403,
  ExpiredProviderToken: 403,
  Forbidden: 403,
  InvalidProviderToken: 403,
  MissingProviderToken: 403,
  UnrelatedKeyIdInToken: 403,
  BadEnvironmentKeyIdInToken: 403,
  BadPath: 404,
  MethodNotAllowed: 405,
  ExpiredToken: 410,
  Unregistered: 410,
  PayloadTooLarge: 413,
  TooManyProviderTokenUpdates: 429,
  TooManyRequests: 429,
  InternalServerError: 500,
  ServiceUnavailable: 503,
  Shutdown: 503,
} as const;

export type ApnsRefusal = keyof typeof APNS_STATUS;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The payload's problem for this push type, or null. Apple documents no reason for a malformed
 * payload; PayloadEmpty (nothing usable) is the closest. The push-type checks are stricter than
 * Apple (which may deliver or silently drop such pushes) so a sender mistake shows up in tests.
 */
export function payloadProblem(text: string, pushType: string): ApnsRefusal | null {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return 'PayloadEmpty';
  }
  if (!isObject(payload) || !isObject(payload.aps)) return 'PayloadEmpty';
  const aps = payload.aps;
  if (pushType === 'alert') {
    const alert = aps.alert;
    const shows =
      typeof alert === 'string'
        ? alert !== ''
        : isObject(alert) && (typeof alert.body === 'string' || typeof alert.title === 'string');
    if (!shows && aps.sound === undefined && aps.badge === undefined) return 'InvalidPushType';
  }
  if (pushType === 'background') {
    if (
      aps['content-available'] !== 1 ||
      aps.alert !== undefined ||
      aps.sound !== undefined ||
      aps.badge !== undefined
    )
      return 'InvalidPushType';
  }
  return null;
}
