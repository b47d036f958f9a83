/**
 * Every iOS simulator under the phones, booted or not: its state, why an unusable one cannot be
 * used, and Boot / Shut down. Live: the store re-lists on each devices:changed. Only shown where
 * simctl answers (no iOS section without a Mac). Names come from simctl: rendered as text.
 */
import { useStore } from 'zustand';
import type { SimulatorEntry } from '../../../shared/domain/device';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import './simulator-list.css';
import type { SimulatorStateAction } from './device-store';

const STATE_KEYS: Readonly<Record<string, string>> = {
  Booted: 'simulators.state.booted',
  Booting: 'simulators.state.booting',
  'Shutting Down': 'simulators.state.shuttingDown',
  Shutdown: 'simulators.state.shutdown',
  Creating: 'simulators.state.creating',
};

/** The action a simulator in this state offers; null while it is between states or unusable. */
function actionFor(sim: SimulatorEntry): SimulatorStateAction | null {
  if (!sim.usable) return null;
  if (sim.state === 'Shutdown') return 'boot';
  if (sim.state === 'Booted') return 'shutdown';
  return null;
}

function SimulatorRow({ sim, running }: { sim: SimulatorEntry; running: SimulatorStateAction | undefined }) {
  const { t, tDynamic } = useI18n();
  const { devices } = useStores();
  const action = actionFor(sim);
  const stateKey = STATE_KEYS[sim.state];
  const stateText = stateKey ? (tDynamic(stateKey) ?? sim.state) : sim.state;
  // simctl's own state once it moved (Booting, Booted…); until then, what PushLab asked for.
  const waiting = running !== undefined && sim.state === (running === 'boot' ? 'Shutdown' : 'Booted');
  const version = sim.iosVersion
    ? t('simulators.version', { platform: sim.platform, version: sim.iosVersion })
    : sim.platform;
  return (
    <li className="simulator-row" data-udid={sim.udid} data-state={sim.state} data-usable={sim.usable}>
      <span className="simulator-row__name">{sim.name}</span> <span className="muted">{version}</span>{' '}
      <span className="simulator-row__state">
        {waiting ? t(running === 'boot' ? 'simulators.booting' : 'simulators.shuttingDown') : stateText}
      </span>
      {sim.usable ? null : (
        <p className="simulator-row__unusable">
          {t('simulators.unusable', { reason: sim.unusableReason ?? '' })}
        </p>
      )}
      {action ? (
        <button
          type="button"
          disabled={running !== undefined}
          onClick={() => void devices.getState().changeSimulator(sim.udid, action)}
        >
          {t(action === 'boot' ? 'simulators.boot' : 'simulators.shutdown')}
        </button>
      ) : null}
    </li>
  );
}

export function SimulatorList() {
  const { t } = useI18n();
  const { devices } = useStores();
  const available = useStore(devices, (s) => s.ios?.available === true);
  const simulators = useStore(devices, (s) => s.simulators);
  const running = useStore(devices, (s) => s.simulatorActions);
  const failure = useStore(devices, (s) => s.simulatorError);
  if (!available) return null;
  const sorted = [...simulators].sort(
    (a, b) =>
      Number(b.usable) - Number(a.usable) || a.name.localeCompare(b.name) || a.udid.localeCompare(b.udid),
  );
  return (
    <section className="simulator-list" aria-labelledby="simulator-list-heading">
      <h3 id="simulator-list-heading">{t('simulators.heading')}</h3>
      {failure ? <ErrorNotice error={failure.error} /> : null}
      {sorted.length === 0 ? (
        <p className="muted">{t('simulators.none')}</p>
      ) : (
        <ul aria-label={t('simulators.heading')}>
          {sorted.map((sim) => (
            <SimulatorRow key={sim.udid} sim={sim} running={running[sim.udid]} />
          ))}
        </ul>
      )}
    </section>
  );
}
