import { useTranslation } from 'react-i18next';
import { useResource } from '../../app/use-resource.ts';
import type { CaseSlotProps } from '../cases/case-page-slots.ts';
import { mirrorOrigin } from './share-draft.ts';
import { sharingApi } from './sharing-api.ts';

/**
 * On a partner's case mirrored here, says so at the top of the case page: whose case it is and what that
 * means for edits. Nothing on a case of our own (or while the list loads).
 */
export function MirrorNotice({ caseId }: CaseSlotProps) {
  const { t } = useTranslation('sharing');
  const shares = useResource(() => sharingApi.list(caseId), [caseId]);
  const origin = mirrorOrigin(shares.data);
  if (!origin) return null;
  const agency = origin.peerAgency;
  return (
    <div className="notice sharing-mirror" data-testid="case-mirror-notice" data-origin={agency}>
      <strong>{t('mirror.title', { agency })}</strong>
      <span>{t('mirror.body', { agency, node: origin.peer })}</span>
      {origin.retainUntil && (
        <span className="notice-detail">{t('mirror.retainUntil', { date: origin.retainUntil })}</span>
      )}
    </div>
  );
}
