/**
 * The Lab hosts panel's table: the primary (read-only, checkable) and one editable row per other
 * host, each with its live state, phone count, inline field problems and last check. Host text and
 * the adb client's words are rendered as text.
 */
import { useStore } from 'zustand';
import type { LabHostEntry } from '../../../shared/domain/lab-host';
import { useI18n } from '../app/i18n-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import {
  draftProblems,
  parsePort,
  savedEntryOf,
  shownProblem,
  type DraftField,
  type DraftHost,
  type FieldProblem,
} from './hosts-draft';
import { currentCheck, PRIMARY_ROW, type HostCheckState, type HostsStore } from './hosts-store';

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

export function HostsTable({ store }: { store: HostsStore }) {
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
