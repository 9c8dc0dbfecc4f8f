import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './live.css';
import { type LiveMessage, useLiveEvent, useLiveEvents } from './use-live-events.ts';

const toastMs = 8_000;

/**
 * The header's unread count (a link to the hits page) and a quiet toast for the newest event. The toast sits in
 * a corner outside the page flow and leaves by itself, so nothing under the cursor moves.
 */
export function LiveIndicator() {
  const { t } = useTranslation('live');
  const { unread } = useLiveEvents();
  const [toast, setToast] = useState<LiveMessage | null>(null);
  // Fugitive flags have their own alert panel (features/fugitive-flag), which stays until closed.
  useLiveEvent((event) => {
    if (!event.type.startsWith('fugitive.')) setToast(event);
  }, []);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), toastMs);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <>
      <Link
        to="/graph/hits"
        className={`live-count ${unread > 0 ? 'live-count-unread' : ''}`}
        aria-label={t('unread', { count: unread })}
        title={t('unread', { count: unread })}
        data-testid="live-unread"
        data-count={unread}
      >
        {t('badge')} <span className="live-count-number">{unread}</span>
      </Link>
      <div className="live-toast-region" role="status" aria-live="polite">
        {toast && (
          <div className="live-toast" data-testid="live-toast">
            <span>
              {t(`toast.${toast.type}`, {
                kind: t(`hits:kinds.${String(toast.payload.kind ?? '')}`, {
                  defaultValue: String(toast.payload.kind ?? ''),
                }),
                decision: String(toast.payload.decision ?? ''),
                defaultValue: toast.type,
              })}
            </span>
            <Link to="/graph/hits" className="button button-quiet" onClick={() => setToast(null)}>
              {t('open')}
            </Link>
            <button type="button" className="button button-quiet" onClick={() => setToast(null)}>
              {t('dismiss')}
            </button>
          </div>
        )}
      </div>
    </>
  );
}
