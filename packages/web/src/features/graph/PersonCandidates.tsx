import type { PersonCandidateView } from '@liaison/core/graph/index';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/problem.ts';
import { useResource } from '../../app/use-resource.ts';
import { Badge, type BadgeTone } from '../../ui/Badge.tsx';
import { Field } from '../../ui/Field.tsx';
import { EmptyState, Loading, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { graphApi } from './graph-api.ts';
import { matchReasonText } from './match-reasons.ts';

const verdictTone: Record<PersonCandidateView['verdict'], BadgeTone> = {
  strong: 'ok',
  possible: 'info',
  weak: 'neutral',
  conflict: 'danger',
};

/** Persons that may be this one, each with the reasons for and against, for a human to confirm or reject. */
export function PersonCandidates({ entityId }: { entityId: string }) {
  const { t } = useTranslation('graph');
  const candidates = useResource(() => graphApi.personCandidates(entityId), [entityId]);
  return (
    <Panel title={t('candidates.title')}>
      {candidates.error ? (
        <ProblemNotice error={candidates.error} />
      ) : !candidates.data ? (
        <Loading />
      ) : candidates.data.length === 0 ? (
        <EmptyState>{t('candidates.none')}</EmptyState>
      ) : (
        <ul className="plain-list candidate-list" data-testid="person-candidates">
          {candidates.data.map((candidate) => (
            <Candidate
              key={candidate.entity.id}
              entityId={entityId}
              candidate={candidate}
              onDecided={candidates.reload}
            />
          ))}
        </ul>
      )}
    </Panel>
  );
}

function Candidate({
  entityId,
  candidate,
  onDecided,
}: {
  entityId: string;
  candidate: PersonCandidateView;
  onDecided: () => void;
}) {
  const { t } = useTranslation('graph');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'confirmed' | 'rejected') => {
    setBusy(true);
    setError(null);
    try {
      await graphApi.decidePersonMatch({ entityId, candidateId: candidate.entity.id, decision, reason });
      onDecided();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const reasonError = error instanceof ApiError ? error.fieldMessage('/reason') : undefined;
  return (
    <li className="candidate">
      <div className="candidate-head">
        <Link to={`/graph/entities/${candidate.entity.id}`}>{candidate.entity.caption}</Link>
        <Badge>{candidate.entity.ownerAgency}</Badge>
        <Badge tone={verdictTone[candidate.verdict]}>{t(`candidates.verdict.${candidate.verdict}`)}</Badge>
        <span className="muted">{t('candidates.score', { score: candidate.score.toFixed(2) })}</span>
      </div>
      <ul className="reason-list" aria-label={t('candidates.reasons')}>
        {candidate.reasons.map((r) => (
          <li key={`${r.factor}:${r.text}`}>
            <Badge tone={r.effect >= 0 ? 'ok' : 'warn'}>
              {r.effect >= 0 ? t('candidates.for') : t('candidates.against')} {r.effect > 0 ? '+' : ''}
              {r.effect}
            </Badge>{' '}
            {matchReasonText(t, r)}
          </li>
        ))}
      </ul>
      {candidate.decision ? (
        <p className="muted">
          {t(`candidates.decided.${candidate.decision.decision}`, { reason: candidate.decision.reason })}
        </p>
      ) : (
        <div className="form-inline">
          <Field label={t('candidates.reason')} hint={t('candidates.reasonHint')} error={reasonError}>
            {(control) => (
              <input {...control} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
            )}
          </Field>
          <div className="form-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void decide('confirmed')}>
              {t('candidates.confirm')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void decide('rejected')}>
              {t('candidates.reject')}
            </button>
          </div>
          {!reasonError && <ProblemNotice error={error} />}
        </div>
      )}
    </li>
  );
}
