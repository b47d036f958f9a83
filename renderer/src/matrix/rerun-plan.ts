/**
 * "Re-run this cell": the run's stored plan narrowed to one phone (by serial) and one scenario,
 * under a name that says it is a re-run. The core checks the result like any plan. Pure.
 */

const MAX_PLAN_NAME = 200;

export interface RerunTarget {
  readonly serial: string;
  readonly scenarioId: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The plan for re-running one cell; null when the stored plan is not a plan object. */
export function rerunPlan(
  plan: unknown,
  target: RerunTarget,
  suffix: string,
): Record<string, unknown> | null {
  if (!isRecord(plan)) return null;
  const name = typeof plan.name === 'string' ? plan.name : 'PushLab';
  const tail = ` · ${suffix}`;
  // A re-run of a re-run keeps one suffix; the name stays within the plan's 200 characters.
  const base = name.endsWith(tail) ? name.slice(0, -tail.length) : name;
  return {
    ...plan,
    name: `${base.slice(0, MAX_PLAN_NAME - tail.length)}${tail}`,
    phones: { serials: [target.serial] },
    scenarios: [target.scenarioId],
  };
}
