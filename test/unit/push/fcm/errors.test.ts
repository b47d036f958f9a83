import { describe, expect, it } from 'vitest';
import {
  explainFcmError,
  FCM_ERRORS,
  OAUTH_ERRORS,
  parseFcmError,
} from '../../../../electron/lab/push/fcm/errors';

const FCM_ERROR = 'type.googleapis.com/google.firebase.fcm.v1.FcmError';
/** FCM's answers as Google sends them (shapes from the Firebase Admin SDK issues and the v1 reference). */
const UNREGISTERED = JSON.stringify({
  error: {
    code: 404,
    message: 'Requested entity was not found.',
    status: 'NOT_FOUND',
    details: [{ '@type': FCM_ERROR, errorCode: 'UNREGISTERED' }],
  },
});
const INVALID_TOKEN = JSON.stringify({
  error: {
    code: 400,
    message: 'The registration token is not a valid FCM registration token',
    status: 'INVALID_ARGUMENT',
    details: [
      { '@type': FCM_ERROR, errorCode: 'INVALID_ARGUMENT' },
      {
        '@type': 'type.googleapis.com/google.rpc.BadRequest',
        fieldViolations: [
          {
            field: 'message.token',
            description: 'The registration token is not a valid FCM registration token',
          },
        ],
      },
    ],
  },
});
const UNAUTHENTICATED = JSON.stringify({
  error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' },
});

describe('FCM errors', () => {
  it('explains every errorCode and canonical status the brief names', () => {
    for (const name of [
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
    ]) {
      const explained = explainFcmError(name, 400);
      expect(explained.known, name).toBe(true);
      expect(explained.meaning, name).toMatch(/^[A-Z].{15,}\.$/);
      expect(explained.fix, name).toMatch(/^[A-Z].{15,}\.$/);
    }
    for (const [name, explained] of Object.entries(OAUTH_ERRORS))
      expect(explained.meaning.length, name).toBeGreaterThan(15);
    expect(FCM_ERRORS.SENDER_ID_MISMATCH.meaning).toMatch(/different Firebase project/);
    expect(FCM_ERRORS.UNREGISTERED.fix).toMatch(/app\.tokens\.serials/);
  });

  it('reads the FcmError errorCode before the status, and the status when there is none', () => {
    expect(parseFcmError(UNREGISTERED)).toEqual({
      name: 'UNREGISTERED',
      errorCode: 'UNREGISTERED',
      status: 'NOT_FOUND',
      message: 'Requested entity was not found.',
    });
    expect(parseFcmError(INVALID_TOKEN)).toMatchObject({
      name: 'INVALID_ARGUMENT',
      errorCode: 'INVALID_ARGUMENT',
    });
    expect(parseFcmError(UNAUTHENTICATED)).toMatchObject({
      name: 'UNAUTHENTICATED',
      errorCode: null,
      status: 'UNAUTHENTICATED',
    });
    expect(parseFcmError('<html>502</html>')).toEqual({
      name: null,
      errorCode: null,
      status: null,
      message: null,
    });
  });

  it('retries only passing troubles; unknown names are named, not guessed', () => {
    expect(
      Object.entries(FCM_ERRORS)
        .filter(([, e]) => e.retryable)
        .map(([n]) => n)
        .sort(),
    ).toEqual(['INTERNAL', 'QUOTA_EXCEEDED', 'RESOURCE_EXHAUSTED', 'UNAVAILABLE']);
    expect(explainFcmError('NEW_THING', 400)).toMatchObject({
      known: false,
      meaning: 'FCM refused the message with NEW_THING (HTTP 400).',
    });
    expect(explainFcmError(null, 502)).toMatchObject({ known: false, retryable: true });
    expect(explainFcmError('toString', 400).known).toBe(false);
  });
});
