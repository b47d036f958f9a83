/**
 * Mi Push server error codes (dev.mi.com "服务端错误码参考", pId=1560, 2024-10-18) that a send to
 * one regId can meet, each as a plain sentence, the fix and the kind of fault. The answer's
 * `reason` is kept as the detail: for 20301 it says which target failed ("No valid targets!").
 */
import { explanation as e, type VendorError } from '../direct/refusal';

const RETRY =
  'Wait a moment and run again; if it persists, check the Mi Push status in the Xiaomi open platform.';
const SECRET =
  'Copy the AppSecret of this app from the Xiaomi open platform (app > Push > AppSecret) into the secret sender.appSecret names.';
const NEW_REGID =
  'Open the app on the phone so it registers again, and put the regId from MiPushClient.getRegId() under app.tokens.serials.';
const SHORTEN = "Shorten the scenario's text, title, desc or ext.";

export const XIAOMI_ERRORS = {
  '-1': e('server', 'Mi Push failed with an unknown error.', RETRY),
  '1': e('server', 'Mi Push had an internal error.', RETRY),
  '10001': e('server', 'Mi Push had a system error.', RETRY),
  '10002': e('rate', 'Mi Push is busy.', RETRY),
  '10003': e('server', 'A Mi Push back-end service failed.', RETRY),
  '10008': e(
    'parameter',
    'Mi Push found a parameter wrong.',
    "Please report this with the attempt's send evidence.",
  ),
  '10012': e('parameter', 'Mi Push called the request illegal.', "Check the sender's region and base URL."),
  '10016': e('parameter', 'A required field is missing (title, description or extra.channel_id).', SHORTEN),
  '10017': e(
    'parameter',
    'A field has a value Mi Push does not accept (a title of 50 or a description of 128 characters or more, or a malformed field).',
    SHORTEN,
  ),
  '10027': e(
    'rate',
    'The app calls the Mi Push API too often.',
    'Wait a minute, then run fewer phones or repeats at once.',
  ),
  '10031': e(
    'permission',
    'The app is on the Mi Push blacklist and may not send.',
    'Ask Xiaomi (open platform support) why the app was blocked.',
  ),
  '10034': e(
    'quota',
    'The app has sent as many messages today as Mi Push allows.',
    'Wait until tomorrow, or send on a private-message (私信) channel, which has no daily quota.',
  ),
  '10036': e(
    'permission',
    'Mi Push forbids this operation for the app.',
    'Check that push is enabled for the app in the Xiaomi open platform.',
  ),
  '10037': e('parameter', 'The request expired.', "Check this computer's clock and run again."),
  '20301': e(
    'bad-token',
    'Mi Push could not send: most often the regId is not a valid target for this app (uninstalled, re-registered, or from another app).',
    NEW_REGID,
  ),
  '21301': e('bad-auth', 'Mi Push refused the AppSecret (authentication failed).', SECRET),
  '21302': e('bad-auth', 'Mi Push refused the authorisation token.', SECRET),
  '21303': e(
    'permission',
    'Mi Push restricts this request.',
    'Check that the server API is enabled for the app.',
  ),
  '21305': e(
    'parameter',
    'A required parameter is missing.',
    "Please report this with the attempt's send evidence.",
  ),
  '22000': e('bad-auth', 'Mi Push does not know this app.', SECRET),
  '22006': e('bad-auth', 'The app ID is not valid.', SECRET),
  '22007': e('bad-auth', 'The app key is not valid.', SECRET),
  '22022': e(
    'package-mismatch',
    'The package name (restricted_package_name = app.package) does not belong to the app of this AppSecret.',
    'Use the AppSecret of the Mi Push app registered for app.package, or fix app.package.',
  ),
  '22102': e('server', 'Mi Push failed to send the notification.', RETRY),
  '26003': e('server', 'An internal Mi Push call failed.', RETRY),
  '26006': e(
    'permission',
    'Mi Push holds the message for review.',
    'Approve the message in the Mi Push console, or wait for the review.',
  ),
  '27001': e(
    'invalid-channel',
    'The channel_id does not match a channel registered for this app in the Mi Push console.',
    'Register the channel in the Mi Push console (Push > channel management) or use one listed there.',
  ),
  '65003': e(
    'bad-token',
    'Mi Push found no device for the regId (usually the phone is not online).',
    NEW_REGID,
  ),
  '65009': e('payload', 'The message content is too long.', SHORTEN),
  '65014': e(
    'payload',
    'The message has too many extra key-value pairs.',
    "Please report this with the attempt's send evidence.",
  ),
  '65015': e('payload', 'The extra key-value pairs are too long together.', SHORTEN),
} as const satisfies Readonly<Record<string, VendorError>>;

export type XiaomiErrorCode = keyof typeof XIAOMI_ERRORS;

export const XIAOMI_VENDOR = {
  en: 'Mi Push',
  zh: '小米推送',
  reference: "Xiaomi's server error code table (dev.mi.com, 服务端错误码参考)",
  referenceZh: '小米开放平台的“服务端错误码参考”',
} as const;
