/**
 * Doctor check titles, advice and vendor settings paths (English). Merged into en.ts.
 * Owned by the doctor core; zh-CN twin in doctor-checks.zh-CN.ts. The vendor.* keys are the settings
 * paths and consoles that resources/vendor-settings/*.json point to.
 */
export const doctorChecksEn = {
  'check.notRead':
    'PushLab could not read this ({source}), so it is not judged. Run the check again; if it keeps failing, the phone may not support the command.',
  'check.app.installed.title': 'App installed',
  'check.app.installed.ok': 'Version {version} is installed. Make sure it is the build you are testing.',
  'check.app.installed.missing':
    '{package} is not installed on this phone. Check the package name (your applicationId) or install the build first.',
  'check.app.notInstalled': 'Not checked: the app is not installed.',
  'check.app.enabled.title': 'App enabled',
  'check.app.enabled.ok': 'The app is enabled and not suspended.',
  'check.app.enabled.okDefault':
    'The app is enabled and not suspended. “enabled=0” is Android’s default state: enabled as installed, not a switched-off app.',
  'check.app.enabled.okExplicit':
    'The app is enabled and not suspended. “enabled=1” means it was enabled explicitly.',
  'check.app.enabled.disabled':
    'The app is disabled: it cannot receive or show anything. Enable it in Settings › Apps.',
  'check.app.enabled.suspended':
    'The app is suspended (for example by Digital Wellbeing or a device policy): its notifications are hidden. Lift the suspension on the phone.',
  'check.app.enabled.unreadable': 'The package dump does not say whether the app is enabled.',
  'check.app.stopped.title': 'Not in the stopped state',
  'check.app.stopped.ok': 'The app is not stopped: push services can wake it.',
  'check.app.stopped.neverLaunched':
    'The app has never been launched since it was installed. Until it is opened once, FCM and most vendor channels deliver nothing to it.',
  'check.app.stopped.forceStopped':
    'The app was force-stopped. Until it is opened again, FCM delivers nothing to it. Swiping it away on some ROMs does the same.',
  'check.app.stopped.forceStoppedVendor':
    "The app was force-stopped. This phone's vendor channel is system-level, so offline pushes should still show (Tencent's guides); the app's own connection and in-app features wait until it is opened again.",
  'check.app.stopped.unreadable': 'The package dump does not show the stopped state.',
  'check.notifications.permission.title': 'Notification permission',
  'check.notifications.permission.notNeeded':
    'This phone runs SDK {sdk}: notifications need no runtime permission before Android 13.',
  'check.notifications.permission.granted': 'POST_NOTIFICATIONS is granted.',
  'check.notifications.permission.denied':
    'POST_NOTIFICATIONS is denied: on Android 13+ the app cannot show any notification, offline pushes included.',
  'check.notifications.permission.notRequested':
    'The app does not request POST_NOTIFICATIONS. On Android 13+ an app that targets SDK 33 or higher must declare it and ask for it, or it shows nothing.',
  'check.notifications.permission.absentUnknownSdk':
    'The package dump lists no POST_NOTIFICATIONS entry, and the Android version of this phone is not known yet.',
  'check.notifications.permission.unreadable': 'The permission line could not be read.',
  'check.notifications.permissionFlags.title': 'App may ask for notifications again',
  'check.notifications.permissionFlags.ok':
    'Nothing stops the app from asking for the notification permission.',
  'check.notifications.permissionFlags.canAsk': 'The permission was denied, but the app may ask again.',
  'check.notifications.permissionFlags.userFixed':
    'The denial is marked USER_FIXED: Android will never show the permission prompt again, even if the app asks. Clear the flags, or grant the permission.',
  'check.notifications.permissionFlags.policy':
    'The permission is fixed by {flag} (a device policy or the system): neither the app nor adb can change it. Ask the device administrator.',
  'check.notifications.app.title': 'Notifications allowed for the app',
  'check.notifications.app.allowed': 'The app is allowed to show notifications.',
  'check.notifications.app.noEntry':
    'The app has no notification settings entry yet, so the defaults apply (notifications allowed).',
  'check.notifications.app.blocked':
    "Notifications are turned off for the whole app (importance NONE): no push will show. Turn them on in the app's notification settings.",
  'check.notifications.app.blockedOppo':
    'Notifications are turned off for the whole app. OPPO, realme and OnePlus phones start new installs with notifications off: turn on "Allow notifications" for the app.',
  'check.notifications.app.unreadable': "The app's notification settings entry could not be read.",
  'check.channel.title': 'Channel "{channel}"',
  'check.channel.ok':
    '"{name}" exists with importance {importance} (sound: {sound}, vibration: {vibration}).',
  'check.channel.missing':
    'The app has not created channel "{channel}". A push sent with this channel id may be dropped or shown in another channel. Create it at app start, or fix the id in your push configuration.',
  'check.channel.missingOppo':
    'The app has not created channel "{channel}". On OPPO, realme and OnePlus phones with Android 8+, a push whose ChannelID does not exist is not shown at all. Create the channel at app start and send the same id (setAndroidOPPOChannelID).',
  'check.channel.deleted':
    'Channel "{channel}" was deleted by the app. Pushes to it are not shown until the app creates it again.',
  'check.channel.blocked':
    'Channel "{name}" is turned off (importance NONE): pushes to it are not shown. Turn it on in the app\'s notification settings.',
  'check.channel.low':
    'Channel "{name}" has importance {importance}: its pushes arrive silently, without a banner or sound, and may be collapsed.',
  'check.channel.secret':
    'Channel "{name}" is hidden on the secure lock screen: a push that arrives while the phone is locked does not show there.',
  'check.channel.unreadable': 'The channel exists, but its importance could not be read.',
  'check.channels.oppoChannelId.title': 'OPPO ChannelID',
  'check.channels.oppoChannelId.missing':
    'No ChannelID was given to check. On OPPO, realme and OnePlus phones with Android 8+, a push without a ChannelID of a channel the app created is not shown at all. Find the id: it is the channel your app creates at start (listed below as evidence, or under Settings › Notifications › the app), the one you registered in the OPPO Push console; run the doctor again with --channel ID and send it as OPPOChannelID.',
  'check.channels.oppoChannelId.missingNone':
    'No ChannelID was given to check, and the app has created no notification channel yet. On OPPO, realme and OnePlus phones with Android 8+, a push without a ChannelID of a channel the app created is not shown at all. Open the app once so it creates its channels, then run the doctor again with --channel ID (the id you registered in the OPPO Push console).',
  'check.channels.blocked.title': 'Other channels turned off',
  'check.channels.blocked.none': "None of the app's {count} channels is turned off.",
  'check.channels.blocked.some':
    'These channels are turned off: {channels}. Pushes sent to them are not shown.',
  'check.dnd.title': 'Do Not Disturb',
  'check.dnd.off': 'Do Not Disturb is off.',
  'check.dnd.bypass':
    "Do Not Disturb is on (important interruptions only), but the app's channels may break through it.",
  'check.dnd.important':
    'Do Not Disturb is on (important interruptions only): pushes arrive without sound and may not pop up. Turn it off from quick settings while testing.',
  'check.dnd.alarms':
    'Do Not Disturb is on (alarms only): pushes arrive silently and may not show. Turn it off from quick settings while testing.',
  'check.dnd.total':
    'Do Not Disturb is on (total silence): pushes arrive silently and may not show. Turn it off from quick settings while testing.',
  'check.dnd.unreadable': 'The Do Not Disturb state could not be read.',
  'check.lockscreen.notifications.title': 'Notifications on the lock screen',
  'check.lockscreen.notifications.shown': 'Notifications are shown on the lock screen.',
  'check.lockscreen.notifications.hidden':
    'Notifications are hidden on the lock screen: a push that arrives while the phone is locked only shows after unlocking.',
  'check.lockscreen.private.title': 'Notification content on the lock screen',
  'check.lockscreen.private.shown': 'Notification content is shown on the lock screen.',
  'check.lockscreen.private.hidden':
    'Notification content is hidden on the lock screen: a push shows there without its text.',
  'check.battery.doze.title': 'Battery optimisation (Doze)',
  'check.battery.doze.allowlisted': 'The app is on the Doze allow-list ({kind}).',
  'check.battery.doze.notAllowlisted':
    'The app is battery-optimised: in Doze it is woken only by high-priority messages, and normal ones wait for a maintenance window. Add it to the allow-list while testing.',
  'check.battery.runAny.title': 'Background restriction',
  'check.battery.runIn.title': 'Background execution',
  'check.battery.appOp.allowed': '{op} is allowed.',
  'check.battery.appOp.default': '{op} is not set for the app, so the default applies (allowed).',
  'check.battery.appOp.restricted':
    '{op} is "{mode}": the app cannot run in the background, so data messages and vendor pass-through messages are not handled. Allow it.',
  'check.battery.appOp.unreadable': 'The mode of {op} could not be read.',
  'check.battery.standby.title': 'App standby bucket',
  'check.battery.standby.ok': 'The app is in the "{bucket}" standby bucket.',
  'check.battery.standby.rare':
    'The app is in the "{bucket}" standby bucket: its jobs and alarms are deferred and high-priority pushes are rationed. Open the app, or move it to "active".',
  'check.battery.standby.restricted':
    'The app is in the "{bucket}" standby bucket, the most limited: it barely runs in the background. Move it to "active".',
  'check.battery.standby.unreadable': 'The standby bucket could not be read.',
  'check.battery.saver.title': 'Battery Saver',
  'check.battery.saver.off': 'Battery Saver is off.',
  'check.battery.saver.on':
    'Battery Saver is on: background work is limited and pushes may be delayed. Turn it off while testing.',
  'check.battery.data.title': 'Background data',
  'check.battery.data.ok': 'The app may use data in the background.',
  'check.battery.data.backgroundOff':
    'Background data is turned off for the app: it cannot fetch message content when a push wakes it. Turn on background data for the app.',
  'check.battery.data.saverOn':
    'Data Saver is on and the app is not exempt: on mobile data it cannot use the network in the background. Exempt it, or test on Wi-Fi.',
  'check.battery.data.unreadable': 'The Data Saver state could not be read.',
  'check.vendor.autostart.title': 'Autostart',
  'check.vendor.autostart.miuiOn': 'Autostart is allowed for the app.',
  'check.vendor.autostart.miuiOff':
    'Autostart is off for the app on {rom}: once the app is killed, pushes that need the app (pass-through and data messages) cannot start it. Allow autostart.',
  'check.vendor.autostart.miuiUnclear':
    'The autostart app op (10008) is not listed for the app on {rom}, so its state is not known. Check it on the phone.',
  'check.vendor.autostart.manual':
    '{rom} can stop {package} from starting in the background, and adb cannot read this switch. Make sure autostart is allowed.',
  'check.vendor.showWhenLocked.title': 'Show on lock screen',
  'check.vendor.showWhenLocked.on': 'The app may show on the lock screen.',
  'check.vendor.showWhenLocked.off':
    '"Show on Lock screen" is off for the app on {rom}: its notifications may not appear while the phone is locked.',
  'check.vendor.showWhenLocked.unclear':
    'The lock-screen app op (10020) is not listed for the app on {rom}, so its state is not known.',
  'check.vendor.appLaunch.title': 'App launch management',
  'check.vendor.appLaunch.manual':
    'On {rom}, App launch decides whether {package} may start automatically, be started by other apps and run in the background; adb cannot read it. Set it to manage manually with all three switches on.',
  'check.vendor.deepSleep.title': 'Sleeping apps',
  'check.vendor.deepSleep.manual':
    'On {rom}, apps in the sleeping or deep sleeping lists get no background time and no notifications; adb cannot read these lists. Make sure {package} is in neither, or add it to the never sleeping apps.',
  'check.vendor.background.title': 'Vendor battery management',
  'check.vendor.background.manual':
    '{rom} has its own battery manager that can freeze {package} in the background; adb cannot read it. Allow the app to run in the background without restrictions.',
  'check.vendor.notifications.title': 'Vendor notification settings',
  'check.vendor.notifications.manual':
    '{rom} adds its own notification switches for {package} (banners, lock screen, badges) that adb cannot read. Check that they are on.',
  'check.push.service.title': 'Push service',
  'check.push.service.ok': '{service} {version} is installed and enabled for {channel}.',
  'check.push.service.none': '{channel} needs no separate push service on this phone.',
  'check.push.service.missing': '{service} is not installed, so {channel} cannot deliver to this phone.',
  'check.push.service.missingGms':
    '{service} is not installed: {channel} needs Google Play services, which phones sold in mainland China usually lack.',
  'check.push.service.disabled':
    '{service} is disabled, so {channel} cannot deliver. Enable it in Settings › Apps.',
  'check.push.service.tooOld':
    "{service} is version {version}; offline push needs a version newer than {minimum}. Update it from the vendor's app store.",
  'check.push.service.versionUnknown':
    'The version of {service} could not be read; offline push needs a version of at least {minimum}.',
  'check.push.quota.title': '{channel} message class and quota',
  'check.push.quota.huawei':
    'Huawei classifies pushes as service & communication or news & marketing. Without the self-classification right, Huawei classifies them itself, and marketing messages are limited and may arrive silently. Apply for the right and send IM messages in the communication class.',
  'check.push.quota.xiaomi':
    'Xiaomi splits pushes into important and general messages. Only instant messages, reminders and the like qualify as important, after applying in the Xiaomi console; general messages have a daily limit.',
  'check.push.quota.oppo':
    'OPPO splits pushes into private messages and public messages. The private channel (for messages a user wants at once) is applied for by email; the public channel has a daily limit.',
  'check.push.quota.vivo':
    'vivo splits pushes into system and operational messages, and corrects any "system" message its classifier does not recognise to operational. The total number of pushes per day is limited by your app\'s subscriber count.',
  'check.push.quota.meizu': 'Meizu limits the number of pushes per app per day.',
  'vendor.console.huawei':
    'AppGallery Connect › your app › Push Kit › message classification (self-classification right)',
  'vendor.console.xiaomi': 'Xiaomi Open Platform › Push › your app › message channels (important messages)',
  'vendor.console.oppo': 'OPPO Open Platform › Push › your app › private message channel',
  'vendor.console.vivo': 'vivo Open Platform › Push › your app › message classes and daily limit',
  'vendor.console.meizu': 'Flyme Open Platform › Push › your app › daily limit',
  'vendor.xiaomi.autostartSecurity': 'Security › Permissions › Autostart › turn the app on',
  'vendor.xiaomi.autostartAppInfo': 'Settings › Apps › Manage apps › the app › Autostart',
  'vendor.xiaomi.autostartBackground':
    'Settings › Apps › Manage apps › the app › App permissions › Background autostart',
  'vendor.xiaomi.autostartHyperos': 'Settings › Apps › Permissions › Background autostart › turn the app on',
  'vendor.xiaomi.batterySaverLegacy':
    'Settings › Battery & performance › App battery saver › the app › No restrictions',
  'vendor.xiaomi.batterySaver': 'Settings › Apps › Manage apps › the app › Battery saver › No restrictions',
  'vendor.xiaomi.notificationsLegacy': 'Settings › Notifications › the app › Show notifications',
  'vendor.xiaomi.notificationsControlCentre':
    'Settings › Notifications & Control centre › App notifications › the app',
  'vendor.xiaomi.notifications': 'Settings › Notifications & status bar › App notifications › the app',
  'vendor.xiaomi.lockScreen':
    "Settings › Apps › Manage apps › the app › Other permissions › Show on Lock screen; and the app's Lock screen notifications under App notifications",
  'vendor.huawei.protectedApps': 'Phone Manager › Protected apps › turn the app on',
  'vendor.huawei.appLaunchBattery':
    'Settings › Battery › App launch › the app › turn off Manage automatically, then turn on Auto-launch, Secondary launch and Run in background',
  'vendor.huawei.appLaunchApps':
    'Settings › Apps › App launch › the app › turn off Manage automatically, then turn on Auto-launch, Secondary launch and Run in background',
  'vendor.huawei.appLaunchHarmony':
    'Settings › Apps & services › App launch › the app › turn off Manage automatically, then turn on Auto-launch, Secondary launch and Run in background',
  'vendor.huawei.batteryOptimisationLegacy':
    'Settings › Apps › Advanced › Ignore battery optimisation › All apps › the app › Allow',
  'vendor.huawei.batteryOptimisation':
    'Settings › search "Battery optimisation" › All apps › the app › Don\'t allow',
  'vendor.huawei.notificationsLegacy':
    'Settings › Notification panel & status bar › Notification centre › the app › Allow notifications',
  'vendor.huawei.notifications':
    'Settings › Notifications › the app › Allow notifications (also Banners and Lock screen notifications)',
  'vendor.huawei.notificationsHarmony':
    'Settings › Notifications & status bar › the app › Allow notifications (also Banners and Lock screen notifications)',
  'vendor.huawei.lockScreen': 'Settings › Notifications › Notifications (lock screen) › Show all',
  'vendor.honor.appLaunch':
    'Settings › Apps › App launch › the app › turn off Manage automatically, then turn on Auto-launch, Secondary launch and Run in background',
  'vendor.honor.notifications': 'Settings › Notifications & status bar › the app › Allow notifications',
  'vendor.honor.lockScreen': 'Settings › Notifications & status bar › Lock screen notifications › Show all',
  'vendor.oplus.startupManager': 'Phone Manager › Privacy permissions › Startup manager › turn the app on',
  'vendor.oplus.autoStartupAppList': 'Settings › App management › App list › the app › Allow auto startup',
  'vendor.oplus.autoLaunch': 'Settings › Apps › App management › the app › Battery usage › Allow auto launch',
  'vendor.oplus.powerSaving':
    'Settings › Battery › Power saving (Energy saver) › the app › Allow background running',
  'vendor.oplus.backgroundActivity':
    'Settings › Apps › App management › the app › Battery usage › Allow background activity',
  'vendor.oplus.notifications':
    'Settings › Notifications & status bar › Manage notifications › the app › Allow notifications',
  'vendor.oplus.lockScreen':
    'Settings › Notifications & status bar › Manage notifications › the app › Lock screen notifications',
  'vendor.oneplus.batteryOptimisation':
    "Settings › Battery › Battery optimisation › All apps › the app › Don't optimise",
  'vendor.oneplus.notifications': 'Settings › Apps & notifications › the app › Notifications',
  'vendor.vivo.autostartIManager': 'i Manager › App manager › Autostart manager › turn the app on',
  'vendor.vivo.autostartSettings': 'Settings › More settings › Applications › Autostart › turn the app on',
  'vendor.vivo.autostartOrigin':
    'i Manager › App management › Permission management › Autostart › turn the app on',
  'vendor.vivo.backgroundPower':
    'Settings › Battery › Background power consumption management › the app › Allow high background power consumption',
  'vendor.vivo.notifications':
    'Settings › Notifications & status bar › App notifications › the app › Allow notifications',
  'vendor.meizu.autostart': 'Phone Manager › Permissions › Autostart manager › turn the app on',
  'vendor.meizu.background':
    'Settings › Battery › Background management › the app › Allow background running',
  'vendor.meizu.notifications': 'Settings › Notifications & status bar › App notifications › the app',
  'vendor.samsung.deepSleepLegacy':
    "Settings › Device care › Battery › App power management › remove the app from Deep sleeping apps; add it to Apps that won't be put to sleep",
  'vendor.samsung.deepSleep':
    'Settings › Battery and device care › Battery › Background usage limits › remove the app from Sleeping and Deep sleeping apps; add it to Never sleeping apps',
  'vendor.samsung.backgroundLegacy': 'Settings › Apps › the app › Battery › Allow background activity',
  'vendor.samsung.background': 'Settings › Apps › the app › Battery › Unrestricted',
  'vendor.samsung.notifications': 'Settings › Notifications › App notifications › the app',
} as const;
