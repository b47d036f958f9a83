/** The doctor panel's own UI text (English). Merged into en.ts; zh-CN twin in doctor-ui.zh-CN.ts. */
export const doctorUiEn = {
  'doctor.title': 'Push readiness',
  'doctor.nav': 'Push readiness',
  'doctor.intro':
    'For one app on one phone: everything that decides whether an offline push is shown, what is wrong, and one-click fixes for what adb can change.',
  'doctor.phones': 'Phones',
  'doctor.phonesLabel': 'Phone to check',
  'doctor.noPhones':
    'No phone is ready. Connect a phone and allow USB debugging; it appears here once it is identified.',
  'doctor.phoneGone':
    'This phone is not connected now. Its last results stay here; plug it in again to check or fix.',
  'doctor.notConnected': 'not connected',
  'doctor.openFromCard': 'Check push readiness',

  // The subject form
  'doctor.package.label': 'App package',
  'doctor.package.help': 'The application id of the build under test, e.g. com.example.chat.',
  'doctor.package.empty': 'Enter the app’s package name.',
  'doctor.package.tooLong': 'A package name has at most 255 characters.',
  'doctor.package.format':
    'This is not an Android package name: use two or more parts separated by dots, each starting with a letter, with only letters, digits and _ (e.g. com.example.chat).',
  'doctor.channels.label': 'Notification channel ids (optional)',
  'doctor.channels.help':
    'The channel ids the app’s push configuration uses, separated by commas: the OPPO ChannelID, the Xiaomi and Huawei channels.',
  'doctor.channels.invalid': 'Channel id “{id}” contains spaces or characters other than printable ASCII.',
  'doctor.channels.tooLong': 'Channel id “{id}” is longer than 200 characters.',
  'doctor.channels.tooMany': '{count} channel ids: at most {max} can be checked at once.',
  'doctor.run': 'Run check',
  'doctor.rerun': 'Check again',
  'doctor.running': 'Checking…',
  'doctor.runningStatus': 'Reading the settings of {package} from the phone…',

  // The result
  'doctor.subjectLine': '{package} on {phone}',
  'doctor.checkedAt': 'Checked {time}',
  'doctor.savedReport':
    'Last checked {time}. Run the check again to see the phone as it is now and to apply fixes.',
  'doctor.verdict.fail': 'Offline pushes will not show until the problems below are fixed.',
  'doctor.verdict.warn': 'Offline pushes may arrive late, silently or folded away: see the warnings below.',
  'doctor.verdict.unknown': 'Some settings could not be read: see the checks marked Unknown.',
  'doctor.verdict.manual':
    'Nothing wrong that adb can see. Some settings can only be checked on the phone itself.',
  'doctor.verdict.ok': 'Everything adb can read is ready for offline push.',
  'doctor.verdict.empty': 'The check returned no results.',
  'doctor.summaryLabel': 'Results by status',
  'doctor.partial.title': 'Partial result',
  'doctor.partial.body':
    'The check stopped before it finished. The checks read so far are shown; run it again once the phone is back.',
  'doctor.status.ok': 'OK',
  'doctor.status.warn': 'Warning',
  'doctor.status.fail': 'Problem',
  'doctor.status.unknown': 'Unknown',
  'doctor.status.manual': 'Check on phone',
  'doctor.area.app': 'App',
  'doctor.area.notifications': 'Notification permission',
  'doctor.area.channels': 'Notification channels',
  'doctor.area.dnd': 'Do Not Disturb and lock screen',
  'doctor.area.battery': 'Battery and background',
  'doctor.area.vendor': 'Vendor settings',
  'doctor.area.push': 'Push service',
  'doctor.area.other': 'Other checks',
  'doctor.evidence': 'What the phone says',
  'doctor.evidenceEmpty': '(nothing)',
  'doctor.evidenceRevealed': 'Invisible characters in the phone’s text are shown as ⟨U+…⟩.',
  'doctor.settingsPath': 'Where to look: {path}',

  // Fixes
  'doctor.fix.grant-post-notifications': 'Allow notifications',
  'doctor.fix.clear-notification-permission-flags': 'Let the app ask again',
  'doctor.fix.allow-run-any-in-background': 'Allow background activity',
  'doctor.fix.allow-run-in-background': 'Allow running in background',
  'doctor.fix.doze-allowlist': 'Exempt from battery optimisation',
  'doctor.fix.standby-bucket-active': 'Set standby bucket to active',
  'doctor.fix.launch-app': 'Launch the app once',
  'doctor.fix.allow-miui-autostart': 'Allow autostart',
  'doctor.fix.open-app-notification-settings': 'Open notification settings on the phone',
  'doctor.fix.open-autostart-settings': 'Open autostart settings on the phone',
  'doctor.fixing': 'Applying…',
  'doctor.fixDone': 'Done',
  'doctor.fixFailed': 'Fix failed',
  'doctor.fixPhoneSaid': 'The phone said',
  'doctor.fixUnchanged': 'unchanged',
  'doctor.fixMeta': '{time}, by {by}',
  'doctor.fixLog.heading': 'Fixes applied',
  'doctor.change.before': 'Before',
  'doctor.change.after': 'After',

  // Drift and history
  'doctor.drift.heading': 'Changed since {time}',
  'doctor.drift.none': 'Nothing changed since the previous check ({time}).',
  'doctor.drift.first': 'First check of this app on this phone: nothing to compare with yet.',
  'doctor.drift.added': 'new check',
  'doctor.drift.removed': 'no longer checked',
  'doctor.drift.evidenceOnly': 'same status, the phone’s text changed',
  'doctor.history.heading': 'Earlier checks',
  'doctor.history.partial': 'partial',
} as const;
