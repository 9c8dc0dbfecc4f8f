import type { Hit, HitSide } from '@liaison/core/graph/index';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/problem.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Field } from '../../ui/Field.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { hitsApi } from './hits-api.ts';

/** Hits as a table: the identifier, our side, the other side (or who to ask), when. Newest first. */
export function HitList({ hits, caseId }: { hits: readonly Hit[]; caseId?: string }) {
  const { t } = useTranslation('hits');
  return (
    <div className="table-wrap">
      <table className="table table-dense" data-testid="hit-list">
        <thead>
          <tr>
            <th scope="col">{t('kind')}</th>
            <th scope="col">{t('ours')}</th>
            <th scope="col">{t('other')}</th>
            <th scope="col">{t('raised')}</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((hit) => {
            // Our side is the one in this case (or the one we may see); the other is what the hit found.
            const ourIndex = caseId
              ? hit.sides.findIndex((s) => !s.restricted && s.case?.id === caseId)
              : hit.sides.findIndex((s) => !s.restricted);
            const ours = hit.sides[ourIndex === 1 ? 1 : 0];
            const other = hit.sides[ourIndex === 1 ? 0 : 1];
            return (
              <tr key={hit.id} data-testid="hit-row">
                <td>
                  <Badge tone="warn">{t(`kinds.${hit.kind}`, { defaultValue: hit.kind })}</Badge>{' '}
                  <span className="mono">{hit.value ?? t('hidden')}</span>
                </td>
                <td>
                  <SideCell side={ours} hitId={hit.id} />
                </td>
                <td>
                  <SideCell side={other} hitId={hit.id} />
                </td>
                <td>
                  <Time value={hit.raisedAt} dual />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function SideCell({ side, hitId }: { side: HitSide; hitId: string }) {
  const { t } = useTranslation('hits');
  if (side.restricted) return <RestrictedSide agency={side.ownerAgency} hitId={hitId} />;
  return (
    <span>
      <Link to={`/graph/entities/${side.entity.id}`}>{side.entity.caption}</Link>{' '}
      <Badge>{side.ownerAgency}</Badge>
      <br />
      {side.case ? (
        <Link to={`/cases/${side.case.id}`} className="muted">
          {side.case.number} · {side.case.title}
        </Link>
      ) : side.rescueCase ? (
        <Link to={`/rescue/${side.rescueCase.id}`} className="muted" data-testid="hit-rescue-case">
          {t('rescueCase', { reference: side.rescueCase.reference })}
        </Link>
      ) : (
        <span className="muted">{t('noCase')}</span>
      )}
    </span>
  );
}

/** A restricted side says whose it is and offers an access request with a reason, in place. */
function RestrictedSide({ agency, hitId }: { agency: string; hitId: string }) {
  const { t } = useTranslation('hits');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = async () => {
    setError(null);
    try {
      await hitsApi.requestAccess(hitId, reason);
      setSent(true);
      setOpen(false);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <span data-testid="hit-restricted">
      <Badge tone="danger">{t('restricted', { agency })}</Badge>{' '}
      {sent ? (
        <span role="status">{t('requested', { agency })}</span>
      ) : open ? (
        <form
          className="form-inline"
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          <Field
            label={t('reason')}
            hint={t('reasonHint')}
            error={error instanceof ApiError ? error.fieldMessage('/reason') : undefined}
          >
            {(control) => (
              <input {...control} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('send')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
              {t('cancel')}
            </button>
          </div>
          <ProblemNotice error={error} />
        </form>
      ) : (
        <button type="button" className="link-button" onClick={() => setOpen(true)}>
          {t('requestAccess')}
        </button>
      )}
    </span>
  );
}
