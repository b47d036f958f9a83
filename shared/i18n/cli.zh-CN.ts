/** The command line's own text (Simplified Chinese). Merged into zh-CN.ts. */
export const cliZh = {
  'cli.simulators.badAction':
    'pushlab simulators：应为 "boot UDID"、"shutdown UDID" 或不带参数，实际是 "{got}"。',
  'cli.usage': `用法：pushlab <命令> [选项]

命令：
  devices [--json]                       列出已连接的手机（厂商 ROM、推送通道）和已启动的 iOS 模拟器
  simulators [boot|shutdown UDID] [--json]  列出所有 iOS 模拟器及其状态，或启动 / 关闭其中一个
  scenarios [--json]                     列出计划可用的场景：id、应用状态、检查内容、种子规则
  install <apk|App.app> [<App.app>]     在手机上安装 APK，和/或在 iOS 模拟器上安装模拟器 .app
      [--serial S ...]                   并行安装（默认：所有就绪且适配该构建的设备）
      --no-replace  --downgrade  --grant  --no-test-only   （APK 选项）
  doctor --serial S --package P          离线推送为何不显示？逐项检查决定它的设置
                                         （模拟器：--serial UDID --package <bundle id>）
      [--channel ID ...] [--fix]         --channel：推送配置使用的通道 id；--fix：执行 adb 修复
  run --plan plan.json                   运行计划：每台手机上的应用状态 × 消息，给出判定和证据
      [--junit out.xml] [--strict]       --junit：JUnit 报告；--strict：不确定的单元格也算失败
  run --resume RUN                       继续被中断或取消的运行（只运行尚未判定的尝试）
  runs                                   列出已保存的运行（只读数据库，无需 adb）
  report --run RUN [--html out.html]     已保存运行的报告（无需手机）：独立的 HTML、
      [--csv out.csv] [--attempts]       每个单元格的 CSV（--attempts：另含每次尝试）、JUnit XML；
      [--junit out.xml] [--locale L]     至少一种输出；HTML 语言 --locale en（默认）或 zh-CN

选项：
  --adb-host H       adb 服务主机（默认 127.0.0.1）；跨多台主机的实验室可重复使用，
                     写成 [名称=]地址[:端口]（第一个为主主机）
  --adb-port P       adb 服务端口（默认：ANDROID_ADB_SERVER_PORT，否则 5037）
  --hosts FILE       从 JSON 文件读取实验室主机（每项含名称、地址和端口）
  --no-start-server  没有 adb 服务应答时不启动本地服务（PushLab 自己启动的服务会在命令
                     结束时再停止）
  --db FILE          SQLite 数据库（默认 ~/.pushlab/pushlab.db）
  --json             机器可读的输出
  --verbose          把运行过程记录到 stderr

消息语言取自 PUSHLAB_LOCALE，其次 LC_ALL / LC_MESSAGES / LANG（en 或 zh-CN）。`,
  'cli.unknownCommand': 'pushlab：未知命令“{command}”。',
  'cli.badOption.hint': '运行 `pushlab --help` 查看选项。',
  'cli.install.builds':
    'pushlab install：请指明构建：一个 APK、一个模拟器 .app，或各一个（给出了 {count} 个）。',
  'cli.doctor.missing':
    'pushlab doctor：缺少 {missing}。请指明手机和应用：--serial S --package com.example.app',
  'cli.doctor.missingBoth':
    'pushlab doctor：缺少 --serial 和 --package。请指明手机和应用：--serial S --package com.example.app',
  'cli.run.planOrResume':
    'pushlab run：请给出 --plan plan.json 或 --resume RUN 之一（不能两者都给，也不能都不给）。',
  'cli.report.missingRun':
    'pushlab report：缺少 --run：用 --run RUN 指明一个已保存的运行（见 `pushlab runs`）。',
  'cli.report.badRun': 'pushlab report：“{run}”不是运行 id（见 `pushlab runs`）。',
  'cli.report.missingOutput': 'pushlab report：请至少选择一种输出：--html FILE、--csv FILE 或 --junit FILE。',
  'cli.report.badLocale': 'pushlab report：--locale 只能是 en 或 zh-CN，而不是“{locale}”。',
  'cli.plan.notFound': '找不到计划文件 {path}。',
  'cli.plan.isFolder': '计划 {path} 是一个文件夹，不是文件。',
  'cli.plan.notReadable': '计划文件 {path} 不可读（权限不足）。',
  'cli.plan.unreadable': '无法读取计划文件 {path}（{code}）。',
  'cli.plan.pathHint': '请检查 --plan 给出的路径。',
  'cli.plan.tooLarge': '计划文件 {path} 超过 1 MiB。',
  'cli.plan.tooLargeHint': '计划是一个小的 JSON 文件；见 README 的“The plan”一节。',
  'cli.plan.badJson': '计划 {path} 不是有效的 JSON：第 {line} 行第 {column} 列，{reason}。',
  'cli.plan.badJsonHint': '修正该处的 JSON 语法；README 的“The plan”一节有完整示例。',
  'cli.runs.none': '{path} 中还没有保存的运行。用 `pushlab run --plan plan.json` 开始一次。',
  'cli.runs.resume': '继续被中断或取消的运行：pushlab run --resume RUN',
  'cli.scenarios.id': '场景 ID',
  'cli.scenarios.state': '状态',
  'cli.scenarios.checks': '检查内容',
  'cli.scenarios.seedRules': '种子规则',
  'cli.scenarios.platformRules': '平台规则',
  'cli.scenarios.channels': '仅适用于',
  'cli.scenarios.footer':
    '共 {count} 个场景。在计划的 "scenarios" 列表中使用这些 id（见 README 的“The plan”一节）；`--json` 会连同每条规则一起输出。',
  'cli.error.whatToDo': '怎么办',
  'cli.error.details': '详情',
} as const;
