import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { EmptyState, Loading } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import type { CaseSlotProps } from '../cases/case-page-slots.ts';
import { CaseShareTable } from './CaseShareTable.tsx';
import { ShareCaseForm } from './ShareCaseForm.tsx';
import { awaitingDelivery, mirrorOrigin } from './share-draft.ts';
import { useShareDeliveryEvents } from './share-events.ts';
import { sharingApi } from './sharing-api.ts';

/**
 * While a share message is on its way and the live stream is not connected, the list looks again this often;
 * connected, it reloads when the delivery event arrives (the partner confirms in seconds).
 */
const fallbackPollMs = 30_000;

/** The case page's "Partners" tab: who the case is shared with, sharing it, retracting a share. */
export function CaseSharingPanel({ caseId, caseRecord }: CaseSlotProps) {
  const { t } = useTranslation('sharing');
  const can = useCan();
  const shares = useResource(() => sharingApi.list(caseId), [caseId]);
  const [formOpen, setFormOpen] = useState(false);
  const [status, setStatus] = useState('');
  const pending = awaitingDelivery(shares.data);
  const { reload } = shares;

  const live = useShareDeliveryEvents(caseId, pending && can('exchange.read'), reload);
  useEffect(() => {
    if (!pending || live) return;
    const timer = setInterval(reload, fallbackPollMs);
    return () => clearInterval(timer);
  }, [pending, live, reload]);

  const origin = mirrorOrigin(shares.data);
  const mayShare = can('exchange.send') && shares.data !== undefined && !origin;
  return (
    <div className="sharing-panel" data-testid="case-sharing">
      <p className="muted">{t('panel.intro')}</p>
      {shares.error ? (
        <ProblemNotice error={shares.error} />
      ) : !shares.data ? (
        <Loading />
      ) : shares.data.length === 0 ? (
        <EmptyState>{t('panel.none')}</EmptyState>
      ) : (
        <CaseShareTable
          shares={shares.data}
          mayRetract={can('exchange.send')}
          onRetracted={(share) => {
            setStatus(t('retract.done', { agency: share.peerAgency }));
            reload();
          }}
        />
      )}
      {origin && <p className="muted">{t('panel.onlyOrigin', { agency: origin.peerAgency })}</p>}
      <p className="sharing-status" role="status" data-testid="case-sharing-status">
        {status}
      </p>
      {mayShare &&
        (formOpen ? (
          <ShareCaseForm
            caseRecord={caseRecord}
            onShared={(agency) => {
              setFormOpen(false);
              setStatus(t('form.shared', { agency }));
              reload();
            }}
            onCancel={() => setFormOpen(false)}
          />
        ) : (
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              name="open-share-form"
              onClick={() => {
                setStatus('');
                setFormOpen(true);
              }}
            >
              {t('panel.share')}
            </button>
          </div>
        ))}
    </div>
  );
}
