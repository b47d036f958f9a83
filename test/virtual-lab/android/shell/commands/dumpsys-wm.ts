/**
 * `dumpsys window` and `dumpsys activity activities`: the keyguard, focus and resumed-activity
 * lines lock-screen and foreground checks read, laid out per release:
 * - Keyguard: PhoneWindowManager.dump printed "mShowingDream=.. mDreamingLockscreen=.. " and
 *   "mStatusBar=.. isStatusBarKeyguard=.." up to Android 9 (AOSP PhoneWindowManager.java of that
 *   era); Android 10 moved isStatusBarKeyguard to DisplayPolicy; 11+ renamed the window
 *   NotificationShade. KeyguardServiceDelegate's block (showing=, secure=, screenState=,
 *   KeyguardStateMonitor mIsShowing=...) is in every release (captures in appium-adb tests).
 * - Activities: "mResumedActivity: ActivityRecord{...}" in the stack/task (all releases),
 *   "ResumedActivity: ..." at the root from 10, "topResumedActivity=..." per display from 12;
 *   "KeyguardController: mKeyguardShowing=..." from 8.
 * Only the parts tools grep are modelled; the rest of the real dump is omitted.
 */
import { activityRecord, windowToken } from '../../format';
import { identityHash, type PhoneState } from '../../state';

const RULE = '-'.repeat(80);

function resumed(phone: PhoneState): boolean {
  return phone.screen === 'awake' && !phone.keyguard.showing;
}

function keyguardDelegate(phone: PhoneState): string {
  const showing = phone.keyguard.showing;
  const awake = phone.screen === 'awake';
  return [
    '    KeyguardServiceDelegate',
    `      showing=${showing}`,
    `      showingAndNotOccluded=${showing}`,
    `      inputRestricted=${showing}`,
    '      occluded=false',
    `      secure=${phone.keyguard.lockScreen === 'pin'}`,
    '      dreaming=false',
    '      systemIsReady=true',
    `      deviceHasKeyguard=${phone.keyguard.lockScreen !== 'none'}`,
    `      enabled=${phone.keyguard.lockScreen !== 'none'}`,
    '      offReason=OFF_BECAUSE_OF_USER',
    '      currentUser=0',
    '      bootCompleted=true',
    `      screenState=${awake ? 'SCREEN_STATE_ON' : 'SCREEN_STATE_OFF'}`,
    `      interactiveState=${awake ? 'INTERACTIVE_STATE_AWAKE' : 'INTERACTIVE_STATE_SLEEP'}`,
    '      KeyguardStateMonitor',
    `        mIsShowing=${showing}`,
    `        mSimSecure=false`,
    `        mInputRestricted=${showing}`,
    '        mTrusted=false',
    '        mCurrentUserId=0',
  ].join('\n');
}

function barWindow(phone: PhoneState): string {
  return windowToken(phone.sdk >= 30 ? 'NotificationShade' : 'StatusBar');
}

function policySection(phone: PhoneState): string {
  const lines = [
    'WINDOW MANAGER POLICY STATE (dumpsys window policy)',
    '    mSafeMode=false mSystemReady=true mSystemBooted=true',
    `    mCameraLensCoverState=LENS_COVER_ABSENT`,
  ];
  if (phone.sdk <= 25) {
    // Nougat and older (as captured in appium-adb's lock tests) still had mShowingLockscreen.
    const k = phone.keyguard.showing;
    lines.push(
      `    mShowingLockscreen=${k} mShowingDream=false mDreamingLockscreen=${k} mDreamingSleepToken=null`,
    );
  } else if (phone.sdk <= 28) {
    lines.push(
      `    mShowingDream=false mDreamingLockscreen=${phone.keyguard.showing} mDreamingSleepToken=null`,
    );
  }
  if (phone.sdk <= 28) {
    lines.push(`    mStatusBar=${barWindow(phone)} isStatusBarKeyguard=${phone.keyguard.showing}`);
  }
  lines.push('    mKeyguardOccluded=false mKeyguardOccludedChanged=false mPendingKeyguardOccluded=false');
  lines.push(keyguardDelegate(phone));
  return `${lines.join('\n')}\n`;
}

function focusTitle(phone: PhoneState): string {
  if (phone.keyguard.showing) return phone.sdk >= 30 ? 'NotificationShade' : 'StatusBar';
  return `${phone.foreground.package}/${phone.foreground.activity}`;
}

function displaySection(phone: PhoneState): string {
  const lines = [
    'WINDOW MANAGER DISPLAY CONTENTS (dumpsys window displays)',
    '  Display: mDisplayId=0 rootTasks=4',
  ];
  if (phone.sdk === 29)
    lines.push(`    mStatusBar=${barWindow(phone)} isStatusBarKeyguard=${phone.keyguard.showing}`);
  if (phone.sdk >= 30) lines.push(`    mNotificationShade=${barWindow(phone)}`);
  lines.push(`  mCurrentFocus=${windowToken(focusTitle(phone))}`);
  lines.push(`  mFocusedApp=${activityRecord(phone.foreground)}`);
  return `${lines.join('\n')}\n`;
}

function windowsSection(phone: PhoneState): string {
  const top = windowToken(focusTitle(phone));
  const lines = [
    'WINDOW MANAGER WINDOWS (dumpsys window windows)',
    `  Window #0 ${barWindow(phone)}:`,
    `    mDisplayId=0 rootTaskId=1 mSession=Session{${identityHash('session:systemui')} ${phone.processes.get('com.android.systemui') ?? 1999}:u0a10052} ` +
      `mClient=android.os.BinderProxy@${identityHash('client:bar')}`,
    `    mViewVisibility=${phone.keyguard.showing ? '0x0' : '0x8'} mHaveFrame=true mObscured=false`,
    `  Window #1 ${windowToken(`${phone.foreground.package}/${phone.foreground.activity}`)}:`,
    `    mDisplayId=0 rootTaskId=${phone.foreground.taskId} mSession=Session{${identityHash(`session:${phone.foreground.package}`)}}`,
    `    mViewVisibility=0x0 mHaveFrame=true mObscured=${phone.keyguard.showing}`,
    '',
    '  mGlobalConfiguration={1.0 ?mcc?mnc [en_US] ldltr sw411dp w411dp h890dp 420dpi ' +
      'nrml long port finger -keyb/v/h -nav/h winConfig={ mBounds=Rect(0, 0 - 1080, 2400) ' +
      'mAppBounds=Rect(0, 0 - 1080, 2400) mWindowingMode=fullscreen mDisplayWindowingMode=fullscreen ' +
      'mActivityType=undefined mAlwaysOnTop=undefined mRotation=ROTATION_0} s.1}',
    '  mHasPermanentDpad=false',
    '  mTopFocusedDisplayId=0',
    `  mCurrentFocus=${top}`,
    `  mFocusedApp=${activityRecord(phone.foreground)}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** `dumpsys window [policy|displays|windows|lastanr]`. */
export function dumpWindow(phone: PhoneState, args: readonly string[]): string {
  const sections: Record<string, () => string> = {
    lastanr: () => 'WINDOW MANAGER LAST ANR (dumpsys window lastanr)\n  <no ANR has occurred since boot>\n',
    policy: () => policySection(phone),
    displays: () => displaySection(phone),
    windows: () => windowsSection(phone),
  };
  const alias: Record<string, string> = { p: 'policy', d: 'displays', w: 'windows', a: 'all', '-a': 'all' };
  const wanted = args.find((a) => !a.startsWith('--'));
  const key = wanted ? (alias[wanted] ?? wanted) : 'all';
  const one = sections[key];
  if (one) return one();
  return Object.values(sections)
    .map((s) => s())
    .join(`${RULE}\n`);
}

function task(phone: PhoneState, withResumed: boolean): string {
  const fg = phone.foreground;
  const record = activityRecord(fg);
  const home = fg.package === phone.vendor.launcher.package;
  const type = home ? 'home' : 'standard';
  const uid = phone.packages.get(fg.package)?.uid ?? 10000;
  if (phone.sdk <= 28) {
    return [
      `  Stack #${fg.taskId}: type=${type} mode=fullscreen`,
      `  isSleeping=${phone.screen === 'asleep'}`,
      `    Task id #${fg.taskId}`,
      `    * TaskRecord{${identityHash(`task:${fg.taskId}`)} #${fg.taskId} A=${fg.package} U=0 StackId=${fg.taskId} sz=1}`,
      `      * Hist #0: ${record}`,
      '    Running activities (most recent first):',
      `      TaskRecord{${identityHash(`task:${fg.taskId}`)} #${fg.taskId} A=${fg.package} U=0 StackId=${fg.taskId} sz=1}`,
      `        Run #0: ${record}`,
      ...(withResumed ? [`    mResumedActivity: ${record}`] : [`    mLastPausedActivity: ${record}`]),
    ].join('\n');
  }
  return [
    `  * Task{${identityHash(`task:${fg.taskId}`)} #${fg.taskId} type=${type} A=${uid}:${fg.package} ` +
      `U=0 visible=${withResumed} mode=fullscreen translucent=false sz=1}`,
    ...(withResumed ? [`    mResumedActivity: ${record}`] : [`    mLastPausedActivity: ${record}`]),
    `    * Hist  #0: ${record}`,
    `      packageName=${fg.package} processName=${fg.package}`,
    `      launchedFromUid=${home ? 1000 : 2000} launchedFromPackage=${home ? 'android' : 'com.android.shell'} userId=0`,
    `      app=ProcessRecord{${identityHash(`proc:${fg.package}`)} ${phone.processes.get(fg.package) ?? 0}:${fg.package}/u0a${uid % 10000}}`,
  ].join('\n');
}

/** `dumpsys activity [activities|a]` (the activities part). */
export function dumpActivities(phone: PhoneState): string {
  const isResumed = resumed(phone);
  const record = activityRecord(phone.foreground);
  const lines = [
    'ACTIVITY MANAGER ACTIVITIES (dumpsys activity activities)',
    'Display #0 (activities from top to bottom):',
  ];
  lines.push(task(phone, isResumed));
  if (phone.sdk >= 31 && isResumed) lines.push('', `    topResumedActivity=${record}`);
  lines.push('');
  if (phone.sdk >= 29 && isResumed) lines.push(`  ResumedActivity: ${record}`);
  if (phone.sdk <= 28) {
    lines.push(
      ` mFocusedStack=ActivityStack{${identityHash(`stack:${phone.foreground.taskId}`)} ` +
        `stackId=${phone.foreground.taskId} type=standard mode=fullscreen visible=true ` +
        `translucent=false, 1 tasks}`,
    );
    lines.push(' mCurUser=0');
  }
  if (phone.sdk >= 26) {
    lines.push(
      '  KeyguardController:',
      `    mKeyguardShowing=${phone.keyguard.showing}`,
      '    mAodShowing=false',
      '    mKeyguardGoingAway=false',
    );
  }
  return `${lines.join('\n')}\n`;
}
