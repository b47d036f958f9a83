/**
 * APNs error reasons (the `reason` of a non-200 answer), each as a plain sentence plus the fix.
 * Source: Apple, "Handling notification responses from APNs" (reference/protocols.md §5), and
 * the seeds for BadDeviceToken (a Debug build's token sent to production or the reverse).
 */
export interface ApnsReasonExplanation {
  /** The HTTP status Apple documents for the reason. */
  readonly status: number;
  /** What happened, in one plain sentence. */
  readonly meaning: string;
  /** What to do next. */
  readonly fix: string;
  /** Whether the same request may succeed if simply sent again later. */
  readonly retryable: boolean;
}

export const APNS_REASON_NAMES = [
  // 400
  'BadCollapseId',
  'BadDeviceToken',
  'BadExpirationDate',
  'BadMessageId',
  'BadPriority',
  'BadTopic',
  'DeviceTokenNotForTopic',
  'DuplicateHeaders',
  'IdleTimeout',
  'InvalidPushType',
  'MissingDeviceToken',
  'MissingTopic',
  'PayloadEmpty',
  'TopicDisallowed',
  // 403
  'BadCertificate',
  'BadCertificateEnvironment',
  'ExpiredProviderToken',
  'Forbidden',
  'InvalidProviderToken',
  'MissingProviderToken',
  'UnrelatedKeyIdInToken',
  'BadEnvironmentKeyIdInToken',
  // 404, 405, 410, 413, 429, 500, 503
  'BadPath',
  'MethodNotAllowed',
  'ExpiredToken',
  'Unregistered',
  'PayloadTooLarge',
  'TooManyProviderTokenUpdates',
  'TooManyRequests',
  'InternalServerError',
  'ServiceUnavailable',
  'Shutdown',
] as const;

export type ApnsReason = (typeof APNS_REASON_NAMES)[number];

const e = (status: number, meaning: string, fix: string, retryable = false): ApnsReasonExplanation => ({
  status,
  meaning,
  fix,
  retryable,
});

const SENDER_BUG =
  "PushLab built a request APNs does not accept: please report this with the attempt's send evidence.";
const KEY_FIX =
  'Check sender.teamId, sender.keyId and the .p8 key: the key must be the one with ' +
  'that Key ID (Certificates, IDs & Profiles > Keys), from the team with that Team ' +
  'ID, with APNs enabled.';
const RETRY = "Wait a moment and run again; if it persists, check Apple's system status page.";

export const APNS_REASONS: Readonly<Record<ApnsReason, ApnsReasonExplanation>> = {
  BadCollapseId: e(
    400,
    'The apns-collapse-id is longer than 64 bytes.',
    'Shorten sender.collapseId to at most 64 bytes.',
  ),
  BadDeviceToken: e(
    400,
    "APNs does not accept this device token here: most often a Debug build's token " +
      "(sandbox) was sent to production, or a Release/TestFlight/App Store build's token " +
      '(production) was sent to sandbox ("bad devicetoken").',
    'Match sender.environment to the build that reported the token: "sandbox" for a ' +
      'Debug (development-signed) build, "production" for Release, TestFlight, Ad Hoc ' +
      'and App Store builds. If they match, copy the token again from this phone: it ' +
      'must be the whole hex string the app got in didRegisterForRemoteNotificationsWithDeviceToken.',
  ),
  BadExpirationDate: e(
    400,
    'The apns-expiration value is not a valid time.',
    'Set sender.expiration to seconds from the send (0 = deliver once, never store).',
  ),
  BadMessageId: e(400, 'The apns-id header is not a valid UUID.', SENDER_BUG),
  BadPriority: e(
    400,
    'The apns-priority is not allowed for this push (a background push must use 5).',
    'Set sender.priority to 10 for alerts or 5 for background pushes.',
  ),
  BadTopic: e(
    400,
    'The apns-topic is not valid.',
    "Set sender.topic to the app's bundle ID exactly, such as com.example.app.",
  ),
  DeviceTokenNotForTopic: e(
    400,
    'The device token belongs to a different app (bundle ID) than sender.topic.',
    'Use the token this app reported on this phone, or set sender.topic to the bundle ID of the app that reported it.',
  ),
  DuplicateHeaders: e(400, 'A header was sent twice.', SENDER_BUG),
  IdleTimeout: e(
    400,
    'APNs closed the connection after it sat idle too long.',
    'Run again: PushLab opens a new connection.',
    true,
  ),
  InvalidPushType: e(
    400,
    'The apns-push-type does not match the payload or the topic.',
    'Use sender.pushType "alert" for visible notifications and "background" for silent ones (content-available).',
  ),
  MissingDeviceToken: e(
    400,
    'The request carried no device token.',
    "Add the phone's token under app.tokens.serials in the plan.",
  ),
  MissingTopic: e(
    400,
    'The request has no apns-topic, which token authentication requires.',
    "Set sender.topic to the app's bundle ID.",
  ),
  PayloadEmpty: e(400, 'The notification payload was empty.', SENDER_BUG),
  TopicDisallowed: e(
    400,
    "Pushing to this topic is not allowed (for example a VoIP topic with an alert push, or a bundle ID outside the key's team).",
    "Set sender.topic to the app's own bundle ID (no .voip or .complication suffix) from the team of the .p8 key.",
  ),
  BadCertificate: e(
    403,
    'APNs rejected the client certificate.',
    'PushLab uses a .p8 key (token auth), not a certificate: check that nothing between this computer and Apple rewrites the TLS connection.',
  ),
  BadCertificateEnvironment: e(
    403,
    'The credentials are for the other APNs environment.',
    'Set sender.environment to the environment the key or certificate was made for.',
  ),
  ExpiredProviderToken: e(
    403,
    'APNs considers the provider token (JWT) older than one hour.',
    "Check that this computer's clock is right (PushLab renews its token every 50 minutes), then run again.",
    true,
  ),
  Forbidden: e(403, 'APNs refused the request for this team, key or topic.', KEY_FIX),
  InvalidProviderToken: e(
    403,
    'The provider token (JWT) is not valid: its signature, Key ID or Team ID does not match a key APNs knows.',
    KEY_FIX,
  ),
  MissingProviderToken: e(403, 'The request carried no provider token (JWT).', KEY_FIX),
  UnrelatedKeyIdInToken: e(
    403,
    'The Key ID changed on a connection that started with another key.',
    'Use one .p8 key per sender; run again so PushLab opens a new connection.',
  ),
  BadEnvironmentKeyIdInToken: e(
    403,
    'The .p8 key is limited to the other APNs environment.',
    "Use a key enabled for this environment, or set sender.environment to the key's environment.",
  ),
  BadPath: e(
    404,
    'The request path is wrong (it must be /3/device/<token>).',
    "Check sender.baseUrl: leave it out to use Apple's servers.",
  ),
  MethodNotAllowed: e(405, 'APNs only accepts POST.', SENDER_BUG),
  ExpiredToken: e(
    410,
    'The device token has expired.',
    'Open the app on this phone so it registers again, and put the new token under app.tokens.serials.',
  ),
  Unregistered: e(
    410,
    'The device token is no longer active for this app (the app was deleted, or notifications were reset).',
    'Reinstall or open the app on this phone so it registers again, and put the new token under app.tokens.serials.',
  ),
  PayloadTooLarge: e(
    413,
    'The payload is larger than APNs accepts (4096 bytes).',
    "Shorten the scenario's title, text or ext.",
  ),
  TooManyProviderTokenUpdates: e(
    429,
    'The provider token was changed too often (more than once every 20 minutes).',
    'Wait 20 minutes and run again; do not share the .p8 key with a sender that renews on its own schedule on the same connection.',
    true,
  ),
  TooManyRequests: e(
    429,
    'Too many pushes went to this device token in a short time.',
    'Wait a few minutes, or run fewer repeats in a row on this phone.',
    true,
  ),
  InternalServerError: e(500, 'APNs had an internal error.', RETRY, true),
  ServiceUnavailable: e(503, 'APNs is unavailable for now.', RETRY, true),
  Shutdown: e(503, 'The APNs server was shutting down.', 'Run again: PushLab opens a new connection.', true),
};

/** Looks a reason up; unknown or missing reasons get a sentence that still names the status. */
export function explainApnsReason(
  reason: string | null,
  status: number,
): ApnsReasonExplanation & { readonly known: boolean } {
  if (reason !== null && Object.hasOwn(APNS_REASONS, reason))
    return { ...APNS_REASONS[reason as ApnsReason], known: true };
  return {
    status,
    meaning:
      reason === null
        ? `APNs answered with HTTP ${status} and no reason.`
        : `APNs refused the push with reason "${reason.slice(0, 100)}" (HTTP ${status}).`,
    fix:
      status >= 500 ? RETRY : 'Look the reason up in Apple\'s "Handling notification responses from APNs".',
    retryable: status >= 500,
    known: false,
  };
}
