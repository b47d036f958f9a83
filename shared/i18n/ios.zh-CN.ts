/** iOS simulator text (Simplified Chinese). Merged into zh-CN.ts. */
export const iosZh = {
  'device.transport.simulator': '模拟器',
  'device.ios': 'iOS 版本',
  'device.iosVersion': 'iOS {version}（模拟器）',
  'device.iosVersionUnknown': 'iOS（版本未知）',
  'device.runtime': '运行时',
  'device.simulatorState': '模拟器状态为 {state}：请等待其启动完成。',
  'channel.apnsSimulator':
    'iOS 模拟器：PushLab 通过 `xcrun simctl push` 直接把推送交给应用；在 Apple 芯片或带 T2 芯片的 Mac 上使用 Xcode 14+ 时，APNs 沙盒环境也能通过应用的设备令牌送达（发送方式 `apns`）。',
  'ios.available.one':
    'iOS：{booted} 台模拟器已启动，{shutdown} 台已关闭。启动一台（“Xcode › Open Developer Tool › Simulator”，或 `xcrun simctl boot <udid>`）即可在此使用。',
  'ios.available.other':
    'iOS：{booted} 台模拟器已启动，{shutdown} 台已关闭。启动一台（“Xcode › Open Developer Tool › Simulator”，或 `xcrun simctl boot <udid>`）即可在此使用。',
  'ios.unavailable.not-macos': 'iOS 模拟器需要装有 Xcode 的 Mac；这台电脑不是 Mac，因此只显示 Android 手机。',
  'ios.unavailable.no-xcrun': 'iOS 模拟器需要 Xcode：找不到 `xcrun`。请从 App Store 安装 Xcode 并打开一次。',
  'ios.unavailable.no-simctl':
    'iOS 模拟器需要完整的 Xcode，而不只是命令行工具：缺少 `xcrun simctl`。请安装 Xcode，然后运行 `sudo xcode-select -s /Applications/Xcode.app`。',
  'ios.unavailable.list-failed': '未显示 iOS 模拟器：`xcrun simctl list` 执行失败（{detail}）。',
} as const;
