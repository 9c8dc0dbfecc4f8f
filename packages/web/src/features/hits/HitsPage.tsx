import type { AccessRequest } from '@liaison/core/graph/index';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { EmptyState, Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { useLiveEvent, useLiveEvents } from '../live/use-live-events.ts';
import { HitList } from './HitList.tsx';
import { hitsApi } from './hits-api.ts';

/** Every hit the user is party to and the access requests to and from their agency, kept live. */
export default function HitsPage() {
  const { t } = useTranslation('hits');
  const hits = useResource(() => hitsApi.list(), []);
  const requests = useResource(() => hitsApi.accessRequests(), []);
  const { markRead } = useLiveEvents();
  // Opening this page reads the notifications.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once on opening
  useEffect(() => markRead(), []);
  useLiveEvent(
    (event) => {
      if (event.type === 'hit.raised') hits.reload();
      else requests.reload();
    },
    [hits.reload, requests.reload],
  );
  return (
    <div className="page" data-testid="hits-page">
      <PageHeader title={t('title')} />
      <Panel title={t('title')}>
        {hits.error ? (
          <ProblemNotice error={hits.error} />
        ) : !hits.data ? (
          <Loading />
        ) : hits.data.length === 0 ? (
          <EmptyState>{t('none')}</EmptyState>
        ) : (
          <HitList hits={hits.data} />
        )}
      </Panel>
      <Panel title={t('requests')}>
        {requests.error ? (
          <ProblemNotice error={requests.error} />
        ) : !requests.data ? (
          <Loading />
        ) : requests.data.length === 0 ? (
          <EmptyState>{t('noRequests')}</EmptyState>
        ) : (
          <ul className="plain-list" data-testid="access-requests">
            {requests.data.map((r) => (
              <AccessRequestRow key={r.id} request={r} onDecided={requests.reload} />
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}

function AccessRequestRow({ request, onDecided }: { request: AccessRequest; onDecided: () => void }) {
  const { t } = useTranslation('hits');
  const [error, setError] = useState<unknown>(null);
  const decide = async (decision: 'granted' | 'refused') => {
    setError(null);
    try {
      await hitsApi.decide(request.id, decision);
      onDecided();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <li>
      <Badge tone={request.status === 'pending' ? 'warn' : request.status === 'granted' ? 'ok' : 'neutral'}>
        {t(`status.${request.status}`, { defaultValue: request.status })}
      </Badge>{' '}
      <Badge>{request.direction === 'incoming' ? t('incoming') : t('outgoing')}</Badge>{' '}
      {request.requesterName} ({request.requesterAgency}) → {request.ownerAgency}: “{request.reason}”{' '}
      <Time value={request.createdAt} />
      {request.direction === 'incoming' && request.status === 'pending' && (
        <span className="badge-row">
          <button type="button" className="button" onClick={() => void decide('granted')}>
            {t('grant')}
          </button>
          <button type="button" className="button" onClick={() => void decide('refused')}>
            {t('refuse')}
          </button>
        </span>
      )}
      <ProblemNotice error={error} />
    </li>
  );
}
