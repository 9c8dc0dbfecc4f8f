import { useTranslation } from 'react-i18next';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { EmptyState, Loading } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import type { CaseSlotProps } from '../cases/case-page-slots.ts';
import { useLiveEvent, useLiveEvents } from '../live/use-live-events.ts';
import { HitList } from './HitList.tsx';
import { hitsApi } from './hits-api.ts';

/** The case page's "Hits" tab; a hit naming this case reloads the list as it is raised. */
export function CaseHitsPanel({ caseId }: CaseSlotProps) {
  const { t } = useTranslation('hits');
  const hits = useResource(() => hitsApi.list({ caseId }), [caseId]);
  const { connected } = useLiveEvents();
  useLiveEvent(
    (event) => {
      const caseIds = event.payload.caseIds;
      if (event.type === 'hit.raised' && Array.isArray(caseIds) && caseIds.includes(caseId)) hits.reload();
    },
    [caseId, hits.reload],
  );
  return (
    <div data-testid="case-hits">
      <p className="muted">
        <Badge tone={connected ? 'ok' : 'warn'}>{connected ? t('live') : t('offline')}</Badge>
      </p>
      {hits.error ? (
        <ProblemNotice error={hits.error} />
      ) : !hits.data ? (
        <Loading />
      ) : hits.data.length === 0 ? (
        <EmptyState>{t('none')}</EmptyState>
      ) : (
        <HitList hits={hits.data} caseId={caseId} />
      )}
    </div>
  );
}
