/**
 * Offline-push scenarios: the catalog, the rules and their sources, and the expectation functions.
 */
export * from './types';
export { RULES, SEED_RULES, PLATFORM_RULES, ruleById, type Rule, type RuleSource } from './sources';
export {
  displayText,
  ELEMENT_PLACEHOLDERS,
  type DisplayContext,
  type DisplayResult,
  type NoPush,
  type PushDisplay,
} from './rules/display';
export { messageClass, QUOTA_CHANNELS, type MessageClass } from './rules/message-class';
export { stateVerdict, SYSTEM_LEVEL_CHANNELS, type StateVerdict } from './rules/state';
export { expectFor, appliesTo, expectationKind } from './rules/expect';
export {
  SCENARIOS,
  REFERENCE_APP,
  REFERENCE_PHONES,
  HIGH_CLASS_VENDOR_FIELDS,
  scenarioById,
} from './catalog';
