/** The doctor panel's own UI text (English). Merged into en.ts; zh-CN twin in doctor-ui.zh-CN.ts. */
export const doctorUiEn = {
  'doctor.title': 'Push readiness',
} as const;
