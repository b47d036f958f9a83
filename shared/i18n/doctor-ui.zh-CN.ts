/** The doctor panel's own UI text (Simplified Chinese). Merged into zh-CN.ts. */
export const doctorUiZh = {
  'doctor.title': '推送就绪检查',
} as const;
