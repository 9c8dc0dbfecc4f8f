import { type FlagStatus, type FugitiveFlag, flagStatuses } from '@liaison/core/fugitives/flag-schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../app/use-resource.ts';
import { fieldError, TextAreaField } from '../../ui/fields.tsx';
import { EmptyState, Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { useLiveEvent } from '../live/use-live-events.ts';
import { FlagCard } from './FlagCard.tsx';
import { flagsApi } from './flags-api.ts';
import './fugitive-flag.css';

/** The flags of this node by status, kept live; an open flag is confirmed or dismissed with a reason here. */
export default function FlagsPage() {
  const { t } = useTranslation('fugitive-flag');
  const [status, setStatus] = useState<FlagStatus>('open');
  const flags = useResource(() => flagsApi.list(status), [status]);
  const notices = useResource(() => flagsApi.notices(), []);
  useLiveEvent(
    (event) => {
      if (event.type === 'fugitive.flag') flags.reload();
      if (event.type === 'fugitive.flag.notice') notices.reload();
    },
    [flags.reload, notices.reload],
  );
  return (
    <div className="page" data-testid="fugitive-flags-page">
      <PageHeader title={t('title')} />
      <p>{t('intro')}</p>
      <div className="button-row" role="tablist">
        {flagStatuses.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={s === status}
            className={`button ${s === status ? '' : 'button-quiet'}`}
            onClick={() => setStatus(s)}
          >
            {t(`status.${s}`)}
          </button>
        ))}
      </div>
      <Panel title={t(`status.${status}`)}>
        {flags.error ? (
          <ProblemNotice error={flags.error} />
        ) : !flags.data ? (
          <Loading />
        ) : flags.data.flags.length === 0 ? (
          <EmptyState>{t('none')}</EmptyState>
        ) : (
          flags.data.flags.map((flag) => <FlagRow key={flag.id} flag={flag} onDecided={flags.reload} />)
        )}
      </Panel>
      <Panel title={t('notices.title')}>
        {notices.error ? (
          <ProblemNotice error={notices.error} />
        ) : !notices.data ? (
          <Loading />
        ) : notices.data.notices.length === 0 ? (
          <EmptyState>{t('notices.none')}</EmptyState>
        ) : (
          <ul className="plain-list" data-testid="partner-notices">
            {notices.data.notices.map((n) => (
              <li key={n.id}>
                <Time value={n.receivedAt} /> {t('notices.line', { peer: n.peer, count: n.records.length })}:{' '}
                {n.records.map((r) => r.label ?? r.entityId).join(', ')}
                {n.fugitiveReference && <> · {t('notices.reference', { reference: n.fugitiveReference })}</>}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}

function FlagRow({ flag, onDecided }: { flag: FugitiveFlag; onDecided: () => void }) {
  const { t } = useTranslation('fugitive-flag');
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      onDecided();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <div>
      <FlagCard flag={flag} />
      {flag.status === 'open' && (
        <div className="button-row">
          {dismissing ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void act(() => flagsApi.dismiss(flag.id, reason));
              }}
            >
              <TextAreaField
                name="reason"
                label={t('reason')}
                hint={t('reasonHint')}
                value={reason}
                onValueChange={setReason}
                error={fieldError(error, '/reason')}
                required
              />
              <button type="submit" className="button" data-testid="dismiss-submit">
                {t('dismissNow')}
              </button>{' '}
              <button type="button" className="button button-quiet" onClick={() => setDismissing(false)}>
                {t('cancel')}
              </button>
            </form>
          ) : (
            <>
              <button
                type="button"
                className="button"
                data-testid="flag-confirm"
                onClick={() => void act(() => flagsApi.confirm(flag.id))}
              >
                {t('confirm')}
              </button>{' '}
              <button
                type="button"
                className="button button-quiet"
                data-testid="flag-dismiss"
                onClick={() => setDismissing(true)}
              >
                {t('dismiss')}
              </button>
            </>
          )}
        </div>
      )}
      {error && !fieldError(error, '/reason') ? <ProblemNotice error={error} /> : null}
    </div>
  );
}
