/** The doctor on an iOS simulator (Simplified Chinese). Merged into zh-CN.ts. */
export const doctorIosZh = {
  'doctor.area.simulator': '模拟器',
  'check.ios.booted.title': '模拟器已启动',
  'check.ios.booted.ok': '模拟器已启动：simctl 可以连到它，它可以接收推送。',
  'check.ios.booted.notBooted':
    '模拟器状态为 {state}：启动完成前收不到任何推送。请在 Simulator 应用中启动它，或运行 `xcrun simctl boot <udid>`。',
  'check.ios.runtime.title': 'iOS 版本',
  'check.ios.runtime.ok': '{model} 上的 iOS {version}：推送按此 iOS 版本的规则展示。',
  'check.ios.runtime.unknown': '运行时 {runtime} 未给出 iOS 版本。',
  'check.ios.app.installed.title': '应用已安装',
  'check.ios.app.installed.ok': '{bundle} 已安装在此模拟器上。请确认它就是要测试的包。',
  'check.ios.app.installed.missing':
    '此模拟器上没有安装 {bundle}。请检查 Bundle ID，或安装模拟器包：`pushlab install App.app --serial <udid>`。',
  'check.ios.authorization.title': '通知权限',
  'check.ios.authorization.authorized': '应用可以显示通知（已授权）。',
  'check.ios.authorization.provisional':
    '临时授权（.provisional）：推送只会静默进入通知中心，没有横幅、声音，也不上锁屏，直到用户选择保留。请让应用申请完整授权，或在它的某条通知上选择“保留 › 突出显示”。',
  'check.ios.authorization.ephemeral': '短期授权（App Clip）：在有限时间内允许通知。',
  'check.ios.authorization.denied':
    '应用的通知已关闭：iOS 不会显示它的任何推送。请在模拟器的“设置 › 通知”中为 {bundle} 打开“允许通知”。',
  'check.ios.authorization.notAsked':
    '应用还没有申请通知权限，或没人回应它的弹窗：在此之前 iOS 不显示它的任何推送。请在模拟器上打开应用，在弹窗出现时点“允许”。PushLab 无法代为授权：simctl 没有这个能力。',
  'check.ios.authorization.noStore':
    '此模拟器还没有用过通知（没有通知设置文件），所以应用还没有申请权限：iOS 不显示它的任何推送。请在模拟器上打开应用，在弹窗出现时点“允许”。PushLab 无法代为授权：simctl 没有这个能力。',
  'check.ios.authorization.unknown': '模拟器的通知设置没有说明是否允许通知。',
  'check.ios.authorization.notRead':
    'PushLab 读不到模拟器的通知设置（{reason}）。请稍后再检查一次；iOS 可能正在重写该文件。',
  'check.ios.alertStyle.title': '提醒样式',
  'check.ios.alertStyle.banner': '横幅：推送在屏幕顶部出现，随后留在通知中心。',
  'check.ios.alertStyle.alert': '提醒：推送一直停留在屏幕上，直到用户处理。',
  'check.ios.alertStyle.none':
    '提醒样式为“无”：推送进入通知中心和锁屏，但不会弹出横幅。请在“设置 › 通知”中为 {bundle} 选择“横幅”，才能看到推送到达。',
  'check.ios.alertStyle.unknown': '通知设置中没有提醒样式。',
  'check.ios.sound.title': '声音',
  'check.ios.sound.on': '声音已开启：带声音的推送会播放它。',
  'check.ios.sound.off':
    '应用的声音已关闭：推送静默到达，自定义铃声永远听不到。请在“设置 › 通知”中为 {bundle} 打开“声音”。',
  'check.ios.sound.unknown': '通知设置中没有声音设置。',
  'check.ios.badge.title': '标记',
  'check.ios.badge.on': '标记已开启：应用图标会显示推送设置的数字。',
  'check.ios.badge.off': '应用的标记已关闭：图标上不显示数字。请在“设置 › 通知”中为 {bundle} 打开“标记”。',
  'check.ios.badge.unknown': '通知设置中没有标记设置。',
} as const;
