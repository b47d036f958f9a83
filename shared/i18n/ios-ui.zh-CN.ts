/** iOS simulators in the Install and Push readiness views (Simplified Chinese). Merged into zh-CN.ts. */
export const iosUiZh = {
  'install.app.heading': 'iOS 模拟器包（.app）',
  'install.app.pathLabel': '.app 在这台 Mac 上的路径',
  'install.app.help':
    'Xcode 把它放在 Build/Products/Debug-iphonesimulator 下。PushLab 会先读取它的 Info.plist，再动任何模拟器。',
  'install.app.read': '读取 .app',
  'install.app.reading': '正在读取 {name}…',
  'install.app.clear': '清除',
  'install.app.bundleId': '包标识（Bundle ID）',
  'install.app.version': '版本',
  'install.app.versionValue': '{version}（构建号 {build}）',
  'install.app.minimumOs': '最低 iOS 版本',
  'install.app.name': '应用名称',
  'install.pickBuildFirst': '请先选择 APK 或模拟器 .app。',
  'install.needsApk': 'Android 手机：请为它选择 APK，否则会被拒绝。',
  'install.needsApp': '模拟器：请为它选择 .app，否则会被拒绝。',
  'install.iosTooLow':
    '此模拟器运行 iOS {ios}，该包需要 iOS {minimum} 或更高版本，PushLab 会拒绝安装，因此不会被选中。',
  'install.simulatorMeta': '模拟器 · {rom}',
  'doctor.bundle.label': '应用 Bundle ID',
  'doctor.bundle.help':
    '被测模拟器包的 Bundle ID，例如 com.example.chat。模拟器没有通知渠道：要检查的是应用本身、它的通知权限以及推送的展示方式。',
  'doctor.bundle.format':
    '这不是 Bundle ID：请使用以点分隔的两段或更多段，只含字母、数字和连字符（例如 com.example.chat）。',
  'simulators.heading': 'iOS 模拟器',
  'simulators.none': '没有 iOS 模拟器。请在 Xcode 的“窗口 › 设备与模拟器”中创建一个。',
  'simulators.version': '{platform} {version}',
  'simulators.state.booted': '已启动',
  'simulators.state.booting': '正在启动…',
  'simulators.state.shuttingDown': '正在关闭…',
  'simulators.state.shutdown': '已关闭',
  'simulators.state.creating': '正在创建…',
  'simulators.unusable': '不可用：{reason}',
  'simulators.boot': '启动',
  'simulators.shutdown': '关闭',
  'simulators.booting': '正在启动…',
  'simulators.shuttingDown': '正在关闭…',
} as const;
