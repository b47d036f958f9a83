/** Outcomes of doctor fixes (Simplified Chinese). Merged into zh-CN.ts. */
export const doctorFixesZh = {
  'fix.confirmed': '完成：手机已接受修改，重新读取后确认生效。',
  'fix.notConfirmed': '手机接受了命令，但重新读取后问题仍在。ROM 可能会覆盖这项设置，请在手机上检查。',
  'fix.refused': '手机拒绝了修改：{reason}',
  'fix.openedOnPhone': '已在手机上打开对应的设置页面。请在手机上完成操作，然后重新检查。',
  'fix.notApplicable': '此修复不适用于这台手机：{reason}',
} as const;
