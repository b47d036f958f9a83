import { describe, expect, it } from 'vitest';
import { parseNotificationRecords } from '../../../../electron/lab/android/parsers/notification-records';

describe('parseNotificationRecords on a package-filtered dump', () => {
  it('reads `dumpsys notification p <pkg>` with no records as an empty list, not as garbage', () => {
    expect(
      parseNotificationRecords(
        "Current Notification Manager state (filtered to 'com.example.app'):\n  Notification List:\n\n",
      ),
    ).toEqual([]);
  });

  it('still refuses text that is not a notification dump', () => {
    expect(() => parseNotificationRecords('sh: dumpsys: not found\n')).toThrow(/could not be read/);
  });
});
