import type { FugitiveFlag } from '@liaison/core/fugitives/flag-schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { useLiveEvent } from '../live/use-live-events.ts';
import { FlagCard } from './FlagCard.tsx';
import { flagsApi } from './flags-api.ts';
import './fugitive-flag.css';

/**
 * The alert panel for users holding fugitives.alerts: a flag raised anywhere on the node (or a notice from the
 * partner about our records) opens it at once, with the explanation. It stays until closed: an alert about a
 * wanted person must not slip away on a timer.
 */
export function FugitiveAlerts() {
  const can = useCan();
  return can('fugitives.alerts') ? <AlertPanel /> : null;
}

function AlertPanel() {
  const { t } = useTranslation('fugitive-flag');
  const [flags, setFlags] = useState<FugitiveFlag[]>([]);
  const [notices, setNotices] = useState(0);
  useLiveEvent((event) => {
    if (event.type === 'fugitive.flag' && typeof event.payload.flagId === 'string') {
      flagsApi
        .get(event.payload.flagId)
        .then((flag) => setFlags((shown) => [flag, ...shown.filter((f) => f.id !== flag.id)].slice(0, 5)))
        .catch(() => {});
    } else if (event.type === 'fugitive.flag.notice') setNotices((n) => n + 1);
  }, []);
  if (flags.length === 0 && notices === 0) return null;
  const close = () => {
    setFlags([]);
    setNotices(0);
  };
  return (
    <div className="fugitive-alerts" role="alert" data-testid="fugitive-alerts">
      <h2>{t('alert.title')}</h2>
      {flags.map((flag) => (
        <FlagCard key={flag.id} flag={flag} />
      ))}
      {notices > 0 && <p data-testid="fugitive-notice-alert">{t('notices.live')}</p>}
      <div className="fugitive-alerts-actions">
        <Link to="/fugitive-flags" className="button" onClick={close}>
          {t('alert.open')}
        </Link>
        <button type="button" className="button button-quiet" onClick={close}>
          {t('alert.close')}
        </button>
      </div>
    </div>
  );
}
