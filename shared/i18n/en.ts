/**
 * The source catalog: every user-facing string PushLab shows, in English. Keys are stable ids;
 * `{name}` marks a placeholder. zh-CN.ts must have exactly the same keys and placeholders.
 */
import { doctorChecksEn } from './doctor-checks.en';
import { doctorFixesEn } from './doctor-fixes.en';
import { doctorUiEn } from './doctor-ui.en';
import { iosEn } from './ios.en';
import { doctorIosEn } from './doctor-ios.en';
import { iosUiEn } from './ios-ui.en';
import { hostsUiEn } from './hosts-ui.en';
import { tokensUiEn } from './tokens-ui.en';
import { reportEn } from './report.en';
import { matrixUiEn } from './matrix-ui.en';
import { cliEn } from './cli.en';
import { runsUiEn } from './runs-ui.en';
import { approvalEn } from './approval.en';
import { vendorMessages } from '../vendors/vendor-table';

export const en = {
  ...doctorChecksEn,
  ...doctorUiEn,
  ...doctorFixesEn,
  ...runsUiEn,
  ...matrixUiEn,
  ...reportEn,
  ...iosEn,
  ...doctorIosEn,
  ...iosUiEn,
  ...hostsUiEn,
  ...tokensUiEn,
  ...cliEn,
  ...approvalEn,
  // App shell
  'app.title': 'PushLab',
  'app.tagline': 'Prove offline push reaches every phone, vendor by vendor.',
  'nav.label': 'Sections',
  'nav.phones': 'Phones',
  'nav.install': 'Install',
  'language.label': 'Language',
  'common.close': 'Close',
  'common.dismiss': 'Dismiss',
  'common.retry': 'Try again',
  'common.loading': 'Loading…',
  'common.whatToDo': 'What to do: {hint}',
  'common.details': 'Details from the tool',
  'common.unknown': 'unknown',

  // The adb server, as the banner shows it
  'adb.connecting': 'Connecting to the adb server at {address}…',
  'adb.connected': 'adb server connected at {address}',
  'adb.connectedVersion': 'adb server connected at {address} (protocol {version})',
  'adb.reconnecting': 'Lost the adb server at {address}. Reconnecting…',
  'adb.unreachable': 'Cannot reach the adb server at {address}.',
  'adb.recovered': 'adb server restarted at {time}; phones were re-read.',
  'adb.waiting': 'Waiting for the adb server status…',
  'bridge.lost': 'Lost contact with PushLab.',
  'bridge.lostHint':
    'If you use the web UI, check that `npm run web` is still running, then reload the page.',

  // adb connection states of one phone: a short label and what to do about it
  'adbState.device.label': 'Ready',
  'adbState.device.help': 'The phone is connected and authorized.',
  'adbState.unauthorized.label': 'Not authorized',
  'adbState.unauthorized.help':
    'Unlock the phone and tap Allow on the USB debugging prompt; tick "Always allow from this computer". No prompt? Revoke USB debugging authorizations in Developer options and replug the cable.',
  'adbState.offline.label': 'Offline',
  'adbState.offline.help':
    'adb sees the phone but it does not answer. Unplug and replug the cable, or run `adb reconnect offline`; if it stays offline, restart adb with `adb kill-server`.',
  'adbState.no-permissions.label': 'No permission',
  'adbState.no-permissions.help':
    'This computer may not open the USB device. On Linux, install udev rules for Android (e.g. the android-sdk-platform-tools-common package), add yourself to the plugdev group, then replug. Also set the USB mode to "File transfer".',
  'adbState.authorizing.label': 'Authorizing',
  'adbState.authorizing.help':
    'The phone is checking this computer’s key. Unlock it and wait a moment; tap Allow if a prompt shows.',
  'adbState.connecting.label': 'Connecting',
  'adbState.connecting.help':
    'adb is still connecting to the phone. Wait a few seconds; if it stays like this, replug the cable.',
  'adbState.recovery.label': 'Recovery mode',
  'adbState.recovery.help':
    'The phone is in recovery mode. Choose "Reboot system now" on the phone (or run `adb reboot`) to start Android.',
  'adbState.sideload.label': 'Sideload mode',
  'adbState.sideload.help':
    'The phone is waiting for an update in sideload mode. Finish or cancel it, then reboot to the system with `adb reboot`.',
  'adbState.rescue.label': 'Rescue mode',
  'adbState.rescue.help':
    'The phone is in rescue mode. Reboot it to the system with `adb reboot` or by holding the power button.',
  'adbState.bootloader.label': 'Bootloader',
  'adbState.bootloader.help':
    'The phone is in the bootloader (fastboot). Choose "Start" on the phone or run `fastboot reboot` to boot Android.',
  'adbState.host.label': 'Host',
  'adbState.host.help': 'This entry is an adb host, not a phone. Nothing to do.',
  'adbState.unknown.label': 'Unknown state',
  'adbState.unknown.help':
    'adb reports a state PushLab does not know. Replug the phone; if it persists, update adb.',

  // Error codes as headings
  'error.ADB_UNREACHABLE': 'adb server unreachable',
  'error.ADB_SERVER_START_FAILED': 'Could not start the adb server',
  'error.ADB_NOT_FOUND': 'adb not found',
  'error.DEVICE_NOT_FOUND': 'Phone not found',
  'error.DEVICE_UNAUTHORIZED': 'Phone not authorized',
  'error.DEVICE_OFFLINE': 'Phone offline',
  'error.DEVICE_LOST': 'Phone disconnected',
  'error.DEVICE_NOT_READY': 'Phone not ready',
  'error.TIMEOUT': 'Timed out',
  'error.NOT_AN_APK': 'Not an Android app',
  'error.APK_UNREADABLE': 'Cannot read the APK',
  'error.INSTALL_FAILED': 'Install failed',
  'error.INVALID_ARGUMENT': 'Invalid request',
  'error.MALFORMED_OUTPUT': 'Unexpected output from the phone',
  'error.COMMAND_FAILED': 'Command failed',
  'error.NOT_FOUND': 'Not found',
  'error.STORAGE_FAILED': 'Storage problem',
  'error.PLAN_INVALID': 'The run plan is not valid',
  'error.SEND_FAILED': 'The push could not be sent',
  'error.CANCELLED': 'Stopped',
  'error.SECRET_UNAVAILABLE': 'Credential missing',
  'error.RUN_SIGNED_OFF': 'Run signed off',
  'error.QUOTA_EXCEEDED': 'Send quota exceeded',
  'error.INTERNAL': 'Something went wrong',

  // Vendor group names and push channel names: shared/vendors/vendor-table.ts
  ...vendorMessages('en'),
  'vendor.unknown': 'Unknown',

  // Why a phone gets its push channel (keys emitted by the identity classifier)
  'channel.vendor': '{brand} phone on {rom}: offline push goes through {channelName}.',
  'channel.honorPreSplit':
    '{brand} phone on {rom}, from before Honor left Huawei: it still uses Huawei Mobile Services, so offline push goes through Huawei Push (HMS).',
  'channel.honorPostSplit': '{brand} phone on {rom} with {service}: offline push goes through Honor Push.',
  'channel.oplusChina': '{brand} phone on {rom} with {service}: offline push goes through OPPO Push.',
  'channel.oplusGlobal':
    '{brand} phone on {rom}, a global build without HeyTap push: offline push goes through FCM (Google Play services).',
  'channel.fcm':
    '{brand} phone on {rom}: no vendor push channel, so offline push goes through FCM (Google Play services).',
  'channel.fcmMissingGms':
    '{brand} phone on {rom}: it would use FCM, but Google Play services is missing, so offline push cannot reach it.',
  'channel.unknownReason': 'PushLab could not explain the push channel for this phone.',

  // Device board
  'devices.heading': 'Phones',
  'devices.count.one': '{count} phone',
  'devices.count.other': '{count} phones',
  'devices.loading': 'Looking for phones…',
  'devices.live': 'The list updates by itself when you plug or unplug a phone.',
  'device.listLabel': 'Attached phones',
  'device.cardLabel': '{name}, serial {serial}',
  'device.unnamed': 'Unidentified phone',
  'device.serial': 'Serial',
  'device.model': 'Model',
  'device.codename': 'Codename',
  'device.rom': 'ROM',
  'device.romVersion': '{name} {version}',
  'device.android': 'Android',
  'device.androidVersion': 'Android {version} (SDK {sdk})',
  'device.androidVersionNoSdk': 'Android {version}',
  'device.pushChannel': 'Push channel',
  'device.pushServices': 'Push services',
  'device.noPushService': 'No push service app found on this phone.',
  'device.serviceVersion': '{name}: version code {code}',
  'device.serviceVersionUnknown': '{name}: version unknown',
  'device.serviceTooOld':
    '{name} {code} is older than the {minimum} this channel needs. Update it from the vendor’s app store.',
  'device.transport.usb': 'USB',
  'device.transport.tcp': 'Wi-Fi / TCP',
  'device.transport.emulator': 'Emulator',
  'device.state': 'Connection',
  'device.identityPending': 'Reading the phone’s identity…',
  'device.identityFailed': 'Could not read this phone’s identity.',
  'device.identityNotApplicable': 'Identity is read only from phones that are ready.',
  'device.refreshIdentity': 'Read identity again',
  'device.screenshot': 'Screenshot',
  'device.screenshotTaking': 'Taking screenshot…',
  'device.screenshotTitle': 'Screenshot of {name}',
  'device.screenshotSaved': 'Saved to {path} ({size}).',
  'device.screenshotNoPreview': 'The image is too large to preview here.',
  'device.screenshotFailed': 'Screenshot failed',

  // Install
  'install.heading': 'Install a build',
  'install.intro': 'Drop the APK under test, choose phones, install on all of them at once.',
  'install.drop': 'Drop an .apk file here',
  'install.dropActive': 'Release to read this file',
  'install.or': 'or',
  'install.choose': 'Choose an APK…',
  'install.fileInputLabel': 'APK file',
  'install.staging': 'Preparing {name}…',
  'install.inspecting': 'Reading {name}…',
  'install.chooseAnother': 'Choose another file',
  'install.nothingSent': 'Nothing was sent to any phone.',
  'apk.heading': 'Build',
  'apk.label': 'App name',
  'apk.package': 'Package',
  'apk.version': 'Version',
  'apk.versionValue': '{name} (versionCode {code})',
  'apk.versionCodeOnly': 'versionCode {code}',
  'apk.minSdk': 'Min SDK',
  'apk.targetSdk': 'Target SDK',
  'apk.size': 'Size',
  'apk.sha256': 'SHA-256',
  'apk.nativeAbis': 'Native code',
  'apk.noNativeCode': 'none (runs on any ABI)',
  'apk.testOnly': 'Test-only build (needs "Allow test-only builds")',
  'apk.notSet': 'not set',
  'install.phones': 'Phones to install on',
  'install.selectAll': 'Select all ready phones',
  'install.selectNone': 'Clear selection',
  'install.noReadyPhones':
    'No phone is ready. Phones appear here once they are connected, authorized and identified.',
  'install.notSelectable': '{name} is not ready: {reason}',
  'install.sdkTooLow':
    'Android SDK {sdk} is below this build’s minSdk {minSdk}: it cannot take this build (the install would fail with INSTALL_FAILED_OLDER_SDK), so it is not selected.',
  'install.options': 'Options',
  'install.option.replace': 'Replace an existing install and keep its data (-r)',
  'install.option.allowDowngrade': 'Allow a lower versionCode than installed (-d)',
  'install.option.grantPermissions': 'Grant all runtime permissions (-g)',
  'install.option.allowTestOnly': 'Allow test-only builds (-t)',
  'install.start.one': 'Install on {count} phone',
  'install.start.other': 'Install on {count} phones',
  'install.starting': 'Starting…',
  'install.pickApkFirst': 'Choose an APK first.',
  'install.pickPhonesFirst': 'Select at least one phone.',
  'install.progressHeading': 'Current install',
  'install.phase.queued': 'Waiting',
  'install.phase.pushing': 'Copying {pushed} of {total}',
  'install.phase.installing': 'Installing…',
  'install.phase.done': 'Installed',
  'install.phase.failed': 'Failed',
  'install.progressLabel': 'Install progress on {phone}',
  'install.failureFix': 'Fix: {fix}',
  'install.failureRaw': 'The phone said',
  'install.history': 'Recent installs',
  'install.historyEmpty': 'No earlier installs.',
  'install.jobSummary': '{done} of {total} installed, {failed} failed',
  'install.jobRunning': 'running',
  'install.jobPhones': 'Phone by phone',
  'install.jobStarted': 'Started {time}',
  'install.jobFinished': 'Finished {time}',

  // Virtual lab and the empty state
  'lab.empty.heading': 'No phone attached',
  'lab.empty.intro': 'Connect an Android phone with a USB cable and turn on USB debugging:',
  'lab.steps.label': 'How to turn on USB debugging',
  'lab.steps.1': 'Open Settings > About phone.',
  'lab.steps.2':
    'Tap "Build number" 7 times until it says you are a developer (on Xiaomi: "OS version" / "MIUI version"; on vivo: "Software version").',
  'lab.steps.3': 'Go back and open Developer options (often under Settings > System or Additional settings).',
  'lab.steps.4': 'Turn on USB debugging.',
  'lab.steps.5': 'Plug the phone in, unlock it and tap Allow on the prompt.',
  'lab.quirks.heading': 'Vendor quirks',
  'lab.quirk.xiaomi':
    'Xiaomi, Redmi, POCO: also turn on "USB debugging (Security settings)" and "Install via USB". They need a SIM card and a signed-in Mi account.',
  'lab.quirk.huaweiHonor': 'Huawei and Honor: also turn on "Allow ADB debugging in charge only mode".',
  'lab.quirk.oppoVivo':
    'OPPO, realme, OnePlus and vivo: turn on "Disable permission monitoring" where it exists, or installs over USB may be blocked.',
  'lab.virtual.heading': 'No phone at hand?',
  'lab.virtual.intro':
    'Start a virtual lab: simulated phones of several vendors that adb sees like real ones.',
  'lab.start': 'Start virtual lab',
  'lab.starting': 'Starting virtual lab…',
  'lab.stop': 'Stop virtual lab',
  'lab.stopping': 'Stopping…',
  'lab.panel.heading': 'Virtual lab',
  'lab.panel.listLabel': 'Virtual phones',
  'lab.phone.plugged': 'Plugged in',
  'lab.phone.unplugged': 'Unplugged',
  'lab.phone.unauthorized': 'waiting for authorization',
  'lab.phone.toggle': 'Cable for {profile}',
  'lab.plug': 'Plug in',
  'lab.unplug': 'Unplug',
  'lab.failed': 'The virtual lab failed',
} as const;

/** Every message id. */
export type MessageKey = keyof typeof en;
/** The English catalog's type, with literal templates (used to check placeholders). */
export type EnglishCatalog = typeof en;
