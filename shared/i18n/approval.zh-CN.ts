/** 运行计划前的人工确认与网页版访问提示（简体中文）。并入 zh-CN.ts。 */
export const approvalZh = {
  'error.APPROVAL_REFUSED': '未获允许运行',
  'error.ACCESS_DENIED': '访问被拒绝',
  'approval.title': '允许本次运行使用你的电脑吗？',
  'approval.intro':
    '计划“{plan}”要求 PushLab 在这台电脑上运行程序或读取文件。只有当你编写或检查过这个计划时才允许。',
  'approval.intro.resume':
    '继续运行计划“{plan}”的运行 {runId} 会在这台电脑上运行程序或读取文件。只有当你编写或检查过这个计划时才允许。',
  'approval.program': '程序：{command}',
  'approval.arguments': '参数：{args}',
  'approval.noArguments': '参数：（无）',
  'approval.secretFile': '读取密钥文件：{path}',
  'approval.apk': '安装 APK：{path}',
  'approval.allow': '允许并运行',
  'approval.refuse': '不运行',
  'approval.refused': '运行未开始：你没有允许计划“{plan}”运行程序或读取文件。',
  'approval.refused.hint':
    '请检查计划；如果计划是你的，重新开始并允许，或用 `pushlab run --plan FILE` 运行。',
  'approval.unavailable': '运行未开始：计划“{plan}”会运行程序或读取文件，但这里没有人可以确认。',
  'approval.unavailable.hint':
    '请在终端里用 `pushlab run --plan FILE` 运行，或在终端中启动 `npm run web` 以便在那里确认。',
  'approval.terminal.question': '允许本次运行吗？输入 "yes" 允许，其他任何输入都会拒绝：',
  'approval.terminal.waiting': 'PushLab 网页版：有一个运行正在终端里等待你的回答。',
  'approval.terminal.allowed': '已允许：PushLab 可以开始运行。',
  'approval.terminal.refused': '已拒绝：运行不会开始。',
  'web.access.denied': '此请求并非来自打开 PushLab 的浏览器。',
  'web.access.denied.hint': '请在同一个浏览器中打开 `npm run web` 打印的地址（其中带有一次性密钥）。',
  'web.access.badToken': '这个 PushLab 链接来自另一次启动，或输入有误。',
  'web.access.badToken.hint': '请打开 `npm run web` 本次打印的地址（每次启动都会变化）。',
} as const;
