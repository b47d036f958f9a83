/** Outcomes of doctor fixes (English). Merged into en.ts; zh-CN twin in doctor-fixes.zh-CN.ts. */
export const doctorFixesEn = {
  'fix.confirmed': 'Done: the phone accepted the change and a re-read confirms it.',
  'fix.notConfirmed':
    'The phone accepted the command, but a re-read still shows the problem. The ROM may override this setting; check it on the phone.',
  'fix.refused': 'The phone refused the change: {reason}',
  'fix.openedOnPhone': 'Opened the right screen on the phone. Finish there, then run the check again.',
  'fix.notApplicable': 'This fix does not apply to this phone: {reason}',
} as const;
