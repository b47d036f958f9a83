/** Doctor check titles, advice and vendor settings paths (Simplified Chinese). Merged into zh-CN.ts. */
export const doctorChecksZh = {
  'check.app.installed.title': '应用已安装',
} as const;
