/**
 * 安装失败的说明（简体中文）：与英文文件的键和占位符完全一致（类型和 test/unit/i18n 会检查）。
 */
import type { FailureText, installFailuresEn, installFailurePartsEn } from './install-failures.en';

export const installFailuresZh: { readonly [K in keyof typeof installFailuresEn]: FailureText } = {
  FAILED_ALREADY_EXISTS: [
    '该应用已安装，而本次安装不允许覆盖。',
    '打开“覆盖安装”（-r）后重新安装，或先卸载该应用。',
  ],
  FAILED_INVALID_APK: [
    '手机认为该文件不是有效的 APK（文件损坏、不完整，或是缺少基础包的拆分包）。',
    '重新下载或重新构建 APK；拆分 APK 要和基础包一起安装。',
  ],
  FAILED_INVALID_URI: [
    '安装程序无法打开给定的 APK 路径。',
    '重试；如果一直失败，把 APK 移到不含特殊字符的简单路径下。',
  ],
  FAILED_INSUFFICIENT_STORAGE: [
    '手机的可用存储空间不足以安装该应用。',
    '清理手机空间（旧的构建包、视频、缓存）后重新安装。',
  ],
  FAILED_DUPLICATE_PACKAGE: ['手机上已有同名的软件包。', '卸载已有的软件包，或修改构建的 applicationId。'],
  FAILED_NO_SHARED_USER: [
    '应用请求的共享用户 ID 在这台手机上不存在。',
    '从清单中删除 android:sharedUserId，或使用匹配的平台构建。',
  ],
  FAILED_UPDATE_INCOMPATIBLE: [
    '手机上已安装了用不同密钥签名的该应用，Android 拒绝更新。',
    '先卸载已安装的版本（其数据会丢失）再安装本版本；或用相同的密钥为本版本签名。',
  ],
  FAILED_SHARED_USER_INCOMPATIBLE: [
    '应用的共享用户 ID 与已使用它的应用签名密钥不同。',
    '使用与该共享用户中其他应用相同的密钥签名，或去掉 android:sharedUserId。',
  ],
  FAILED_MISSING_SHARED_LIBRARY: [
    '应用需要的共享库（<uses-library>）这台手机没有。',
    '把该库标为 android:required="false"，或换一台带有该库的手机测试。',
  ],
  FAILED_REPLACE_COULDNT_DELETE: ['覆盖安装时手机无法删除旧版本。', '重启手机，手动卸载该应用后重新安装。'],
  FAILED_DEXOPT: ['手机优化（dexopt）应用代码失败。', '清理一些存储空间，重启手机后重新安装。'],
  FAILED_CONFLICTING_PROVIDER: [
    '另一个已安装的应用已经使用了本应用的某个内容提供者（ContentProvider）授权名。',
    '卸载那个应用（常是同一应用的另一个变体），或让授权名唯一，例如 ${applicationId}.provider。',
  ],
  FAILED_NEWER_SDK: [
    '该构建面向的 Android SDK（预览版）比手机上的更新。',
    '使用正式发布的 SDK 构建，或换一台运行该预览版的手机。',
  ],
  FAILED_TEST_ONLY: [
    '该构建标记了 android:testOnly，而本次安装不允许仅测试用的软件包。',
    '打开“允许仅测试包”（adb install -t），或构建普通 APK。',
  ],
  FAILED_CPU_ABI_INCOMPATIBLE: [
    '应用的原生代码无法在这台手机的处理器上运行。',
    '为手机的 ABI（通常是 arm64-v8a）构建原生库。',
  ],
  FAILED_MISSING_FEATURE: [
    '应用需要这台手机缺少的硬件或软件特性（<uses-feature>）。',
    '把该特性标为 android:required="false"，或换一台具备该特性的手机。',
  ],
  FAILED_CONTAINER_ERROR: [
    '手机无法把应用写入其存储容器（通常是 SD 卡）。',
    '安装到内部存储，并检查手机的存储。',
  ],
  FAILED_INVALID_INSTALL_LOCATION: [
    '应用无法安装到请求的位置。',
    '删除 android:installLocation，或安装到内部存储。',
  ],
  FAILED_MEDIA_UNAVAILABLE: [
    '应用要安装到的存储（SD 卡或合并的存储）不可用。',
    '挂载或重新插入该存储，或安装到内部存储。',
  ],
  FAILED_VERIFICATION_TIMEOUT: [
    '软件包验证（Play 保护机制或厂商的扫描）超时。',
    '查看手机上是否有提示及其网络，或在开发者选项中关闭“通过 USB 验证应用”。',
  ],
  FAILED_VERIFICATION_FAILURE: [
    '软件包验证（Play 保护机制或厂商的安全扫描）拒绝了该应用。',
    '在手机上确认提示，或关闭“通过 USB 验证应用”/厂商的安装扫描，然后重试。',
  ],
  FAILED_PACKAGE_CHANGED: ['安装过程中软件包发生了变化。', '重新安装，期间不要重新构建 APK。'],
  FAILED_UID_CHANGED: [
    '该应用以前用不同的用户 ID 安装过，旧数据与之冲突。',
    '完全卸载该应用（其数据会丢失）后重新安装。',
  ],
  FAILED_VERSION_DOWNGRADE: [
    '该构建的 versionCode 低于已安装的版本。',
    '打开“允许降级”（adb install -d；仅限可调试构建），或先卸载已安装的版本（其数据会丢失）。',
  ],
  FAILED_PERMISSION_MODEL_DOWNGRADE: [
    '已安装的版本使用运行时权限（targetSdk 23+），而本构建面向更旧的 SDK。',
    '先卸载已安装的版本，或提高 targetSdkVersion。',
  ],
  FAILED_SANDBOX_VERSION_DOWNGRADE: [
    '该构建的 targetSandboxVersion 低于已安装的版本。',
    '先卸载已安装的版本，或保持 targetSandboxVersion 不变。',
  ],
  FAILED_MISSING_SPLIT: [
    '应用需要的某个拆分 APK 没有一起安装。',
    '把基础 APK 和它的所有拆分包一起安装（adb install-multiple，.aab 用 bundletool）。',
  ],
  FAILED_DEPRECATED_SDK_VERSION: [
    'Android 14 及更新版本会阻止 targetSdkVersion 低于 23 的旧应用。',
    '提高 targetSdkVersion；仅用于测试安装时，可给 adb install 加 --bypass-low-target-sdk-block。',
  ],
  PARSE_FAILED_NOT_APK: [
    '该文件不是 APK（选错了文件、是 .aab 包，或下载不完整）。',
    '从构建输出中选择 .apk；.aab 包先用 bundletool 转成 APK。',
  ],
  PARSE_FAILED_BAD_MANIFEST: [
    '无法读取 APK 的 AndroidManifest.xml。',
    '重新构建 APK 并检查清单（aapt2 dump badging 会显示错误）。',
  ],
  PARSE_FAILED_UNEXPECTED_EXCEPTION: ['手机读取 APK 时出错。', '重新构建 APK；手机上的 logcat 会写明异常。'],
  PARSE_FAILED_NO_CERTIFICATES: [
    'APK 没有签名，或其签名无法读取。',
    '用 apksigner 为 APK 签名（测试时用调试密钥即可）后重新安装。',
  ],
  PARSE_FAILED_INCONSISTENT_CERTIFICATES: [
    'APK 内的文件使用了不同的证书签名。',
    '用 apksigner 对整个 APK 重新签名一次（不要再用 jarsigner 签名）。',
  ],
  PARSE_FAILED_CERTIFICATE_ENCODING: ['无法解码 APK 的签名证书。', '用 apksigner 重新签名 APK。'],
  PARSE_FAILED_BAD_PACKAGE_NAME: ['APK 的包名缺失或无效。', '修正 applicationId 后重新构建。'],
  PARSE_FAILED_BAD_SHARED_USER_ID: [
    'APK 的 android:sharedUserId 无效。',
    '修正或删除 android:sharedUserId 后重新构建。',
  ],
  PARSE_FAILED_MANIFEST_MALFORMED: [
    'APK 的清单格式有误（在 Android 12+ 上常见原因是带 `intent-filter` 的组件缺少 `android:exported`）。',
    '修正手机消息中指出的清单错误后重新构建。',
  ],
  PARSE_FAILED_MANIFEST_EMPTY: ['APK 没有可用的清单。', '重新构建 APK。'],
  FAILED_INTERNAL_ERROR: [
    '软件包管理器发生内部错误。',
    '重启手机后再试；logcat 会显示 PackageManager 的错误。',
  ],
  FAILED_DUPLICATE_PERMISSION: [
    '应用定义的某个权限已由另一个用不同密钥签名的已安装应用定义。',
    '卸载拥有该权限的应用（常是本应用的另一个构建），或重命名该权限。',
  ],
  FAILED_ABORTED: [
    '安装在完成前被取消，通常是因为手机上的确认提示被关闭或超时。',
    '盯着手机并确认安装提示（vivo、OPPO 等在 USB 安装时会在屏幕上询问），然后再试。',
  ],
  FAILED_SESSION_INVALID: [
    '安装会话不适用于这种安装方式（例如通过增量或免安装方式更新系统应用）。',
    '改用普通的 adb install 重试，不带 --incremental 或 --instant。',
  ],
  FAILED_INSTANT_APP_INVALID: ['该软件包不是有效的免安装应用。', '按普通应用安装（不带 --instant）。'],
  FAILED_BAD_DEX_METADATA: [
    'APK 附带的 dex 元数据（.dm）文件无效或没有匹配的 APK。',
    '不带 .dm 文件安装，或重新生成它。',
  ],
  FAILED_BAD_SIGNATURE: ['APK 的签名无效（例如其 v4 签名不匹配）。', '用 apksigner 重新签名后再安装。'],
  FAILED_OTHER_STAGED_SESSION_IN_PROGRESS: [
    '这台手机上还有另一个分阶段安装在等待重启。',
    '重启手机完成它，然后重新安装。',
  ],
  FAILED_MULTIPACKAGE_INCONSISTENCY: [
    '多包安装中的各个软件包彼此不一致。',
    '把它们一起重新构建，或逐个安装。',
  ],
  FAILED_WRONG_INSTALLED_VERSION: ['安装过程中已安装的版本发生了变化。', '重新安装。'],
  FAILED_PROCESS_NOT_DEFINED: ['应用使用了未声明的进程名。', '在清单中声明该进程或删除引用，然后重新构建。'],
  PARSE_FAILED_RESOURCES_ARSC_COMPRESSED: [
    'resources.arsc 被压缩或未按 4 字节对齐，面向 Android 11+ 的应用不允许这样。',
    '以不压缩且对齐的方式存放 resources.arsc（zipalign；Gradle 默认打包即是如此）。',
  ],
  PARSE_FAILED_SKIPPED: [
    '手机跳过了读取该 APK，例如系统分区中已有更新的版本。',
    '检查已安装的版本，先卸载它的更新。',
  ],
  FAILED_DUPLICATE_PERMISSION_GROUP: [
    '应用定义的某个权限组已由另一个已安装应用定义。',
    '卸载那个应用，或重命名该权限组。',
  ],
  FAILED_BAD_PERMISSION_GROUP: [
    '应用中的某个权限指向了不存在的权限组。',
    '修正 android:permissionGroup 引用后重新构建。',
  ],
  ACTIVATION_FAILED: ['分阶段安装在重启后激活失败。', '重新安装该软件包；重启后的 logcat 会写明原因。'],
  FAILED_PRE_APPROVAL_NOT_AVAILABLE: [
    '安装程序请求了预先批准，这台手机不支持。',
    '不使用预先批准安装（普通的 adb install）。',
  ],
  FAILED_SHARED_LIBRARY_BAD_CERTIFICATE_DIGEST: [
    '应用使用的某个静态共享库签名证书与预期不符。',
    '安装用预期密钥签名的该库版本。',
  ],
  FAILED_MULTI_ARCH_NOT_MATCH_ALL_NATIVE_ABIS: [
    '多架构应用没有为它声明的每个 ABI 提供原生库。',
    '为每个 ABI 提供原生库，或关闭 android:multiArch。',
  ],
  FAILED_OLDER_SDK: [
    '手机的 Android 版本太旧，无法安装该构建{detail}：它的 minSdkVersion 高于手机的 API 级别。',
    '换一台 Android 版本更新的手机，或在构建中降低 minSdkVersion。',
  ],
  FAILED_USER_RESTRICTED: [
    '手机拒绝了安装：安装提示被取消，或用户/设备策略禁止安装应用。',
    '在手机上确认安装提示；如果工作资料或设备管理员禁止安装，请联系其管理员或换一台手机。',
  ],
  FAILED_NO_MATCHING_ABIS: [
    '该构建没有适用于这台手机处理器的原生库。{detail}',
    '把 {target} 加入构建的 ABI 过滤（abiFilters / splits），或安装为它构建的 APK。',
  ],
  CANCELED_BY_USER: ['手机上的安装提示被取消了。', '盯着手机，确认安装提示后再试。'],
  NO_OUTPUT: ['安装结束了，但手机没有任何回应。', '检查手机是否仍已连接并已解锁，然后重试。'],
  UNKNOWN_OUTPUT: [
    '无法理解手机对安装的回应，因此按失败处理。',
    '阅读下面手机的输出，确认应用是否已安装，然后重试。',
  ],
  PM_ERROR: ['手机上的软件包管理器报告了错误。', '阅读下面的错误；检查 APK 路径和安装选项，然后重试。'],
  ADB_ERROR: [
    'adb 无法完成安装（连接或文件问题）。',
    '检查数据线或网络连接，以及 APK 文件是否仍然存在，然后重试。',
  ],
  EXCEPTION: ['安装时软件包管理器抛出了错误。', '阅读下面的错误；如果反复出现，重启手机后重试。'],
};

export const installFailurePartsZh: { readonly [K in keyof typeof installFailurePartsEn]: string } = {
  olderSdkDetail: '（该构建需要 API {need}，手机是 API {have}）',
  abisPhone: '手机支持 {phone}。',
  abisPhoneApk: '手机支持 {phone}；该构建只有 {apk}。',
  abisDefaultTarget: '手机的 ABI',
  xiaomiRestricted: '小米/红米/POCO 手机在打开“USB 安装”之前会阻止通过 USB 安装。',
  xiaomiCanceled: 'MIUI/HyperOS 取消了 USB 安装：“USB 安装”未打开，或手机上的提示被拒绝。',
  xiaomiUsbFix:
    '在手机上打开 设置 > 更多设置 > 开发者选项，打开“USB 安装”（需要登录小米账号，部分版本还需要插入 SIM 卡），然后重新安装。',
  securityException: '手机出于安全原因拒绝了安装（{reason}）。',
  securityFix: '确认手机上的所有提示，并检查开发者选项中是否允许通过 USB 安装，然后重试。',
  javaException: '软件包管理器失败：{reason}。',
  javaFix: '阅读下面的错误；如果反复出现，重启手机后重试。',
  unknown: '手机拒绝了安装（{reason}）。',
  unknownFix: '查看手机屏幕上是否有提示，阅读下面手机的输出，然后再试。',
};
