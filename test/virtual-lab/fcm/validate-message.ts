/**
 * The local FCM server's body checks for messages:send, after the v1 Message schema (target,
 * notification, data, android): unknown fields, wrong types, reserved data keys and oversized
 * payloads are refused with Google's INVALID_ARGUMENT wording.
 */
export interface MessageProblem {
  /** Google's message text. */
  readonly message: string;
  /** The field, for the BadRequest fieldViolation. */
  readonly field: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const MESSAGE_FIELDS = [
  'name',
  'token',
  'topic',
  'condition',
  'notification',
  'data',
  'android',
  'apns',
  'webpush',
  'fcm_options',
];
const NOTIFICATION_FIELDS = ['title', 'body', 'image'];
const ANDROID_FIELDS = [
  'collapse_key',
  'priority',
  'ttl',
  'restricted_package_name',
  'data',
  'notification',
  'fcm_options',
  'direct_boot_ok',
];
const ANDROID_NOTIFICATION_STRINGS = [
  'title',
  'body',
  'icon',
  'color',
  'sound',
  'tag',
  'click_action',
  'body_loc_key',
  'title_loc_key',
  'channel_id',
  'ticker',
  'image',
  'notification_priority',
  'visibility',
];
const ANDROID_NOTIFICATION_OTHER = [
  'body_loc_args',
  'title_loc_args',
  'sticky',
  'event_time',
  'local_only',
  'default_sound',
  'default_vibrate_timings',
  'default_light_settings',
  'vibrate_timings',
  'light_settings',
  'notification_count',
];
/** FCM's limit for a message to a token. */
export const FCM_PAYLOAD_LIMIT = 4096;

const unknownName = (name: string, at: string): MessageProblem => ({
  message: `Invalid JSON payload received. Unknown name "${name}" at '${at}': Cannot find field.`,
  field: at,
});
const badValue = (at: string, what: string): MessageProblem => ({
  message: `Invalid value at '${at}' (${what})`,
  field: at,
});

function unknownKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  at: string,
): MessageProblem | null {
  const extra = Object.keys(value).find((k) => !allowed.includes(k));
  return extra === undefined ? null : unknownName(extra, at);
}

function stringMap(value: unknown, at: string): MessageProblem | null {
  if (!isObject(value)) return badValue(at, 'map<string, string>');
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string') return badValue(`${at}[${key}]`, 'TYPE_STRING');
    if (key === 'from' || /^(google|gcm)/i.test(key))
      return { message: `Invalid data payload key: ${key}`, field: at };
  }
  return null;
}

/** The problem with a send body ({message, validate_only?}), or null when FCM would take it. */
export function messageProblem(body: unknown): MessageProblem | null {
  if (!isObject(body)) return { message: 'Invalid JSON payload received. Expected an object.', field: '' };
  const top = unknownKeys(body, ['message', 'validate_only'], '');
  if (top) return top;
  const message = body.message;
  if (!isObject(message)) return { message: 'Request contains an invalid argument.', field: 'message' };
  const bad = unknownKeys(message, MESSAGE_FIELDS, 'message');
  if (bad) return bad;
  const targets = ['token', 'topic', 'condition'].filter((k) => message[k] !== undefined);
  if (targets.length !== 1)
    return { message: 'Exactly one of token, topic or condition must be specified.', field: 'message' };
  if (message.token !== undefined && typeof message.token !== 'string')
    return badValue('message.token', 'TYPE_STRING');
  if (message.notification !== undefined) {
    if (!isObject(message.notification)) return badValue('message.notification', 'TYPE_MESSAGE');
    const n = unknownKeys(message.notification, NOTIFICATION_FIELDS, 'message.notification');
    if (n) return n;
    for (const [k, v] of Object.entries(message.notification))
      if (typeof v !== 'string') return badValue(`message.notification.${k}`, 'TYPE_STRING');
  }
  if (message.data !== undefined) {
    const d = stringMap(message.data, 'message.data');
    if (d) return d;
  }
  if (message.android !== undefined) {
    const a = androidProblem(message.android);
    if (a) return a;
  }
  const size = Buffer.byteLength(
    JSON.stringify({
      notification: message.notification ?? null,
      data: message.data ?? null,
      android: isObject(message.android) ? (message.android.notification ?? null) : null,
    }),
  );
  if (size > FCM_PAYLOAD_LIMIT) return { message: 'Message is too big', field: 'message' };
  return null;
}

function androidProblem(android: unknown): MessageProblem | null {
  if (!isObject(android)) return badValue('message.android', 'TYPE_MESSAGE');
  const bad = unknownKeys(android, ANDROID_FIELDS, 'message.android');
  if (bad) return bad;
  if (android.priority !== undefined && android.priority !== 'NORMAL' && android.priority !== 'HIGH')
    return badValue('message.android.priority', `"${String(android.priority)}"`);
  if (
    android.ttl !== undefined &&
    (typeof android.ttl !== 'string' || !/^\d+(\.\d{1,9})?s$/.test(android.ttl))
  )
    return badValue('message.android.ttl', 'Duration');
  if (android.data !== undefined) {
    const d = stringMap(android.data, 'message.android.data');
    if (d) return d;
  }
  const n = android.notification;
  if (n === undefined) return null;
  if (!isObject(n)) return badValue('message.android.notification', 'TYPE_MESSAGE');
  const unknown = unknownKeys(
    n,
    [...ANDROID_NOTIFICATION_STRINGS, ...ANDROID_NOTIFICATION_OTHER],
    'message.android.notification',
  );
  if (unknown) return unknown;
  for (const k of ANDROID_NOTIFICATION_STRINGS)
    if (n[k] !== undefined && typeof n[k] !== 'string')
      return badValue(`message.android.notification.${k}`, 'TYPE_STRING');
  return null;
}
