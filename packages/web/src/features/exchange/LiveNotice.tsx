import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useExchangeLive } from './live-context.ts';

/**
 * A quiet line that says what just arrived: announced politely to screen readers, always the same height
 * so nothing below it moves when it changes.
 */
export function LiveNotice() {
  const { t } = useTranslation('exchange');
  const { latest, arrivals, connected, markSeen } = useExchangeLive();
  const arrival =
    latest && (latest.type === 'exchange.message' || latest.type === 'rescue.alert') ? latest : null;
  return (
    <div className="exchange-live" data-testid="exchange-live">
      <span className={`exchange-live-dot ${connected ? 'is-on' : ''}`} aria-hidden="true" />
      <span className="muted">{connected ? t('live.connected') : t('live.offline')}</span>
      <span role="status" aria-live="polite" className="exchange-live-text">
        {arrival && arrivals > 0 && (
          <>
            {t('live.arrived', {
              count: arrivals,
              kind: t(`kind.${arrival.payload.kind ?? 'request'}`),
              agency: arrival.payload.peerAgency ?? arrival.payload.peer ?? '',
            })}{' '}
            <Link to={`/exchange/${arrival.payload.itemId}`} onClick={markSeen} data-testid="live-open">
              {t('live.open')}
            </Link>{' '}
            <button type="button" className="link-button" onClick={markSeen}>
              {t('live.dismiss')}
            </button>
          </>
        )}
      </span>
    </div>
  );
}
