/**
 * Tencent IM REST ErrorCodes for sendmsg / send_group_msg / account_import / query_online_status
 * and the common account and UserSig codes, each as a plain sentence plus the fix. Sources:
 * tencentcloud.com/document/product/1047 (34348 error codes, 34919 sendmsg, 34959 send_group_msg,
 * 34953 account_import, 35477 query_online_status) and Tencent's tim-error-message list.
 */
export interface TencentErrorExplanation {
  /** What happened, in one plain sentence. */
  readonly meaning: string;
  /** What to do next. */
  readonly fix: string;
  /** Whether the same request may succeed if simply sent again later. */
  readonly retryable: boolean;
}

const e = (meaning: string, fix: string, retryable = false): TencentErrorExplanation => ({
  meaning,
  fix,
  retryable,
});

const SIG_FIX =
  'Check the SDKAppID and secret key in Settings (Tencent console > Applications > Basic configuration).';
const ADMIN_FIX =
  'Use an App admin account as identifier (Tencent console > Account management > App admins).';
const RETRY = 'Wait a moment and send again; if it persists, check Tencent Cloud status.';

export const TENCENT_ERRORS: Readonly<Record<number, TencentErrorExplanation>> = {
  // Common REST errors (60000-60099).
  60002: e(
    'Tencent could not parse the HTTP request.',
    'Check the URL and query parameters (sdkappid, identifier, usersig, random, contenttype).',
  ),
  60003: e('Tencent could not parse the JSON request body.', 'Send a valid JSON object as the body.'),
  60004: e('The account or signature in the request URL is wrong.', SIG_FIX),
  60005: e('The account or signature in the request URL is wrong.', SIG_FIX),
  60006: e('The SDKAppID is invalid.', 'Check the SDKAppID in Settings against the Tencent console.'),
  60007: e('REST calls are over the frequency limit.', 'Slow down: send fewer requests per second.', true),
  60008: e("The request timed out on Tencent's side or its HTTP format was wrong.", RETRY, true),
  60009: e('The requested resource is wrong.', 'Check the API path (v4/<service>/<command>).'),
  60010: e('The request needs App admin permission.', ADMIN_FIX),
  60011: e('This SDKAppID is over its request frequency limit.', 'Slow down and send again later.', true),
  60012: e(
    'The request is missing the SDKAppID or identifier.',
    'Check the query parameters of the request URL.',
  ),
  60013: e('Tencent could not parse the JSON in its own response.', RETRY, true),
  60014: e('Switching the account timed out.', RETRY, true),
  60015: e('An account field has the wrong type.', 'Send user IDs as strings.'),
  60016: e('This SDKAppID has been disabled.', 'Check the application state in the Tencent console.'),
  60017: e(
    'This request has been disabled for the app.',
    'Check the application features in the Tencent console.',
  ),
  60018: e('The request sends too many items at once.', 'Split the request into smaller batches.'),
  60019: e('The request sends too many items at once.', 'Split the request into smaller batches.'),
  60020: e(
    "The app's plan has expired or the service is suspended.",
    'Renew the plan in the Tencent console.',
  ),
  60021: e(
    "This machine's IP is not on the app's REST API allow-list.",
    'Add this IP in the Tencent console (Security > IP allow-list).',
  ),
  // UserSig and account errors (70000-70999).
  70001: e(
    'The UserSig has expired.',
    "Generate a new UserSig; check that this computer's clock is right.",
    true,
  ),
  70002: e('The UserSig is empty.', 'Send a UserSig generated for the admin account.'),
  70003: e('The UserSig is invalid.', SIG_FIX),
  70005: e('The UserSig could not be decoded.', SIG_FIX),
  70009: e("The UserSig does not match the app's secret key.", SIG_FIX),
  70013: e(
    'The identifier in the request does not match the one the UserSig was made for.',
    'Generate the UserSig for the same admin identifier as the request.',
  ),
  70014: e('The SDKAppID in the request does not match the one the UserSig was made for.', SIG_FIX),
  70016: e(
    'Tencent has no key for this SDKAppID.',
    'Check the SDKAppID in Settings against the Tencent console.',
  ),
  70020: e('The SDKAppID was not found.', 'Check the SDKAppID in Settings against the Tencent console.'),
  70050: e('The UserSig has been revoked.', 'Generate a new UserSig.', true),
  70051: e('The account has been blocked.', 'Unblock the account in the Tencent console.'),
  70052: e('The UserSig is no longer valid.', 'Generate a new UserSig.', true),
  70107: e(
    'The requested user ID does not exist.',
    'Import the account first (v4/im_open_login_svc/account_import) or fix the user ID.',
  ),
  70169: e("Tencent's service timed out.", RETRY, true),
  70398: e('The app has reached its account limit.', 'Upgrade the plan or delete unused accounts.'),
  70402: e('A parameter is invalid.', 'Check the required fields and their types.'),
  70403: e('The request needs App admin permission.', ADMIN_FIX),
  70500: e('Tencent had an internal error.', RETRY, true),
  // Account import (account_import).
  40006: e('Tencent had an internal error while saving the profile.', RETRY, true),
  40601: e('A profile field (such as the nickname) is longer than 500 bytes.', 'Shorten the nickname.'),
  // One-to-one message errors (sendmsg).
  20001: e('The request packet is invalid.', 'Check the message body against the sendmsg documentation.'),
  20002: e('The UserSig or A2 ticket is invalid.', SIG_FIX),
  20003: e(
    'The sender or recipient user ID is invalid or does not exist.',
    'Import the account first or fix From_Account / To_Account.',
  ),
  20004: e('A network error occurred inside Tencent.', RETRY, true),
  20005: e('Tencent had an internal error.', RETRY, true),
  20006: e(
    'The app\'s "before sending" callback blocked the message.',
    'Check the webhook configured for one-to-one messages, or set ForbidCallbackControl.',
  ),
  20007: e('The recipient has blocked the sender.', 'Use a sender the recipient has not blocked.'),
  20009: e(
    'The sender and recipient are not friends and the app requires it.',
    'Add them as friends or turn off the friend check in the Tencent console.',
  ),
  20010: e(
    "The sender is not the recipient's friend (one-way).",
    'Add the friendship or turn off the friend check.',
  ),
  20011: e(
    "The recipient is not the sender's friend (one-way).",
    'Add the friendship or turn off the friend check.',
  ),
  20012: e('The sender is muted.', 'Unmute the sender in the Tencent console.'),
  20016: e('The message has been recalled.', 'Send a new message.'),
  80001: e('The message text hit the sensitive-word filter.', 'Change the text.'),
  80002: e('The message is too long (over 12 KB).', 'Shorten the message body.'),
  90001: e('Tencent could not parse the JSON body.', 'Send a valid JSON object.'),
  90002: e(
    'MsgBody does not follow the message format, or is not an array.',
    'Send MsgBody as an array of {MsgType, MsgContent} elements.',
  ),
  90003: e('To_Account is missing or is not a string.', "Set To_Account to the recipient's user ID."),
  90005: e('MsgRandom is missing or is not an integer.', 'Set MsgRandom to a 32-bit unsigned integer.'),
  90006: e('MsgTimeStamp is not an integer.', 'Send MsgTimeStamp as Unix seconds, or leave it out.'),
  90007: e('MsgBody is not an array.', 'Send MsgBody as an array.'),
  90008: e(
    'From_Account is missing or does not exist.',
    'Import the sender account first or fix From_Account.',
  ),
  90009: e('The request needs App admin permission.', ADMIN_FIX),
  90010: e(
    'The message does not follow the message format.',
    "Check each element's MsgType and MsgContent fields.",
  ),
  90011: e('Too many recipients in one batch (at most 500).', 'Split the batch.'),
  90012: e(
    'To_Account is not registered or does not exist.',
    'Import the recipient account first or fix To_Account.',
  ),
  90026: e('MsgLifeTime is out of range (0 to 604800 seconds).', 'Set MsgLifeTime to at most 7 days.'),
  90031: e('SyncOtherMachine has an invalid value.', 'Set SyncOtherMachine to 1 or 2.'),
  90044: e('A message field is too long or malformed.', 'Check CloudCustomData and element sizes.'),
  90048: e(
    'The requested user account does not exist.',
    'Import the account first (v4/im_open_login_svc/account_import) or fix the user ID.',
  ),
  90992: e('Tencent had an internal error.', RETRY, true),
  90994: e('Tencent had an internal error.', RETRY, true),
  90995: e('Tencent had an internal error.', RETRY, true),
  91000: e('Tencent had an internal error.', RETRY, true),
  // Group message errors (send_group_msg).
  10002: e('Tencent had an internal error.', RETRY, true),
  10003: e('The command in the request is invalid.', 'Check the API path.'),
  10004: e('A parameter is invalid.', 'Read ErrorInfo for the field and fix the request body.'),
  10007: e('The sender has no permission in this group.', 'Send as the App admin or as a group member.'),
  10008: e('The request is invalid (signature check failed).', SIG_FIX),
  10010: e('The group does not exist or has been disbanded.', 'Create the group or fix GroupId.'),
  10011: e('Tencent could not parse the JSON body.', 'Send a valid JSON object.'),
  10015: e('The group ID is invalid.', 'Fix GroupId.'),
  10016: e(
    'The app\'s "before sending" callback blocked the group message.',
    'Check the group webhook, or set ForbidCallbackControl.',
  ),
  10017: e('The sender is muted in this group.', 'Unmute the sender.'),
  10019: e('The requested user account does not exist.', 'Import the account first or fix From_Account.'),
  10023: e('Group messages are over the frequency limit.', 'Slow down: wait between group messages.', true),
  10024: e('This request has already been handled.', 'No action is needed.'),
  10026: e('This command is disabled for the SDKAppID.', 'Check the app features in the Tencent console.'),
};

/** Looks up a Tencent ErrorCode; unknown codes get a generic sentence that still names the code. */
export function explainTencentError(code: number): TencentErrorExplanation & { readonly known: boolean } {
  const hit = TENCENT_ERRORS[code];
  if (hit) return { ...hit, known: true };
  return {
    meaning: `Tencent IM refused the request with ErrorCode ${code}.`,
    fix: "Look the code up in Tencent IM's error code list (tencentcloud.com/document/product/1047/34348).",
    retryable: false,
    known: false,
  };
}
