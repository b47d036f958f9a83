/** iOS simulator text (English): device board rows and the iOS status line. Merged into en.ts; zh-CN twin in ios.zh-CN.ts. */
export const iosEn = {
  'device.transport.simulator': 'Simulator',
  'device.ios': 'iOS',
  'device.iosVersion': 'iOS {version}',
  'device.iosVersionUnknown': 'iOS (version unknown)',
  'device.runtime': 'Runtime',
  'device.simulatorState': 'Simulator {state}: wait until it has booted.',
  'channel.apnsSimulator':
    "iOS simulator: PushLab delivers pushes to it with `xcrun simctl push`, straight to the app; with Xcode 14+ on an Apple silicon or T2 Mac, APNs's sandbox also reaches it through the app's device token (the apns sender).",
  'ios.available.one':
    'iOS: {booted} simulator booted, {shutdown} shut down. Boot one (Xcode › Open Developer Tool › Simulator, or `xcrun simctl boot <udid>`) to use it here.',
  'ios.available.other':
    'iOS: {booted} simulators booted, {shutdown} shut down. Boot one (Xcode › Open Developer Tool › Simulator, or `xcrun simctl boot <udid>`) to use it here.',
  'ios.unavailable.not-macos':
    'iOS simulators need a Mac with Xcode; this computer is not a Mac, so only Android phones are shown.',
  'ios.unavailable.no-xcrun':
    'iOS simulators need Xcode: `xcrun` was not found. Install Xcode from the App Store and open it once.',
  'ios.unavailable.no-simctl':
    'iOS simulators need Xcode, not only the Command Line Tools: `xcrun simctl` is missing. Install Xcode, then run `sudo xcode-select -s /Applications/Xcode.app`.',
  'ios.unavailable.list-failed': 'iOS simulators are not shown: `xcrun simctl list` failed ({detail}).',
} as const;
