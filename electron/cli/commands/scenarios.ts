/**
 * `pushlab scenarios [--json]`: the scenarios a plan can name (its "scenarios" list), each with
 * its app state, what it checks and the rules behind it, seed rules first. Reads only the shipped
 * catalog (shared/scenarios): no database, no adb.
 */
import type { Locale } from '../../../shared/i18n';
import { ruleById, SCENARIOS, type Bilingual, type Rule, type Scenario } from '../../../shared/scenarios';
import { cliLocale, say } from '../locale';
import { table, type Output } from '../output';

const pick = (text: Bilingual, locale: Locale): string => (locale === 'zh-CN' ? text.zhCN : text.en);

function rulesOf(scenario: Scenario): Rule[] {
  return scenario.sources.map((id) => ruleById(id)).filter((r): r is Rule => r !== undefined);
}

/** The documented JSON shape of one scenario. */
export function scenarioJson(scenario: Scenario): Record<string, unknown> {
  const rules = rulesOf(scenario);
  return {
    id: scenario.id,
    state: scenario.state,
    message: { kind: scenario.message.kind, conversation: scenario.message.conversation },
    appliesTo: scenario.appliesTo ?? null,
    title: scenario.title,
    checks: scenario.description,
    seedRules: rules
      .filter((r) => r.kind === 'seed')
      .map((r) => ({ id: r.id, text: r.text, sources: r.sources.map((s) => s.file) })),
    platformRules: rules.filter((r) => r.kind === 'platform').map((r) => ({ id: r.id, text: r.text })),
  };
}

export function scenariosCommand(options: { json: boolean }, output: Output): number {
  if (options.json) {
    output.out(JSON.stringify(SCENARIOS.map(scenarioJson), null, 2));
    return 0;
  }
  const locale = cliLocale();
  const rows = [[say('cli.scenarios.id'), say('cli.scenarios.state'), say('cli.scenarios.checks')]];
  for (const s of SCENARIOS) rows.push([s.id, s.state, pick(s.title, locale)]);
  for (const line of table(rows)) output.out(line);
  for (const s of SCENARIOS) {
    const rules = rulesOf(s);
    const seed = rules.filter((r) => r.kind === 'seed');
    const platform = rules.filter((r) => r.kind === 'platform');
    output.out(`\n${s.id} (${s.state}): ${pick(s.description, locale)}`);
    if (s.appliesTo) output.out(`  ${say('cli.scenarios.channels')}: ${s.appliesTo.join(', ')}`);
    for (const r of seed)
      output.out(`  ${say('cli.scenarios.seedRules')}: ${r.id} — ${pick(r.text, locale)}`);
    for (const r of platform)
      output.out(`  ${say('cli.scenarios.platformRules')}: ${r.id} — ${pick(r.text, locale)}`);
  }
  output.out(`\n${say('cli.scenarios.footer', { count: SCENARIOS.length })}`);
  return 0;
}
