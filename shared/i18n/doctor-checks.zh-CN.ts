/** Doctor check titles, advice and vendor settings paths (Simplified Chinese). Merged into zh-CN.ts. */
export const doctorChecksZh = {
  'check.notRead':
    'PushLab 无法读取这一项（{source}），因此不做判断。请重新检查；如果一直失败，可能是这台手机不支持该命令。',
  'check.app.installed.title': '应用已安装',
  'check.app.installed.ok': '已安装版本 {version}。请确认这是你正在测试的构建。',
  'check.app.installed.missing':
    '这台手机上没有安装 {package}。请检查包名（applicationId），或先安装该构建。',
  'check.app.notInstalled': '未检查：应用未安装。',
  'check.app.enabled.title': '应用已启用',
  'check.app.enabled.ok': '应用已启用，且未被暂停。',
  'check.app.enabled.okDefault':
    '应用已启用，且未被暂停。“enabled=0”是 Android 的默认状态：按安装时的状态启用，并非被关闭。',
  'check.app.enabled.okExplicit': '应用已启用，且未被暂停。“enabled=1”表示被显式启用。',
  'check.app.enabled.disabled': '应用已被停用：它无法接收或显示任何通知。请在“设置 › 应用”中启用它。',
  'check.app.enabled.suspended':
    '应用已被暂停（例如被“数字健康”或设备策略暂停）：它的通知会被隐藏。请在手机上解除暂停。',
  'check.app.enabled.unreadable': '软件包信息里没有说明应用是否已启用。',
  'check.app.stopped.title': '未处于停止状态',
  'check.app.stopped.ok': '应用未处于停止状态：推送服务可以唤醒它。',
  'check.app.stopped.neverLaunched':
    '应用安装后从未启动过。在打开一次之前，FCM 和大多数厂商通道都不会向它投递任何消息。',
  'check.app.stopped.forceStopped':
    '应用已被强行停止。在再次打开之前，FCM 不会向它投递消息。在部分 ROM 上，从最近任务中划掉应用也会造成同样的结果。',
  'check.app.stopped.forceStoppedVendor':
    '应用已被强行停止。本机的厂商通道是系统级通道，离线推送仍应正常显示（见腾讯云文档）；应用自身的长连接和应用内功能要等再次打开后才恢复。',
  'check.app.stopped.unreadable': '软件包信息里没有显示停止状态。',
  'check.notifications.permission.title': '通知权限',
  'check.notifications.permission.notNeeded':
    '这台手机的 SDK 为 {sdk}：Android 13 之前发送通知不需要运行时权限。',
  'check.notifications.permission.granted': '已授予 POST_NOTIFICATIONS 权限。',
  'check.notifications.permission.denied':
    'POST_NOTIFICATIONS 被拒绝：在 Android 13 及以上，应用无法显示任何通知，包括离线推送。',
  'check.notifications.permission.notRequested':
    '应用没有申请 POST_NOTIFICATIONS。在 Android 13 及以上，targetSdk 为 33 或更高的应用必须声明并申请该权限，否则不会显示任何通知。',
  'check.notifications.permission.absentUnknownSdk':
    '软件包信息中没有 POST_NOTIFICATIONS 条目，而且尚不知道这台手机的 Android 版本。',
  'check.notifications.permission.unreadable': '无法读取该权限的记录。',
  'check.notifications.permissionFlags.title': '应用可以再次请求通知权限',
  'check.notifications.permissionFlags.ok': '没有任何设置阻止应用请求通知权限。',
  'check.notifications.permissionFlags.canAsk': '权限已被拒绝，但应用还可以再次请求。',
  'check.notifications.permissionFlags.userFixed':
    '拒绝已被标记为 USER_FIXED：即使应用再次请求，Android 也不会再弹出权限对话框。请清除这些标记，或直接授予权限。',
  'check.notifications.permissionFlags.policy':
    '该权限被 {flag} 锁定（设备策略或系统设置）：应用和 adb 都无法更改。请联系设备管理员。',
  'check.notifications.app.title': '允许应用发送通知',
  'check.notifications.app.allowed': '应用可以显示通知。',
  'check.notifications.app.noEntry': '应用还没有通知设置记录，因此采用默认设置（允许通知）。',
  'check.notifications.app.blocked':
    '整个应用的通知已关闭（重要性为 NONE）：任何推送都不会显示。请在应用的通知设置中打开。',
  'check.notifications.app.blockedOppo':
    '整个应用的通知已关闭。OPPO、realme 和一加手机在新安装应用时默认关闭通知：请为该应用打开“允许通知”。',
  'check.notifications.app.unreadable': '无法读取应用的通知设置记录。',
  'check.channel.title': '通知渠道“{channel}”',
  'check.channel.ok': '“{name}”已存在，重要性为 {importance}（提示音：{sound}，振动：{vibration}）。',
  'check.channel.missing':
    '应用还没有创建通知渠道“{channel}”。使用此渠道 ID 发送的推送可能会被丢弃，或显示在其他渠道中。请在应用启动时创建该渠道，或修正推送配置中的渠道 ID。',
  'check.channel.missingOppo':
    '应用还没有创建通知渠道“{channel}”。在 Android 8 及以上的 OPPO、realme 和一加手机上，ChannelID 不存在的推送完全不会显示。请在应用启动时创建该渠道，并在推送中使用相同的 ID（setAndroidOPPOChannelID）。',
  'check.channel.deleted': '通知渠道“{channel}”已被应用删除。在应用重新创建之前，发往该渠道的推送不会显示。',
  'check.channel.blocked':
    '通知渠道“{name}”已关闭（重要性为 NONE）：发往该渠道的推送不会显示。请在应用的通知设置中打开。',
  'check.channel.low':
    '通知渠道“{name}”的重要性为 {importance}：推送会静默到达，没有横幅和提示音，还可能被折叠。',
  'check.channel.secret': '通知渠道“{name}”在安全锁屏上被隐藏：手机锁定时到达的推送不会在锁屏上显示。',
  'check.channel.unreadable': '该渠道存在，但无法读取它的重要性。',
  'check.channels.oppoChannelId.title': 'OPPO 渠道 ID（ChannelID）',
  'check.channels.oppoChannelId.missing':
    '未提供要检查的 ChannelID。在 Android 8 及以上的 OPPO、realme 和一加手机上，推送若没有应用已创建渠道的 ChannelID 将完全不显示。查找方法：即应用启动时创建的通知渠道（见下方证据，或“设置 › 通知 › 该应用”），也就是在 OPPO 推送平台登记的渠道；请用 --channel ID 重新运行诊断（pushlab doctor），并在推送中作为 OPPOChannelID 发送。',
  'check.channels.oppoChannelId.missingNone':
    '未提供要检查的 ChannelID，且应用尚未创建任何通知渠道。在 Android 8 及以上的 OPPO、realme 和一加手机上，推送若没有应用已创建渠道的 ChannelID 将完全不显示。请先打开一次应用让它创建渠道，再用 --channel ID（即在 OPPO 推送平台登记的 ID）重新运行诊断（pushlab doctor）。',
  'check.channels.blocked.title': '其他被关闭的渠道',
  'check.channels.blocked.none': '应用的 {count} 个通知渠道都没有被关闭。',
  'check.channels.blocked.some': '以下渠道已被关闭：{channels}。发往这些渠道的推送不会显示。',
  'check.dnd.title': '勿扰模式',
  'check.dnd.off': '勿扰模式已关闭。',
  'check.dnd.bypass': '勿扰模式已开启（仅限重要打扰），但应用的通知渠道可以绕过它。',
  'check.dnd.important':
    '勿扰模式已开启（仅限重要打扰）：推送到达时没有提示音，也可能不会弹出。测试时请从快捷设置中关闭。',
  'check.dnd.alarms': '勿扰模式已开启（仅限闹钟）：推送会静默到达，也可能不显示。测试时请从快捷设置中关闭。',
  'check.dnd.total': '勿扰模式已开启（完全静音）：推送会静默到达，也可能不显示。测试时请从快捷设置中关闭。',
  'check.dnd.unreadable': '无法读取勿扰模式的状态。',
  'check.lockscreen.notifications.title': '锁屏通知',
  'check.lockscreen.notifications.shown': '锁屏上会显示通知。',
  'check.lockscreen.notifications.hidden': '锁屏上不显示通知：手机锁定时到达的推送只有在解锁后才能看到。',
  'check.lockscreen.private.title': '锁屏通知内容',
  'check.lockscreen.private.shown': '锁屏上会显示通知内容。',
  'check.lockscreen.private.hidden': '锁屏上隐藏通知内容：推送在锁屏上显示时不带正文。',
  'check.battery.doze.title': '电池优化（Doze）',
  'check.battery.doze.allowlisted': '应用在 Doze 白名单中（{kind}）。',
  'check.battery.doze.notAllowlisted':
    '应用受电池优化限制：在 Doze 模式下只有高优先级消息能唤醒它，普通消息要等到维护窗口。测试时请把它加入白名单。',
  'check.battery.runAny.title': '后台限制',
  'check.battery.runIn.title': '后台运行',
  'check.battery.appOp.allowed': '已允许 {op}。',
  'check.battery.appOp.default': '应用没有设置 {op}，因此采用默认值（允许）。',
  'check.battery.appOp.restricted':
    '{op} 为“{mode}”：应用无法在后台运行，因此数据消息和厂商透传消息都不会被处理。请允许该项。',
  'check.battery.appOp.unreadable': '无法读取 {op} 的模式。',
  'check.battery.standby.title': '应用待机分组',
  'check.battery.standby.ok': '应用处于“{bucket}”待机分组。',
  'check.battery.standby.rare':
    '应用处于“{bucket}”待机分组：它的任务和闹钟会被推迟，高优先级推送也会受到配额限制。请打开应用，或将其移到“active”分组。',
  'check.battery.standby.restricted':
    '应用处于“{bucket}”待机分组，这是限制最严格的分组：它几乎无法在后台运行。请将其移到“active”分组。',
  'check.battery.standby.unreadable': '无法读取待机分组。',
  'check.battery.saver.title': '省电模式',
  'check.battery.saver.off': '省电模式已关闭。',
  'check.battery.saver.on': '省电模式已开启：后台活动受限，推送可能会延迟。测试时请关闭。',
  'check.battery.data.title': '后台数据',
  'check.battery.data.ok': '应用可以在后台使用数据。',
  'check.battery.data.backgroundOff':
    '应用的后台数据已关闭：推送唤醒应用时，它无法获取消息内容。请为该应用打开后台数据。',
  'check.battery.data.saverOn':
    '流量节省程序已开启，而应用不在例外名单中：使用移动数据时它无法在后台联网。请将其设为例外，或在 Wi-Fi 下测试。',
  'check.battery.data.unreadable': '无法读取流量节省程序的状态。',
  'check.vendor.autostart.title': '自启动',
  'check.vendor.autostart.miuiOn': '已允许应用自启动。',
  'check.vendor.autostart.miuiOff':
    '在 {rom} 上该应用的自启动已关闭：应用被杀死后，需要应用处理的推送（透传和数据消息）无法启动它。请允许自启动。',
  'check.vendor.autostart.miuiUnclear':
    '在 {rom} 上没有列出该应用的自启动权限（10008），因此状态未知。请在手机上检查。',
  'check.vendor.autostart.manual':
    '{rom} 可以阻止 {package} 在后台启动，而 adb 无法读取这个开关。请确认已允许自启动。',
  'check.vendor.showWhenLocked.title': '锁屏显示',
  'check.vendor.showWhenLocked.on': '应用可以在锁屏上显示。',
  'check.vendor.showWhenLocked.off': '在 {rom} 上该应用的“锁屏显示”已关闭：手机锁定时它的通知可能不会出现。',
  'check.vendor.showWhenLocked.unclear': '在 {rom} 上没有列出该应用的锁屏显示权限（10020），因此状态未知。',
  'check.vendor.appLaunch.title': '应用启动管理',
  'check.vendor.appLaunch.manual':
    '在 {rom} 上，“应用启动管理”决定 {package} 能否自启动、被其他应用关联启动以及在后台运行；adb 无法读取此项。请改为手动管理，并打开全部三个开关。',
  'check.vendor.deepSleep.title': '休眠应用',
  'check.vendor.deepSleep.manual':
    '在 {rom} 上，处于休眠或深度休眠名单中的应用没有后台运行时间，也收不到通知；adb 无法读取这些名单。请确认 {package} 不在其中，或把它加入永不休眠的应用。',
  'check.vendor.background.title': '厂商电池管理',
  'check.vendor.background.manual':
    '{rom} 有自己的电池管理，可能会在后台冻结 {package}；adb 无法读取此项。请允许应用在后台不受限制地运行。',
  'check.vendor.notifications.title': '厂商通知设置',
  'check.vendor.notifications.manual':
    '{rom} 为 {package} 增加了自己的通知开关（横幅、锁屏、角标），adb 无法读取。请确认它们已打开。',
  'check.push.service.title': '推送服务',
  'check.push.service.ok': '{service} {version} 已安装并启用，可用于 {channel}。',
  'check.push.service.none': '在这台手机上，{channel} 不需要单独的推送服务。',
  'check.push.service.missing': '没有安装 {service}，因此 {channel} 无法向这台手机投递。',
  'check.push.service.missingGms':
    '没有安装 {service}：{channel} 需要 Google Play 服务，而在中国大陆销售的手机通常没有。',
  'check.push.service.disabled': '{service} 已被停用，因此 {channel} 无法投递。请在“设置 › 应用”中启用它。',
  'check.push.service.tooOld':
    '{service} 的版本为 {version}；离线推送需要高于 {minimum} 的版本。请从厂商的应用商店更新。',
  'check.push.service.versionUnknown': '无法读取 {service} 的版本；离线推送要求版本至少为 {minimum}。',
  'check.push.quota.title': '{channel} 消息分类与配额',
  'check.push.quota.huawei':
    '华为把推送分为“服务与通讯”和“资讯营销”两类。没有自分类权益时，华为会自行智能分类，资讯营销类消息会受到数量限制，且可能静默展示。请申请自分类权益，并把 IM 消息作为通讯类发送。',
  'check.push.quota.xiaomi':
    '小米把推送分为重要消息和普通消息。只有即时消息、提醒等类别在小米开放平台申请后才算重要消息；普通消息有每日数量限制。',
  'check.push.quota.oppo':
    'OPPO 把推送分为私信消息和公信消息。私信通道（用户希望及时收到的消息）需要通过邮件申请；公信通道有每日数量限制。',
  'check.push.quota.vivo':
    'vivo 把推送分为系统消息和运营消息，无法被智能识别为系统消息的会被自动修正为运营消息。每天的推送总量受应用订阅用户数的限制。',
  'check.push.quota.meizu': '魅族限制每个应用每天的推送数量。',
  'vendor.console.huawei': 'AppGallery Connect › 你的应用 › 推送服务 › 消息分类（自分类权益）',
  'vendor.console.xiaomi': '小米开放平台 › 推送服务 › 你的应用 › 消息通道（重要消息）',
  'vendor.console.oppo': 'OPPO 开放平台 › 推送服务 › 你的应用 › 私信通道',
  'vendor.console.vivo': 'vivo 开放平台 › 推送服务 › 你的应用 › 消息分类与每日限额',
  'vendor.console.meizu': '魅族开放平台 › 推送服务 › 你的应用 › 每日限额',
  'vendor.xiaomi.autostartSecurity': '手机管家 › 授权管理 › 自启动管理 › 打开该应用',
  'vendor.xiaomi.autostartAppInfo': '设置 › 应用设置 › 应用管理 › 该应用 › 自启动',
  'vendor.xiaomi.autostartBackground': '设置 › 应用设置 › 应用管理 › 该应用 › 应用权限 › 后台自启动',
  'vendor.xiaomi.autostartHyperos': '设置 › 应用设置 › 权限管理 › 后台自启动 › 打开该应用',
  'vendor.xiaomi.batterySaverLegacy': '设置 › 电量和性能 › 应用智能省电 › 该应用 › 无限制',
  'vendor.xiaomi.batterySaver': '设置 › 应用设置 › 应用管理 › 该应用 › 省电策略 › 无限制',
  'vendor.xiaomi.notificationsLegacy': '设置 › 通知和状态栏 › 通知管理 › 该应用 › 允许通知',
  'vendor.xiaomi.notificationsControlCentre': '设置 › 通知与控制中心 › 通知管理 › 该应用',
  'vendor.xiaomi.notifications': '设置 › 通知与状态栏 › 通知管理 › 该应用',
  'vendor.xiaomi.lockScreen':
    '设置 › 应用设置 › 应用管理 › 该应用 › 其他权限 › 锁屏显示；以及通知管理中该应用的“锁屏通知”',
  'vendor.huawei.protectedApps': '手机管家 › 受保护应用 › 打开该应用',
  'vendor.huawei.appLaunchBattery':
    '设置 › 电池 › 启动管理 › 该应用 › 关闭“自动管理”，然后打开“允许自启动”“允许关联启动”“允许后台活动”',
  'vendor.huawei.appLaunchApps':
    '设置 › 应用 › 应用启动管理 › 该应用 › 关闭“自动管理”，然后打开“允许自启动”“允许关联启动”“允许后台活动”',
  'vendor.huawei.appLaunchHarmony':
    '设置 › 应用和服务 › 应用启动管理 › 该应用 › 关闭“自动管理”，然后打开“允许自启动”“允许关联启动”“允许后台活动”',
  'vendor.huawei.batteryOptimisationLegacy':
    '设置 › 应用管理 › 高级 › 忽略电池优化 › 所有应用 › 该应用 › 允许',
  'vendor.huawei.batteryOptimisation': '设置 › 搜索“电池优化” › 所有应用 › 该应用 › 不允许',
  'vendor.huawei.notificationsLegacy': '设置 › 通知栏和状态栏 › 通知中心 › 该应用 › 允许通知',
  'vendor.huawei.notifications': '设置 › 通知 › 该应用 › 允许通知（以及横幅通知、锁屏通知）',
  'vendor.huawei.notificationsHarmony': '设置 › 通知和状态栏 › 该应用 › 允许通知（以及横幅通知、锁屏通知）',
  'vendor.huawei.lockScreen': '设置 › 通知 › 锁屏通知 › 显示所有通知',
  'vendor.honor.appLaunch':
    '设置 › 应用 › 应用启动管理 › 该应用 › 关闭“自动管理”，然后打开“允许自启动”“允许关联启动”“允许后台活动”',
  'vendor.honor.notifications': '设置 › 通知和状态栏 › 该应用 › 允许通知',
  'vendor.honor.lockScreen': '设置 › 通知和状态栏 › 锁屏通知 › 显示所有通知',
  'vendor.oplus.startupManager': '手机管家 › 权限隐私 › 自启动管理 › 打开该应用',
  'vendor.oplus.autoStartupAppList': '设置 › 应用管理 › 应用列表 › 该应用 › 允许自动启动',
  'vendor.oplus.autoLaunch': '设置 › 应用 › 应用管理 › 该应用 › 耗电管理 › 允许自启动',
  'vendor.oplus.powerSaving': '设置 › 电池 › 耗电保护 › 该应用 › 允许后台运行',
  'vendor.oplus.backgroundActivity': '设置 › 应用 › 应用管理 › 该应用 › 耗电管理 › 允许后台行为',
  'vendor.oplus.notifications': '设置 › 通知与状态栏 › 通知管理 › 该应用 › 允许通知',
  'vendor.oplus.lockScreen': '设置 › 通知与状态栏 › 通知管理 › 该应用 › 锁屏通知',
  'vendor.oneplus.batteryOptimisation': '设置 › 电池 › 电池优化 › 所有应用 › 该应用 › 不优化',
  'vendor.oneplus.notifications': '设置 › 应用和通知 › 该应用 › 通知',
  'vendor.vivo.autostartIManager': 'i管家 › 软件管理 › 自启动管理 › 打开该应用',
  'vendor.vivo.autostartSettings': '设置 › 更多设置 › 应用程序 › 自启动 › 打开该应用',
  'vendor.vivo.autostartOrigin': 'i管家 › 应用管理 › 权限管理 › 自启动 › 打开该应用',
  'vendor.vivo.backgroundPower': '设置 › 电池 › 后台耗电管理 › 该应用 › 允许后台高耗电',
  'vendor.vivo.notifications': '设置 › 通知与状态栏 › 应用通知管理 › 该应用 › 允许通知',
  'vendor.meizu.autostart': '手机管家 › 权限管理 › 自启动管理 › 打开该应用',
  'vendor.meizu.background': '设置 › 电量管理 › 后台管理 › 该应用 › 允许后台运行',
  'vendor.meizu.notifications': '设置 › 通知和状态栏 › 应用通知管理 › 该应用',
  'vendor.samsung.deepSleepLegacy':
    '设置 › 设备维护 › 电池 › 应用程序电源管理 › 把该应用移出“深度休眠的应用程序”，并加入“不会进入休眠状态的应用程序”',
  'vendor.samsung.deepSleep':
    '设置 › 电池和设备维护 › 电池 › 后台使用限制 › 把该应用移出“休眠应用程序”和“深度休眠应用程序”，并加入“永不休眠的应用程序”',
  'vendor.samsung.backgroundLegacy': '设置 › 应用程序 › 该应用 › 电池 › 允许后台活动',
  'vendor.samsung.background': '设置 › 应用程序 › 该应用 › 电池 › 不受限制',
  'vendor.samsung.notifications': '设置 › 通知 › 应用程序通知 › 该应用',
} as const;
