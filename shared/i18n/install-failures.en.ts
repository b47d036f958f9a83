/**
 * Install-failure explanations in English: a sentence and a fix per INSTALL_* reason (without its
 * INSTALL_ prefix) and PushLab's own reasons, plus the pieces the explainer fills in. The zh-CN
 * file has exactly these keys and placeholders; shared/i18n/install-failure-text.ts picks one.
 */
export type FailureText = readonly [message: string, fix: string];

export const installFailuresEn = {
  FAILED_ALREADY_EXISTS: [
    'The app is already installed and this install did not allow replacing it.',
    'Install again with "replace" (-r) on, or uninstall the app first.',
  ],
  FAILED_INVALID_APK: [
    'The phone rejected the file as an invalid APK (damaged, incomplete, or a split without its base).',
    'Download or build the APK again; install split APKs together with their base.',
  ],
  FAILED_INVALID_URI: [
    'The installer could not open the APK path it was given.',
    'Retry; if it keeps failing, move the APK to a simple path without special characters.',
  ],
  FAILED_INSUFFICIENT_STORAGE: [
    'The phone does not have enough free storage for this app.',
    'Free up space on the phone (old builds, videos, caches) and install again.',
  ],
  FAILED_DUPLICATE_PACKAGE: [
    'A package with the same name already exists on the phone.',
    "Uninstall the existing package or change the build's applicationId.",
  ],
  FAILED_NO_SHARED_USER: [
    'The app asks for a shared user id that does not exist on this phone.',
    'Remove android:sharedUserId from the manifest or use a matching platform build.',
  ],
  FAILED_UPDATE_INCOMPATIBLE: [
    'A build of this app signed with a different key is already installed, so Android refuses to update it.',
    'Uninstall the installed build first (its data is lost), then install this one; or sign this build with the same key.',
  ],
  FAILED_SHARED_USER_INCOMPATIBLE: [
    "The app's shared user id is signed with a different key than the apps already using it.",
    'Sign with the same key as the other apps in that shared user, or drop android:sharedUserId.',
  ],
  FAILED_MISSING_SHARED_LIBRARY: [
    'The app needs a shared library (<uses-library>) that this phone does not have.',
    'Mark the library android:required="false" or test on a phone that ships it.',
  ],
  FAILED_REPLACE_COULDNT_DELETE: [
    'The phone could not remove the previous version while replacing it.',
    'Reboot the phone, uninstall the app by hand and install again.',
  ],
  FAILED_DEXOPT: [
    "The phone failed to optimise (dexopt) the app's code.",
    'Free some storage, reboot the phone and install again.',
  ],
  FAILED_CONFLICTING_PROVIDER: [
    "Another installed app already uses one of this app's content provider authorities.",
    'Uninstall the other app (often another flavour of the same app) or make the authorities unique, e.g. ${applicationId}.provider.',
  ],
  FAILED_NEWER_SDK: [
    'The build targets a newer (preview) Android SDK than the phone has.',
    'Build against a released SDK, or use a phone running that preview.',
  ],
  FAILED_TEST_ONLY: [
    'The build is marked android:testOnly and the install did not allow test-only packages.',
    'Turn on "allow test-only" (adb install -t), or build a regular APK.',
  ],
  FAILED_CPU_ABI_INCOMPATIBLE: [
    "The app's native code does not run on this phone's CPU.",
    "Build native libraries for the phone's ABI (usually arm64-v8a).",
  ],
  FAILED_MISSING_FEATURE: [
    'The app requires a hardware or software feature this phone lacks (<uses-feature>).',
    'Mark the feature android:required="false", or use a phone that has it.',
  ],
  FAILED_CONTAINER_ERROR: [
    'The phone could not write the app to its storage container (often an SD card).',
    "Install to internal storage and check the phone's storage.",
  ],
  FAILED_INVALID_INSTALL_LOCATION: [
    'The app cannot be installed in the requested location.',
    'Remove android:installLocation or install to internal storage.',
  ],
  FAILED_MEDIA_UNAVAILABLE: [
    'The storage the app should go to (SD card or adopted storage) is not available.',
    'Mount or reinsert that storage, or install to internal storage.',
  ],
  FAILED_VERIFICATION_TIMEOUT: [
    "Package verification (Play Protect or the vendor's scanner) timed out.",
    'Check the phone for a prompt and its network, or turn off "Verify apps over USB" in Developer options.',
  ],
  FAILED_VERIFICATION_FAILURE: [
    "Package verification (Play Protect or the vendor's security scan) rejected the app.",
    'Confirm the prompt on the phone, or turn off "Verify apps over USB" / the vendor\'s install scan, then retry.',
  ],
  FAILED_PACKAGE_CHANGED: [
    'The package changed while it was being installed.',
    'Install again without rebuilding the APK in between.',
  ],
  FAILED_UID_CHANGED: [
    'The app was installed before with a different user id and its old data conflicts.',
    'Uninstall the app completely (its data is lost) and install again.',
  ],
  FAILED_VERSION_DOWNGRADE: [
    'This build has a lower versionCode than the one installed.',
    'Turn on "allow downgrade" (adb install -d; debuggable builds only) or uninstall the installed build first (its data is lost).',
  ],
  FAILED_PERMISSION_MODEL_DOWNGRADE: [
    'The installed build uses runtime permissions (targetSdk 23+) and this one targets an older SDK.',
    'Uninstall the installed build first, or raise targetSdkVersion.',
  ],
  FAILED_SANDBOX_VERSION_DOWNGRADE: [
    'This build has a lower targetSandboxVersion than the installed one.',
    'Uninstall the installed build first, or keep targetSandboxVersion.',
  ],
  FAILED_MISSING_SPLIT: [
    'A split APK the app needs was not part of the install.',
    'Install the base APK with all its splits (adb install-multiple, or bundletool for .aab).',
  ],
  FAILED_DEPRECATED_SDK_VERSION: [
    'Android 14 and newer block apps that target a very old SDK (targetSdkVersion below 23).',
    'Raise targetSdkVersion; for a test install only, pass --bypass-low-target-sdk-block to adb install.',
  ],
  PARSE_FAILED_NOT_APK: [
    'The file is not an APK (wrong file, an .aab bundle, or a broken download).',
    'Pick the .apk from the build output; turn .aab bundles into APKs with bundletool first.',
  ],
  PARSE_FAILED_BAD_MANIFEST: [
    "The APK's AndroidManifest.xml could not be read.",
    'Rebuild the APK and check the manifest (aapt2 dump badging shows the error).',
  ],
  PARSE_FAILED_UNEXPECTED_EXCEPTION: [
    'The phone hit an error while reading the APK.',
    'Rebuild the APK; logcat on the phone names the exception.',
  ],
  PARSE_FAILED_NO_CERTIFICATES: [
    'The APK is not signed, or its signature could not be read.',
    'Sign the APK with apksigner (the debug key is fine for testing) and install again.',
  ],
  PARSE_FAILED_INCONSISTENT_CERTIFICATES: [
    'Files inside the APK are signed with different certificates.',
    'Re-sign the whole APK once with apksigner (do not sign it again with jarsigner).',
  ],
  PARSE_FAILED_CERTIFICATE_ENCODING: [
    "The APK's signing certificate could not be decoded.",
    'Re-sign the APK with apksigner.',
  ],
  PARSE_FAILED_BAD_PACKAGE_NAME: [
    "The APK's package name is missing or invalid.",
    'Fix the applicationId and rebuild.',
  ],
  PARSE_FAILED_BAD_SHARED_USER_ID: [
    "The APK's android:sharedUserId is invalid.",
    'Fix or remove android:sharedUserId and rebuild.',
  ],
  PARSE_FAILED_MANIFEST_MALFORMED: [
    "The APK's manifest is malformed (on Android 12+ often a component with an intent-filter but no android:exported).",
    "Fix the manifest error named in the phone's message and rebuild.",
  ],
  PARSE_FAILED_MANIFEST_EMPTY: ['The APK has no usable manifest.', 'Rebuild the APK.'],
  FAILED_INTERNAL_ERROR: [
    'The package manager hit an internal error.',
    'Reboot the phone and try again; logcat shows the PackageManager error.',
  ],
  FAILED_DUPLICATE_PERMISSION: [
    'The app defines a permission that another installed app, signed with a different key, already defines.',
    'Uninstall the app that owns the permission (often another build of this app) or rename the permission.',
  ],
  FAILED_ABORTED: [
    'The install was cancelled before it finished, usually because the confirmation on the phone was dismissed or timed out.',
    'Watch the phone and confirm the install prompt (vivo, OPPO and others ask on screen for USB installs), then try again.',
  ],
  FAILED_SESSION_INVALID: [
    'The install session was not valid for this kind of install (e.g. updating a system app through an incremental or instant install).',
    'Retry with a plain adb install, without --incremental or --instant.',
  ],
  FAILED_INSTANT_APP_INVALID: [
    'The package is not a valid instant app.',
    'Install it as a normal app (without --instant).',
  ],
  FAILED_BAD_DEX_METADATA: [
    'The dex metadata (.dm) file shipped with the APK is invalid or has no matching APK.',
    'Install without the .dm file, or regenerate it.',
  ],
  FAILED_BAD_SIGNATURE: [
    "The APK's signature is invalid (for example its v4 signature does not match).",
    'Re-sign the build with apksigner and install again.',
  ],
  FAILED_OTHER_STAGED_SESSION_IN_PROGRESS: [
    'Another staged install is waiting for a reboot on this phone.',
    'Reboot the phone to finish it, then install again.',
  ],
  FAILED_MULTIPACKAGE_INCONSISTENCY: [
    'The packages of a multi-package install do not agree with each other.',
    'Rebuild them together, or install them one by one.',
  ],
  FAILED_WRONG_INSTALLED_VERSION: ['The installed version changed while the install ran.', 'Install again.'],
  FAILED_PROCESS_NOT_DEFINED: [
    'The app uses a process name it does not declare.',
    'Declare the process in the manifest or remove the reference, then rebuild.',
  ],
  PARSE_FAILED_RESOURCES_ARSC_COMPRESSED: [
    'resources.arsc is compressed or not 4-byte aligned, which apps targeting Android 11+ may not do.',
    'Store resources.arsc uncompressed and aligned (zipalign; the default Gradle packaging does this).',
  ],
  PARSE_FAILED_SKIPPED: [
    'The phone skipped reading the APK, for example because a newer version sits in a system partition.',
    'Check the installed version and uninstall its updates first.',
  ],
  FAILED_DUPLICATE_PERMISSION_GROUP: [
    'The app defines a permission group another installed app already defines.',
    'Uninstall the other app or rename the permission group.',
  ],
  FAILED_BAD_PERMISSION_GROUP: [
    'A permission in the app points to a permission group that does not exist.',
    'Fix the android:permissionGroup reference and rebuild.',
  ],
  ACTIVATION_FAILED: [
    'A staged install failed to activate after the reboot.',
    'Install the package again; logcat after the reboot has the cause.',
  ],
  FAILED_PRE_APPROVAL_NOT_AVAILABLE: [
    'The installer asked for pre-approval, which this phone does not support.',
    'Install without pre-approval (a plain adb install).',
  ],
  FAILED_SHARED_LIBRARY_BAD_CERTIFICATE_DIGEST: [
    'A static shared library the app uses is signed with an unexpected certificate.',
    'Install the library build signed with the expected key.',
  ],
  FAILED_MULTI_ARCH_NOT_MATCH_ALL_NATIVE_ABIS: [
    'The multi-arch app does not ship native libraries for every ABI it declares.',
    'Ship libraries for every ABI, or turn off android:multiArch.',
  ],
  FAILED_OLDER_SDK: [
    "The phone's Android version is too old for this build{detail}: its minSdkVersion is higher than the phone's API level.",
    'Use a phone with a newer Android version, or lower minSdkVersion in the build.',
  ],
  FAILED_USER_RESTRICTED: [
    'The phone refused the install: the install prompt was cancelled, or a user or device policy blocks installing apps.',
    'Confirm the install prompt on the phone; if a work profile or device admin blocks installs, ask its admin or use another phone.',
  ],
  FAILED_NO_MATCHING_ABIS: [
    "The build has no native libraries for this phone's CPU.{detail}",
    "Add {target} to the build's ABI filters (abiFilters / splits) or install the APK built for it.",
  ],
  CANCELED_BY_USER: [
    'The install prompt on the phone was cancelled.',
    'Watch the phone, confirm the install prompt and try again.',
  ],
  NO_OUTPUT: [
    'The install ended without any answer from the phone.',
    'Check that the phone is still connected and unlocked, then retry.',
  ],
  UNKNOWN_OUTPUT: [
    "The phone's answer to the install was not understood, so it is treated as failed.",
    "Read the phone's output below and check whether the app is installed, then retry.",
  ],
  PM_ERROR: [
    'The package manager on the phone reported an error.',
    'Read the error below; check the APK path and install options, then retry.',
  ],
  ADB_ERROR: [
    'adb could not complete the install (connection or file problem).',
    'Check the cable or network connection and that the APK file still exists, then retry.',
  ],
  EXCEPTION: [
    'The package manager threw an error while installing.',
    'Read the error below, reboot the phone if it repeats, and retry.',
  ],
} as const satisfies Readonly<Record<string, FailureText>>;

/** Pieces of the explanations that depend on the phone or on the raw output. */
export const installFailurePartsEn = {
  olderSdkDetail: ' (the build needs API {need}, the phone has API {have})',
  abisPhone: ' The phone supports {phone}.',
  abisPhoneApk: ' The phone supports {phone}; the build only has {apk}.',
  abisDefaultTarget: "the phone's ABI",
  xiaomiRestricted: 'Xiaomi/Redmi/POCO phones block installs over USB until "Install via USB" is turned on.',
  xiaomiCanceled:
    'MIUI/HyperOS cancelled the USB install: "Install via USB" is off or the prompt on the phone was declined.',
  xiaomiUsbFix:
    'On the phone open Settings > Additional settings > Developer options and turn on "Install via USB" (it needs a signed-in Mi account and, on some builds, a SIM card), then install again.',
  securityException: 'The phone refused the install for security reasons ({reason}).',
  securityFix:
    'Confirm any prompt on the phone and check that installing over USB is allowed in Developer options, then retry.',
  javaException: 'The package manager failed with {reason}.',
  javaFix: 'Read the error below, reboot the phone if it repeats, and retry.',
  unknown: 'The phone refused the install ({reason}).',
  unknownFix: "Check the phone's screen for a prompt, read the phone's output below, and try again.",
} as const;
