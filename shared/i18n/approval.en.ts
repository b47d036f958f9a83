/**
 * Asking a person before a plan from the window runs a program or reads a file (English), and
 * the web UI's access messages. Merged into en.ts; zh-CN twin in approval.zh-CN.ts.
 */
export const approvalEn = {
  'error.APPROVAL_REFUSED': 'Not allowed to run',
  'error.ACCESS_DENIED': 'Access refused',
  'approval.title': 'Allow this run to use your computer?',
  'approval.intro':
    'The plan "{plan}" asks PushLab to run a program or read files on this computer. Allow it only if you wrote or checked this plan.',
  'approval.intro.resume':
    'Resuming run {runId} of the plan "{plan}" runs a program or reads files on this computer. Allow it only if you wrote or checked this plan.',
  'approval.program': 'Program: {command}',
  'approval.arguments': 'Arguments: {args}',
  'approval.noArguments': 'Arguments: (none)',
  'approval.secretFile': 'Reads the secret file: {path}',
  'approval.apk': 'Installs the APK: {path}',
  'approval.allow': 'Allow and run',
  'approval.refuse': 'Do not run',
  'approval.refused':
    'The run was not started: you did not allow the plan "{plan}" to run a program or read files.',
  'approval.refused.hint':
    'Check the plan; start it again and allow it if it is yours, or run it with `pushlab run --plan FILE`.',
  'approval.unavailable':
    'The run was not started: the plan "{plan}" runs a program or reads files, and nobody is here to allow it.',
  'approval.unavailable.hint':
    'Run it from a terminal with `pushlab run --plan FILE`, or start `npm run web` in a terminal to be asked there.',
  'approval.terminal.question': 'Allow this run? Type "yes" to allow, anything else refuses: ',
  'approval.terminal.waiting': 'PushLab web UI: a run waits for your answer in the terminal.',
  'approval.terminal.allowed': 'Allowed: PushLab may start the run.',
  'approval.terminal.refused': 'Refused: the run does not start.',
  'web.access.denied': 'This request did not come from the browser that opened PushLab.',
  'web.access.denied.hint':
    'Open the address `npm run web` printed (it carries a one-time key), in the same browser.',
  'web.access.badToken': 'This PushLab link is from another launch or was mistyped.',
  'web.access.badToken.hint':
    'Open the address that `npm run web` printed this time (it changes at each start).',
} as const;
