/**
 * FCM HTTP v1 errors, each as a plain sentence plus the fix. An answer names the FCM errorCode in
 * `details[].errorCode` (type.googleapis.com/google.firebase.fcm.v1.FcmError) when there is one,
 * else only the canonical `status` (UNAUTHENTICATED, PERMISSION_DENIED, NOT_FOUND, …). Sources:
 * firebase.google.com reference/fcm/rest/v1/ErrorCode and the error shapes the Admin SDKs parse.
 */
export interface FcmErrorExplanation {
  readonly meaning: string;
  readonly fix: string;
  readonly retryable: boolean;
}

export const FCM_ERROR_NAMES = [
  'UNREGISTERED',
  'INVALID_ARGUMENT',
  'SENDER_ID_MISMATCH',
  'QUOTA_EXCEEDED',
  'UNAVAILABLE',
  'INTERNAL',
  'THIRD_PARTY_AUTH_ERROR',
  'PERMISSION_DENIED',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'RESOURCE_EXHAUSTED',
  'UNSPECIFIED_ERROR',
] as const;

export type FcmErrorName = (typeof FCM_ERROR_NAMES)[number];

const e = (meaning: string, fix: string, retryable = false): FcmErrorExplanation => ({
  meaning,
  fix,
  retryable,
});
const RETRY = 'Wait a moment and run again; if it persists, check the Firebase status dashboard.';
const NEW_TOKEN =
  'Open the app on this phone so it gets a new registration token, and put it under app.tokens.serials.';

export const FCM_ERRORS: Readonly<Record<FcmErrorName, FcmErrorExplanation>> = {
  UNREGISTERED: e(
    'The registration token is no longer valid: the app was uninstalled or its data cleared, or the token expired or was replaced.',
    NEW_TOKEN,
  ),
  INVALID_ARGUMENT: e(
    'FCM refused the message as malformed: most often the registration token is not a valid FCM token, or the message is too big.',
    "Check the token under app.tokens.serials (the whole string from FirebaseMessaging.getToken()) and the scenario's text and ext size.",
  ),
  SENDER_ID_MISMATCH: e(
    'The registration token belongs to a different Firebase project than sender.projectId.',
    "Use a service account and projectId from the Firebase project the app's google-services.json comes from, or a token from an app built with this project.",
  ),
  QUOTA_EXCEEDED: e(
    "FCM's sending limit was exceeded (for the project, for this phone, or for a topic).",
    'Wait a few minutes, or run fewer repeats in a row on this phone.',
    true,
  ),
  UNAVAILABLE: e('FCM is overloaded or unavailable for now.', RETRY, true),
  INTERNAL: e('FCM had an internal error.', RETRY, true),
  THIRD_PARTY_AUTH_ERROR: e(
    'FCM could not use the APNs or web-push credentials of the Firebase project.',
    'Check the APNs key or certificate uploaded in Firebase console > Project settings > Cloud Messaging.',
  ),
  PERMISSION_DENIED: e(
    'The service account may not send messages for this project.',
    'Use a service account of sender.projectId with the "Firebase Cloud Messaging API ' +
      'Admin" (or Firebase Admin) role, and enable the FCM API (v1) for the project.',
  ),
  UNAUTHENTICATED: e(
    'FCM did not accept the OAuth2 access token.',
    "Check the service-account key (it may have been deleted in Google Cloud > IAM > Service accounts) and this computer's clock.",
  ),
  NOT_FOUND: e(
    'FCM did not find what the request names: the project, or the registration token.',
    'Check sender.projectId and the token under app.tokens.serials.',
  ),
  RESOURCE_EXHAUSTED: e(
    'A Google Cloud quota for the project was exhausted.',
    'Wait a few minutes and run again, or raise the quota in Google Cloud console.',
    true,
  ),
  UNSPECIFIED_ERROR: e('FCM refused the message without saying why.', RETRY),
};

/** Looks an errorCode or status up; unknown names get a sentence that still names them. */
export function explainFcmError(
  name: string | null,
  status: number,
): FcmErrorExplanation & { readonly known: boolean } {
  if (name !== null && Object.hasOwn(FCM_ERRORS, name))
    return { ...FCM_ERRORS[name as FcmErrorName], known: true };
  return {
    meaning:
      name === null
        ? `FCM answered with HTTP ${status}.`
        : `FCM refused the message with ${name.slice(0, 100)} (HTTP ${status}).`,
    fix: status >= 500 ? RETRY : "Look the error up in Firebase's FCM v1 ErrorCode reference.",
    retryable: status >= 500,
    known: false,
  };
}

/** What an FCM error body says: the FcmError errorCode if present, else the status; and Google's message. */
export function parseFcmError(text: string): {
  readonly name: string | null;
  readonly errorCode: string | null;
  readonly status: string | null;
  readonly message: string | null;
} {
  try {
    const body = JSON.parse(text) as { error?: { status?: unknown; message?: unknown; details?: unknown } };
    const error = body.error;
    if (typeof error !== 'object' || error === null)
      return { name: null, errorCode: null, status: null, message: null };
    const details = Array.isArray(error.details) ? (error.details as unknown[]) : [];
    const fcm = details.find(
      (d): d is { errorCode: string } =>
        typeof d === 'object' && d !== null && typeof (d as { errorCode?: unknown }).errorCode === 'string',
    );
    const status = typeof error.status === 'string' ? error.status : null;
    const errorCode = fcm?.errorCode ?? null;
    return {
      name: errorCode ?? status,
      errorCode,
      status,
      message: typeof error.message === 'string' ? error.message.slice(0, 500) : null,
    };
  } catch {
    return { name: null, errorCode: null, status: null, message: null };
  }
}

/** Google's OAuth2 token endpoint errors ({error, error_description}). */
export const OAUTH_ERRORS: Readonly<Record<string, FcmErrorExplanation>> = {
  invalid_grant: e(
    "Google refused the service account's signed assertion: the key was deleted or replaced, or this computer's clock is off.",
    "Check this computer's clock, then download a new JSON key for the service account (Google Cloud > IAM > Service accounts > Keys).",
  ),
  invalid_client: e(
    'Google does not know the service account (or it is disabled).',
    'Check that the service account still exists and is enabled, and that the JSON key is its own.',
  ),
  unauthorized_client: e(
    'The service account may not request this access.',
    'Use a service account of the Firebase project; check its roles.',
  ),
  invalid_scope: e(
    'Google refused the requested scope.',
    'Please report this: PushLab asks for https://www.googleapis.com/auth/firebase.messaging.',
  ),
  invalid_request: e(
    'Google could not read the token request.',
    "Please report this with the attempt's send evidence.",
  ),
  unsupported_grant_type: e(
    'Google does not accept this kind of token request.',
    "Check that the service account's token_uri (or sender.tokenUrl) is Google's OAuth2 token endpoint.",
  ),
};
