/**
 * The doctor on an iOS simulator (English): check titles and advice, and the panel's simulator
 * area. Merged into en.ts; zh-CN twin in doctor-ios.zh-CN.ts. Used by electron/lab/doctor/ios.
 */
export const doctorIosEn = {
  'doctor.area.simulator': 'Simulator',
  'check.ios.booted.title': 'Simulator booted',
  'check.ios.booted.ok': 'The simulator is booted: simctl reaches it, and it can receive pushes.',
  'check.ios.booted.notBooted':
    'The simulator is {state}: it receives nothing until it has booted. Boot it in the Simulator app, or with `xcrun simctl boot <udid>`.',
  'check.ios.runtime.title': 'iOS version',
  'check.ios.runtime.ok': 'iOS {version} on {model}: pushes follow the rules of this iOS version.',
  'check.ios.runtime.unknown': 'The runtime {runtime} names no iOS version.',
  'check.ios.app.installed.title': 'App installed',
  'check.ios.app.installed.ok':
    '{bundle} is installed on this simulator. Make sure it is the build you are testing.',
  'check.ios.app.installed.missing':
    '{bundle} is not installed on this simulator. Check the bundle ID, or install the simulator build: pushlab install App.app --serial <udid>.',
  'check.ios.authorization.title': 'Notification permission',
  'check.ios.authorization.authorized': 'The app may show notifications (authorized).',
  'check.ios.authorization.provisional':
    'Provisional authorization: pushes go quietly to Notification Center only, with no banner, sound or lock-screen entry, until the user keeps them. Have the app ask for full authorization, or choose Keep › Deliver Prominently on one of its notifications.',
  'check.ios.authorization.ephemeral':
    'Ephemeral authorization (App Clip): notifications are allowed for a limited time.',
  'check.ios.authorization.denied':
    'Notifications are turned off for the app: iOS shows none of its pushes. Turn on Allow Notifications in Settings › Notifications for {bundle} on the simulator.',
  'check.ios.authorization.notAsked':
    'The app has not asked for notification permission yet, or nobody answered its prompt: iOS shows none of its pushes until then. Open the app on the simulator and tap Allow when it asks. PushLab cannot grant it: simctl has no way to.',
  'check.ios.authorization.noStore':
    'This simulator has not used notifications yet (it has no notification settings file), so the app has not asked for permission: iOS shows none of its pushes. Open the app on the simulator and tap Allow when it asks. PushLab cannot grant it: simctl has no way to.',
  'check.ios.authorization.unknown':
    "The simulator's notification settings do not say whether notifications are allowed.",
  'check.ios.authorization.notRead':
    "PushLab could not read the simulator's notification settings ({reason}). Run the check again in a moment; iOS may be rewriting the file.",
  'check.ios.alertStyle.title': 'Alert style',
  'check.ios.alertStyle.banner':
    'Banners: a push shows at the top of the screen, then stays in Notification Center.',
  'check.ios.alertStyle.alert': 'Alerts: a push stays on screen until the user acts on it.',
  'check.ios.alertStyle.none':
    'Alert style None: pushes reach Notification Center and the lock screen, but no banner appears. Choose Banners in Settings › Notifications for {bundle} to see them arrive.',
  'check.ios.alertStyle.unknown': 'The notification settings state no alert style.',
  'check.ios.sound.title': 'Sounds',
  'check.ios.sound.on': 'Sounds are on: a push with a sound plays it.',
  'check.ios.sound.off':
    'Sounds are off for the app: pushes arrive silently, and a custom sound is never heard. Turn Sounds on in Settings › Notifications for {bundle}.',
  'check.ios.sound.unknown': 'The notification settings carry no sound setting.',
  'check.ios.badge.title': 'Badges',
  'check.ios.badge.on': 'Badges are on: the app icon shows the count a push sets.',
  'check.ios.badge.off':
    'Badges are off for the app: its icon shows no count. Turn Badges on in Settings › Notifications for {bundle}.',
  'check.ios.badge.unknown': 'The notification settings carry no badge setting.',
} as const;
