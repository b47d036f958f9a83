/**
 * The phone card's push tokens (English): the token the lab last read per app and channel, masked
 * to 8 characters, where it came from, and reading it from the phone's log on demand. Merged into
 * en.ts; zh-CN twin in tokens-ui.zh-CN.ts.
 */
export const tokensUiEn = {
  'tokens.heading': 'Push token',
  'tokens.none': 'None read yet.',
  'tokens.listLabel': 'Push tokens the lab last read on this phone',
  'tokens.item': '{token} for {package} on {channel}',
  'tokens.readAt': 'read {time}',
  'tokens.source.plan': 'from the plan (app.tokens.serials)',
  'tokens.source.logcat': 'from logcat, preset {preset}',
  'tokens.source.pattern': 'from logcat, own pattern',
  'tokens.memoryOnly': 'Kept until PushLab quits: this PushLab has no encrypted store for it.',
  'tokens.masked': 'Only the first 8 characters are shown; the token stays in the lab.',
  'tokens.read.summary': 'Read from the phone',
  'tokens.read.package': 'App package',
  'tokens.read.from': 'Log line',
  'tokens.read.ownPattern': 'Own pattern…',
  'tokens.read.pattern': 'Pattern (capture group 1 is the token)',
  'tokens.read.submit': 'Read token',
  'tokens.read.reading': 'Reading the log…',
  'tokens.read.found': 'Token read.',
  'tokens.read.notFound':
    'No line matched in the last {lines} log lines. Open the app so it registers for push, then read again.',
  'tokens.read.badPackage': 'Enter the app package, e.g. com.example.app.',
  'tokens.read.badPattern': 'The pattern {problem}.',
  'tokens.read.failed': 'The token was not read',
} as const;
