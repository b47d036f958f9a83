import { describe, expect, it } from 'vitest';
import {
  APNS_REASON_NAMES,
  APNS_REASONS,
  explainApnsReason,
} from '../../../../electron/lab/push/apns/reasons';
import { APNS_STATUS } from '../../../virtual-lab/apns/rules';

/** The reasons Apple documents (brief and reference/protocols.md §5), written out again here. */
const DOCUMENTED = [
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
  'BadCertificate',
  'BadCertificateEnvironment',
  'ExpiredProviderToken',
  'Forbidden',
  'InvalidProviderToken',
  'MissingProviderToken',
  'UnrelatedKeyIdInToken',
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
];

describe('APNs reasons', () => {
  it('explains every documented reason with a sentence and a fix', () => {
    for (const reason of DOCUMENTED) {
      const explained = explainApnsReason(reason, 400);
      expect(explained.known, reason).toBe(true);
      expect(explained.meaning, reason).toMatch(/^[A-Z].{15,}\.$/);
      expect(explained.fix, reason).toMatch(/^[A-Z].{15,}[.)]$/);
      expect(explained.meaning, reason).not.toContain(reason);
    }
    expect([...APNS_REASON_NAMES].sort()).toEqual(Object.keys(APNS_REASONS).sort());
  });

  it('gives each reason the HTTP status Apple documents (as the local server answers it)', () => {
    for (const reason of APNS_REASON_NAMES)
      expect(APNS_REASONS[reason].status, reason).toBe(APNS_STATUS[reason]);
    expect(Object.keys(APNS_STATUS).sort()).toEqual([...APNS_REASON_NAMES].sort());
  });

  it('BadDeviceToken explains the Debug/Release vs sandbox/production mismatch from the seeds', () => {
    const { meaning, fix } = APNS_REASONS.BadDeviceToken;
    expect(meaning).toMatch(/Debug.*sandbox.*production/);
    expect(meaning).toContain('bad devicetoken');
    expect(fix).toMatch(/"sandbox" for a Debug.*"production" for Release/);
  });

  it('marks only passing troubles as retryable', () => {
    const retryable = APNS_REASON_NAMES.filter((r) => APNS_REASONS[r].retryable).sort();
    expect(retryable).toEqual([
      'ExpiredProviderToken',
      'IdleTimeout',
      'InternalServerError',
      'ServiceUnavailable',
      'Shutdown',
      'TooManyProviderTokenUpdates',
      'TooManyRequests',
    ]);
  });

  it('names unknown reasons and statuses instead of guessing', () => {
    expect(explainApnsReason('SomethingNew', 400)).toMatchObject({
      known: false,
      meaning: 'APNs refused the push with reason "SomethingNew" (HTTP 400).',
      retryable: false,
    });
    expect(explainApnsReason(null, 502)).toMatchObject({
      known: false,
      meaning: 'APNs answered with HTTP 502 and no reason.',
      retryable: true,
    });
    // Object members are not reasons.
    expect(explainApnsReason('constructor', 400).known).toBe(false);
  });
});
