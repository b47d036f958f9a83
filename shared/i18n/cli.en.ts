/** The command line's own text (English). Merged into en.ts; zh-CN twin in cli.zh-CN.ts. */
export const cliEn = {
  'cli.simulators.badAction':
    'pushlab simulators: expected "boot UDID", "shutdown UDID" or nothing, got "{got}".',
  'cli.usage': `Usage: pushlab <command> [options]

Commands:
  devices [--json]                       List attached phones (vendor ROM, push channel) and booted iOS simulators
  simulators [boot|shutdown UDID] [--json]  List every iOS simulator with its state, or boot / shut one down
  scenarios [--json]                     List the scenarios a plan can name: id, app state, what it checks, seed rules
  install <apk|App.app> [<App.app>]     Install an APK on phones and/or a simulator .app on iOS simulators
      [--serial S ...]                   in parallel (default: every ready device the builds fit)
      --no-replace  --downgrade  --grant  --no-test-only   (APK options)
  doctor --serial S --package P          Why would an offline push not show? Checks every setting that decides it
                                         (on a simulator: --serial UDID --package <bundle id>)
      [--channel ID ...] [--fix]         --channel: channel ids your push config uses; --fix: apply adb fixes
  run --plan plan.json                   Run a plan: app states x messages on every phone, verdicts and evidence
      [--junit out.xml] [--strict]       --junit: JUnit report; --strict: inconclusive cells fail the run too
  run --resume RUN                       Continue an interrupted or cancelled run (only unjudged attempts run)
  runs                                   List stored runs (reads the database only; no adb needed)
  report --run RUN [--html out.html]     Reports of a stored run (needs no phone): self-contained HTML,
      [--csv out.csv] [--attempts]       CSV of every cell (--attempts: and every attempt), JUnit XML;
      [--junit out.xml] [--locale L]     at least one output; --locale en (default) or zh-CN for the HTML

Options:
  --adb-host H       adb server host (default 127.0.0.1); repeat as [name=]address[:port]
                     for a lab across hosts (the first is the primary)
  --adb-port P       adb server port (default: ANDROID_ADB_SERVER_PORT, else 5037)
  --hosts FILE       lab hosts from a JSON file: a list of name, address and port
  --no-start-server  do not start a local adb server when none answers (one PushLab starts is
                     stopped again when the command ends)
  --db FILE          SQLite database (default ~/.pushlab/pushlab.db)
  --json             machine-readable output
  --verbose          log what happens to stderr

Messages follow PUSHLAB_LOCALE, else LC_ALL / LC_MESSAGES / LANG (en or zh-CN).`,
  'cli.unknownCommand': 'pushlab: unknown command "{command}".',
  'cli.badOption.hint': 'Run `pushlab --help` for the options.',
  'cli.install.builds':
    'pushlab install: name the build: an APK, a simulator .app, or one of each ({count} given).',
  'cli.doctor.missing':
    'pushlab doctor: {missing} is missing. Name the phone and the app: --serial S --package com.example.app',
  'cli.doctor.missingBoth':
    'pushlab doctor: --serial and --package are missing. Name the phone and the app: --serial S --package com.example.app',
  'cli.run.planOrResume':
    'pushlab run: give either --plan plan.json or --resume RUN (not both, not neither).',
  'cli.report.missingRun':
    'pushlab report: --run is missing: name a stored run with --run RUN (see `pushlab runs`).',
  'cli.report.badRun': 'pushlab report: "{run}" is not a run id (see `pushlab runs`).',
  'cli.report.missingOutput':
    'pushlab report: choose at least one output: --html FILE, --csv FILE or --junit FILE.',
  'cli.report.badLocale': 'pushlab report: --locale must be en or zh-CN, not "{locale}".',
  'cli.plan.notFound': 'The plan {path} was not found.',
  'cli.plan.isFolder': 'The plan {path} is a folder, not a file.',
  'cli.plan.notReadable': 'The plan {path} is not readable (permission denied).',
  'cli.plan.unreadable': 'The plan {path} cannot be read ({code}).',
  'cli.plan.pathHint': 'Check the path given to --plan.',
  'cli.plan.tooLarge': 'The plan {path} is larger than 1 MiB.',
  'cli.plan.tooLargeHint': 'A plan is a small JSON file; see the README section "The plan".',
  'cli.plan.badJson': 'The plan {path} is not valid JSON: {reason} at line {line}, column {column}.',
  'cli.plan.badJsonHint': 'Fix the JSON syntax there; the README section "The plan" has a complete example.',
  'cli.runs.none': 'No runs stored yet in {path}. Start one with `pushlab run --plan plan.json`.',
  'cli.runs.resume': 'Resume an interrupted or cancelled run with: pushlab run --resume RUN',
  'cli.scenarios.id': 'ID',
  'cli.scenarios.state': 'STATE',
  'cli.scenarios.checks': 'WHAT IT CHECKS',
  'cli.scenarios.seedRules': 'Seed rules',
  'cli.scenarios.platformRules': 'Platform rules',
  'cli.scenarios.channels': 'Only for',
  'cli.scenarios.footer':
    '{count} scenarios. Name them in a plan\'s "scenarios" list (README section "The plan"); `--json` prints them with every rule.',
  'cli.error.whatToDo': 'What to do',
  'cli.error.details': 'Details',
} as const;
