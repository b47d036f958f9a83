/**
 * Runs: the plan format, observations, verdicts and run results shared by the core, CLI and UI.
 */
export * from './types';
export {
  planSchema,
  TENCENT_REGIONS,
  type RunPlan,
  type PlanAppProfile,
  type PlanAppAction,
  type PlanAccount,
  type PlanSender,
} from './plan';
export {
  parsePlan,
  safeParsePlan,
  PlanError,
  formatPath,
  planScenarioIds,
  accountFor,
  type PlanProblem,
} from './parse-plan';
export {
  TEMPLATE_PLACEHOLDERS,
  templateProblems,
  templateProblemTexts,
  templatePlaceholders,
  fillTemplate,
  type TemplatePlaceholder,
  type TemplateProblem,
  type TemplateValues,
} from './template';
export { checkRecord, recordMatches, type RecordChecks } from './match';
export { REASON_TEXTS, describeReason } from './reasons';
export { countsForDelivery, isSilentPass, captureSeen, type CaptureSeen } from './delivery';
export { boundLatency, earliestLatency, formatLatency, type BoundedLatency } from './latency';
