/**
 * iOS simulators in the Install and Push readiness views (English): the .app picker, its summary,
 * simulator notes in the device list, and the bundle ID field. Merged into en.ts; zh-CN twin in
 * ios-ui.zh-CN.ts.
 */
export const iosUiEn = {
  'install.app.heading': 'iOS simulator build (.app)',
  'install.app.pathLabel': 'Path of the .app on this Mac',
  'install.app.help':
    'Xcode writes it under Build/Products/Debug-iphonesimulator. PushLab reads its Info.plist before any simulator is touched.',
  'install.app.read': 'Read .app',
  'install.app.reading': 'Reading {name}…',
  'install.app.clear': 'Clear',
  'install.app.bundleId': 'Bundle ID',
  'install.app.version': 'Version',
  'install.app.versionValue': '{version} (build {build})',
  'install.app.minimumOs': 'Minimum iOS',
  'install.app.name': 'App name',
  'install.pickBuildFirst': 'Choose an APK or a simulator .app first.',
  'install.needsApk': 'Android phone: choose an APK for it, or it is refused.',
  'install.needsApp': 'Simulator: choose a .app for it, or it is refused.',
  'install.iosTooLow':
    'This simulator runs iOS {ios}; the build needs iOS {minimum} or later, so PushLab would refuse it and it is not selected.',
  'install.simulatorMeta': 'Simulator · {rom}',
  'doctor.bundle.label': 'App bundle ID',
  'doctor.bundle.help':
    'The bundle ID of the simulator build under test, e.g. com.example.chat. A simulator has no notification channels: its checks are the app, its notification permission and how pushes show.',
  'doctor.bundle.format':
    'This is not a bundle ID: use two or more parts separated by dots, with only letters, digits and hyphens (e.g. com.example.chat).',
  'simulators.heading': 'iOS simulators',
  'simulators.none': 'No iOS simulators. Create one in Xcode › Window › Devices and Simulators.',
  'simulators.version': '{platform} {version}',
  'simulators.state.booted': 'Booted',
  'simulators.state.booting': 'Booting…',
  'simulators.state.shuttingDown': 'Shutting down…',
  'simulators.state.shutdown': 'Shut down',
  'simulators.state.creating': 'Being created…',
  'simulators.unusable': 'Unusable: {reason}',
  'simulators.boot': 'Boot',
  'simulators.shutdown': 'Shut down',
  'simulators.booting': 'Booting…',
  'simulators.shuttingDown': 'Shutting down…',
} as const;
