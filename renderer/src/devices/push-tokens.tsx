/**
 * The phone card's push tokens: the token the lab last read for each app and channel (masked by
 * the core to its first 8 characters; the full token never reaches the window, so there is no copy
 * action), when and from where, and a form that reads it from the phone's log now
 * (`devices:pushTokens`). Package and pattern are checked here for a plain message, and again by
 * the core's request gate. Package names and tokens are device text: rendered as text.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { DeviceView } from '../../../shared/domain/device';
import type { ErrorInfo } from '../../../shared/errors';
import type { DevicePushToken, DevicePushTokens } from '../../../shared/runs/device-tokens';
import { platformFacts } from '../../../shared/platforms/platform-facts';
import {
  TOKEN_PRESET_IDS,
  tokenPatternProblem,
  type TokenPresetId,
} from '../../../shared/runs/token-presets';
import { useI18n } from '../app/i18n-context';
import { useStores } from '../app/stores-context';
import { ErrorNotice } from '../shared-ui/error-notice';
import './push-tokens.css';

const OWN = 'own-pattern';

function TokenItem({ token }: { token: DevicePushToken }) {
  const { t, tDynamic, dateTime } = useI18n();
  const channel = tDynamic(`pushChannel.${token.channel}`) ?? token.channel;
  const source =
    token.source.kind === 'plan'
      ? t('tokens.source.plan')
      : token.source.preset === null
        ? t('tokens.source.pattern')
        : t('tokens.source.logcat', { preset: token.source.preset });
  return (
    <li className="push-tokens__item" data-package={token.package} data-channel={token.channel}>
      <span className="push-tokens__token break">
        {t('tokens.item', { token: token.masked, package: token.package, channel })}
      </span>
      <span className="push-tokens__meta muted">
        {source} · {t('tokens.readAt', { time: dateTime(token.readAt) })}
      </span>
    </li>
  );
}

export function PushTokens({ device }: { device: DeviceView }) {
  const { t, locale } = useI18n();
  const { bridge } = useStores();
  const id = useId();
  const [state, setState] = useState<DevicePushTokens | null>(null);
  const [pkg, setPkg] = useState('');
  const [from, setFrom] = useState<TokenPresetId | typeof OWN>(TOKEN_PRESET_IDS[0]);
  const [pattern, setPattern] = useState('');
  const [tried, setTried] = useState(false);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const facts = platformFacts(device.platform);
  const ready = device.state === 'device';

  useEffect(() => {
    let live = true;
    void bridge.invoke('devices:pushTokens', device.serial).then((result) => {
      // A core without the book (or a failed list) leaves the section at "none read yet".
      if (live && result.ok) setState(result.value);
    });
    return () => {
      live = false;
    };
  }, [bridge, device.serial]);

  const tokens = state?.tokens ?? [];
  const shownPkg = pkg === '' ? (tokens[0]?.package ?? '') : pkg;
  const pkgError = facts.app.pattern.test(shownPkg) ? null : t('tokens.read.badPackage');
  const problem = from === OWN ? tokenPatternProblem(pattern) : null;
  const patternError =
    from !== OWN
      ? null
      : pattern === ''
        ? t('tokens.read.badPattern', { problem: locale === 'en' ? 'is empty' : '为空' })
        : problem === null
          ? null
          : t('tokens.read.badPattern', { problem: locale === 'en' ? problem.en : problem.zh });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (pkgError !== null || patternError !== null || reading) return;
    setReading(true);
    setError(null);
    const result = await bridge.invoke('devices:pushTokens', device.serial, {
      package: shownPkg,
      from: from === OWN ? { pattern } : { preset: from },
    });
    setReading(false);
    if (result.ok) setState(result.value);
    else setError(result.error);
  };

  const read = state?.read ?? null;
  return (
    <section className="push-tokens" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} className="push-tokens__heading">
        {t('tokens.heading')}
      </h4>
      {tokens.length === 0 ? (
        <p className="muted">{t('tokens.none')}</p>
      ) : (
        <ul className="push-tokens__list" aria-label={t('tokens.listLabel')}>
          {tokens.map((token) => (
            <TokenItem key={`${token.package}\n${token.channel}`} token={token} />
          ))}
        </ul>
      )}
      {tokens.length > 0 ? <p className="push-tokens__note muted">{t('tokens.masked')}</p> : null}
      {state?.persisted === false && tokens.length > 0 ? (
        <p className="push-tokens__note muted">{t('tokens.memoryOnly')}</p>
      ) : null}
      {ready && facts.cardActions.pushToken ? (
        <details className="push-tokens__read">
          <summary>{t('tokens.read.summary')}</summary>
          <form onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={reading}>
            <label htmlFor={`${id}-package`}>{t('tokens.read.package')}</label>
            <input
              id={`${id}-package`}
              name="package"
              value={shownPkg}
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
              placeholder="com.example.chat"
              aria-invalid={tried && pkgError !== null}
              onChange={(event) => setPkg(event.currentTarget.value.trim())}
            />
            {tried && pkgError !== null ? <p className="push-tokens__error">{pkgError}</p> : null}
            <label htmlFor={`${id}-from`}>{t('tokens.read.from')}</label>
            <select
              id={`${id}-from`}
              name="from"
              value={from}
              onChange={(event) => setFrom(event.currentTarget.value as TokenPresetId | typeof OWN)}
            >
              {TOKEN_PRESET_IDS.map((preset) => (
                <option key={preset} value={preset}>
                  {preset}
                </option>
              ))}
              <option value={OWN}>{t('tokens.read.ownPattern')}</option>
            </select>
            {from === OWN ? (
              <>
                <label htmlFor={`${id}-pattern`}>{t('tokens.read.pattern')}</label>
                <input
                  id={`${id}-pattern`}
                  name="pattern"
                  value={pattern}
                  spellCheck={false}
                  autoCapitalize="off"
                  autoComplete="off"
                  placeholder="pushToken = ([A-Za-z0-9:_-]+)"
                  aria-invalid={tried && patternError !== null}
                  onChange={(event) => setPattern(event.currentTarget.value)}
                />
                {tried && patternError !== null ? <p className="push-tokens__error">{patternError}</p> : null}
              </>
            ) : null}
            <button type="submit" className="button button--small" disabled={reading}>
              {reading ? t('tokens.read.reading') : t('tokens.read.submit')}
            </button>
          </form>
          {read !== null && !reading ? (
            <p className="push-tokens__result" role="status">
              {read.found ? t('tokens.read.found') : t('tokens.read.notFound', { lines: read.lines })}
            </p>
          ) : null}
          {error !== null ? (
            <div className="push-tokens__failed">
              <p className="push-tokens__error">{t('tokens.read.failed')}</p>
              <ErrorNotice error={error} />
            </div>
          ) : null}
        </details>
      ) : null}
    </section>
  );
}
