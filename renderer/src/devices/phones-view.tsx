/**
 * The Phones view: the Lab hosts button (and panel), the board (or, with no phone attached, how to
 * attach one), and the virtual lab panel beside it while a virtual lab runs.
 */
import { useStore } from 'zustand';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { EmptyState } from '../lab/empty-state';
import { LabPanel } from '../lab/lab-panel';
import { DeviceBoard } from './device-board';
import { LabHostsSection } from './hosts-panel';
import { IosStatusLine } from './ios-status-line';
import { SimulatorList } from './simulator-list';

export function PhonesView() {
  const { t } = useI18n();
  const { devices, lab } = useStores();
  const loaded = useStore(devices, (s) => s.loaded);
  const count = useStore(devices, (s) => s.devices.length);
  const labRunning = useStore(lab, (s) => s.status?.running === true);

  return (
    <div className={labRunning ? 'phones-layout phones-layout--with-lab' : 'phones-layout'}>
      <div className="phones-layout__main">
        {loaded ? <LabHostsSection /> : null}
        {!loaded ? (
          <p role="status">{t('devices.loading')}</p>
        ) : count === 0 ? (
          <EmptyState />
        ) : (
          <DeviceBoard />
        )}
        {loaded ? <IosStatusLine /> : null}
        {loaded ? <SimulatorList /> : null}
      </div>
      {labRunning ? (
        <aside className="phones-layout__side">
          <LabPanel />
        </aside>
      ) : null}
    </div>
  );
}
