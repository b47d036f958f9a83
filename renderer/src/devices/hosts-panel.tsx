/**
 * The Lab hosts panel, opened from the Phones view: every host with its adb server's state and
 * phone count, the hosts after the primary editable (add, edit, remove, check), saved as one list
 * and applied live by the core. Names, addresses and the adb client's words are rendered as text.
 */
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { LabHostEntry } from '../../../shared/domain/lab-host';
import { MAX_HOSTS } from '../../../shared/domain/lab-host-rules';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import {
  draftChanged,
  draftProblems,
  parsePort,
  savedEntryOf,
  shownProblem,
  tooManyHosts,
  type DraftField,
  type DraftHost,
  type FieldProblem,
} from './hosts-draft';
import {
  createHostsStore,
  currentCheck,
  PRIMARY_ROW,
  type HostCheckState,
  type HostsStore,
} from './hosts-store';
import './hosts-panel.css';

function StateCell({ entry }: { entry: LabHostEntry | null }) {
  const { t } = useI18n();
  if (!entry) return <span className="muted">{t('hosts.panel.unsaved')}</span>;
  const tone = entry.state === 'connected' ? 'ok' : entry.state === 'unreachable' ? 'bad' : 'attention';
  return (
    <span className={`state-chip state-chip--${tone}`} data-host-state={entry.state}>
      {t(`hosts.state.${entry.state}`)}
    </span>
  );
}

function CheckOutcome({ check }: { check: HostCheckState | null }) {
  const { t, number } = useI18n();
  if (!check) return null;
  if (check.status === 'checking') return <p role="status">{t('hosts.panel.checking')}</p>;
  if (check.status === 'ok' && check.result) {
    const { serverVersion, phones } = check.result;
    return (
      <p role="status" className="hosts-panel__check-ok">
        {t('hosts.panel.checkOk', { version: number(serverVersion), count: number(phones) })}
      </p>
    );
  }
  return check.error ? <ErrorNotice error={check.error} className="error-notice--plain" /> : null;
}

function Field({
  row,
  index,
  field,
  problem,
  store,
  disabled,
}: {
  row: DraftHost;
  index: number;
  field: DraftField;
  problem: FieldProblem | null;
  store: HostsStore;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const id = `host-${encodeURIComponent(row.id)}-${field}`;
  const edit = useStore(store, (s) => s.edit);
  return (
    <>
      <input
        id={id}
        className="hosts-panel__input"
        data-field={field}
        value={row[field]}
        disabled={disabled}
        inputMode={field === 'port' ? 'numeric' : undefined}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        aria-label={t(`hosts.panel.field.${field}`, { n: index + 2 })}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(event) => edit(row.id, field, event.currentTarget.value)}
      />
      {problem ? (
        <p id={`${id}-error`} className="hosts-panel__error" data-problem={problem}>
          {t(`hosts.problem.${problem}`)}
        </p>
      ) : null}
    </>
  );
}

function PrimaryRow({ entry, store }: { entry: LabHostEntry; store: HostsStore }) {
  const { t, number } = useI18n();
  const check = useStore(store, (s) => currentCheck(s.checks, PRIMARY_ROW, entry.address, entry.port));
  const runCheck = useStore(store, (s) => s.check);
  return (
    <tr data-host-row={entry.name} data-primary="true">
      <td>
        <span className="hosts-panel__name">{entry.name}</span>
      </td>
      <td>
        <code className="break">{entry.address}</code>
      </td>
      <td>{String(entry.port)}</td>
      <td>
        <StateCell entry={entry} />
      </td>
      <td>{number(entry.phones)}</td>
      <td>
        <button
          type="button"
          className="button button--small"
          aria-label={t('hosts.panel.checkLabel', { name: entry.name })}
          onClick={() => void runCheck(PRIMARY_ROW)}
        >
          {t('hosts.panel.check')}
        </button>
        <CheckOutcome check={check} />
      </td>
    </tr>
  );
}

function DraftRow({ row, index, store }: { row: DraftHost; index: number; store: HostsStore }) {
  const { t, number } = useI18n();
  const setting = useStore(store, (s) => s.setting);
  const draft = useStore(store, (s) => s.draft);
  const attempted = useStore(store, (s) => s.attempted);
  const check = useStore(store, (s) => currentCheck(s.checks, row.id, row.address, parsePort(row.port)));
  const { check: runCheck, remove } = store.getState();
  const first = setting?.hosts.find((h) => h.primary) ?? null;
  const problems = draftProblems(first, draft)[row.id] ?? {};
  const entry = savedEntryOf(setting?.hosts ?? [], row);
  const editable = setting?.editable === true;
  const label = row.name.trim() || String(index + 2);
  const fields: DraftField[] = ['name', 'address', 'port'];
  return (
    <tr data-host-row={row.name}>
      {fields.map((field) => (
        <td key={field}>
          <Field
            row={row}
            index={index}
            field={field}
            problem={shownProblem(problems[field], attempted)}
            store={store}
            disabled={!editable}
          />
        </td>
      ))}
      <td>
        <StateCell entry={entry} />
      </td>
      <td>{entry ? number(entry.phones) : null}</td>
      <td>
        <div className="button-row">
          <button
            type="button"
            className="button button--small"
            aria-label={t('hosts.panel.checkLabel', { name: label })}
            onClick={() => void runCheck(row.id)}
          >
            {t('hosts.panel.check')}
          </button>
          {editable ? (
            <button
              type="button"
              className="button button--small"
              aria-label={t('hosts.panel.removeLabel', { name: label })}
              onClick={() => remove(row.id)}
            >
              {t('hosts.panel.remove')}
            </button>
          ) : null}
        </div>
        <CheckOutcome check={check} />
        {entry?.error && entry.state !== 'connected' ? (
          <ErrorNotice error={entry.error} role="none" className="error-notice--plain" />
        ) : null}
      </td>
    </tr>
  );
}

function HostsTable({ store }: { store: HostsStore }) {
  const { t } = useI18n();
  const setting = useStore(store, (s) => s.setting);
  const draft = useStore(store, (s) => s.draft);
  const primary = setting?.hosts.find((h) => h.primary) ?? null;
  return (
    <table className="hosts-panel__table">
      <thead>
        <tr>
          <th scope="col">{t('hosts.panel.col.name')}</th>
          <th scope="col">{t('hosts.panel.col.address')}</th>
          <th scope="col">{t('hosts.panel.col.port')}</th>
          <th scope="col">{t('hosts.panel.col.state')}</th>
          <th scope="col">{t('hosts.panel.col.phones')}</th>
          <th scope="col">{t('hosts.panel.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {primary ? <PrimaryRow entry={primary} store={store} /> : null}
        {draft.map((row, index) => (
          <DraftRow key={row.id} row={row} index={index} store={store} />
        ))}
      </tbody>
    </table>
  );
}

function HostsPanel({ store }: { store: HostsStore }) {
  const { t } = useI18n();
  const s = useStore(store);
  const editable = s.setting?.editable === true;
  const changed = draftChanged(s.setting?.hosts ?? [], s.draft);
  const first = s.setting?.hosts.find((h) => h.primary) ?? null;
  const blocked = s.attempted && Object.keys(draftProblems(first, s.draft)).length > 0;
  return (
    <section id="hosts-panel" className="hosts-panel" aria-labelledby="hosts-panel-heading">
      <h2 id="hosts-panel-heading">{t('hosts.panel.heading')}</h2>
      <p className="muted">{t('hosts.panel.intro')}</p>
      {s.loadError ? <ErrorNotice error={s.loadError} /> : null}
      {!s.setting && !s.loadError ? <p role="status">{t('hosts.panel.loading')}</p> : null}
      {s.setting ? (
        <>
          <p className="hosts-panel__note" data-note="primary">
            {t('hosts.panel.primary')}
          </p>
          {!editable ? (
            <p className="warning" data-note="read-only">
              {t('hosts.panel.readOnly')}
            </p>
          ) : null}
          <HostsTable store={store} />
          {editable ? (
            <div className="button-row hosts-panel__actions">
              <button type="button" className="button" disabled={tooManyHosts(s.draft)} onClick={s.add}>
                {t('hosts.panel.add')}
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={!changed || s.saving}
                aria-busy={s.saving}
                onClick={() => void s.save()}
              >
                {s.saving ? t('hosts.panel.saving') : t('hosts.panel.save')}
              </button>
              <button type="button" className="button" disabled={!changed || s.saving} onClick={s.discard}>
                {t('hosts.panel.discard')}
              </button>
            </div>
          ) : null}
          {tooManyHosts(s.draft) ? (
            <p className="warning">{t('hosts.problem.tooMany', { max: MAX_HOSTS })}</p>
          ) : null}
          {blocked ? (
            <p className="hosts-panel__error" role="alert">
              {t('hosts.panel.fixFirst')}
            </p>
          ) : null}
          {s.saveError ? <ErrorNotice error={s.saveError} /> : null}
          {s.savedTo ? (
            <p role="status" className="hosts-panel__saved">
              {t('hosts.panel.saved', { file: s.savedTo })}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The "Lab hosts" button and, while open, the panel (its store lives as long as the view). */
export function LabHostsSection() {
  const { t } = useI18n();
  const { bridge } = useStores();
  const store = useMemo(() => createHostsStore(bridge), [bridge]);
  useEffect(() => store.getState().start(), [store]);
  const open = useStore(store, (s) => s.open);
  return (
    <div className="hosts-section">
      <button
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls="hosts-panel"
        onClick={() => store.getState().setOpen(!open)}
      >
        {t('hosts.panel.open')}
      </button>
      {open ? <HostsPanel store={store} /> : null}
    </div>
  );
}
