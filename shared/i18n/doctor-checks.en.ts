/**
 * Doctor check titles, advice and vendor settings paths (English). Merged into en.ts.
 * Owned by the doctor core; zh-CN twin in doctor-checks.zh-CN.ts.
 */
export const doctorChecksEn = {
  'check.app.installed.title': 'App installed',
} as const;
