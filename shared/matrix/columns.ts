/**
 * The matrix columns of a run's scenario ids. Public API: matrixColumns(scenarioIds): MatrixColumn[].
 *
 * Order: app state (APP_STATES order), then message kind (MESSAGE_KINDS order), then catalog
 * order. An id the catalog does not know (a run stored by an older PushLab) is kept, never
 * dropped: it takes the state and message of the catalog scenario it extends
 * ("background-c2c-text~2" -> background-c2c-text, ordered right after it, titled with the id),
 * else the app state its id starts with (else background, where every catalog scenario without a
 * state prefix lives), and is marked `known: false`.
 */
import { SCENARIOS } from '../scenarios/catalog';
import { APP_STATES, MESSAGE_KINDS, type AppState, type Scenario } from '../scenarios/types';
import type { MatrixColumn } from './types';

const CATALOG_INDEX: ReadonlyMap<string, number> = new Map(SCENARIOS.map((s, i) => [s.id, i]));
/** Longest ids first, so "background-c2c-text-no-nickname~1" extends the longer id. */
const BY_LENGTH: readonly Scenario[] = [...SCENARIOS].sort((a, b) => b.id.length - a.id.length);
const SEPARATORS = new Set(['~', '#', '.', ':', '_', '-', '/', '@', '+']);

interface Placed {
  readonly column: MatrixColumn;
  readonly state: number;
  readonly message: number;
  /** Catalog index of the scenario (or the one extended); unknown roots after every catalog id. */
  readonly catalog: number;
  readonly id: string;
}

function baseScenario(id: string): Scenario | undefined {
  return BY_LENGTH.find(
    (s) => id.length > s.id.length && id.startsWith(s.id) && SEPARATORS.has(id.charAt(s.id.length)),
  );
}

/** "Background, one-to-one text (background-c2c-text~2)": the base title, and which variant. */
function variantTitle(base: Scenario, id: string): MatrixColumn['title'] {
  return { en: `${base.title.en} (${id})`, zhCN: `${base.title.zhCN}（${id}）` };
}

function stateOfId(id: string): AppState {
  return APP_STATES.find((s) => id === s || id.startsWith(`${s}-`)) ?? 'background';
}

function place(id: string): Placed {
  const index = CATALOG_INDEX.get(id);
  const scenario = index === undefined ? baseScenario(id) : SCENARIOS[index];
  const column: MatrixColumn = scenario
    ? {
        scenarioId: id,
        state: scenario.state,
        message: scenario.message.kind,
        title: index === undefined ? variantTitle(scenario, id) : scenario.title,
        known: index !== undefined,
      }
    : { scenarioId: id, state: stateOfId(id), message: 'text', title: { en: id, zhCN: id }, known: false };
  return {
    column,
    state: APP_STATES.indexOf(column.state),
    message: MESSAGE_KINDS.indexOf(column.message),
    catalog: scenario ? (CATALOG_INDEX.get(scenario.id) as number) : SCENARIOS.length,
    id,
  };
}

/** Compares ids so "x~2" comes before "x~10" (numeric runs by value), deterministic in any locale. */
function naturalCompare(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (x === y) continue;
    const numeric = i % 2 === 1;
    if (numeric && x.length !== y.length) return x.length - y.length;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** One column per distinct id, in matrix order. */
export function matrixColumns(scenarioIds: Iterable<string>): MatrixColumn[] {
  const placed = [...new Set(scenarioIds)].map(place);
  placed.sort(
    (a, b) =>
      a.state - b.state || a.message - b.message || a.catalog - b.catalog || naturalCompare(a.id, b.id),
  );
  return placed.map((p) => p.column);
}
