import type { RescueCaseView } from '@liaison/core/rescue/index';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/problem.ts';
import { useCan, useMe } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { riskReasonLabel, useEnumLabel } from '../../ui/enum-labels.ts';
import { Field } from '../../ui/Field.tsx';
import { Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { FilesPanel } from './case-forms/FilesPanel.tsx';
import { LocationForm } from './case-forms/LocationForm.tsx';
import { ProtectionForm } from './case-forms/ProtectionForm.tsx';
import { RepatriationForm } from './case-forms/RepatriationForm.tsx';
import { RoleForm } from './case-forms/RoleForm.tsx';
import { ScreeningForm } from './case-forms/ScreeningForm.tsx';
import { riskTone, stateLabel } from './labels.ts';
import { readRescueCase, rescueApi } from './rescue-api.ts';
import { TransitionPanel } from './TransitionPanel.tsx';
import './rescue.css';

/** The whole story of a case at a glance; outside the team, a triage officer states a purpose first. */
export function RescueCasePage() {
  const { id = '' } = useParams();
  // A purpose is stated for one case: opening another (e.g. a duplicate) asks again.
  return <CasePage key={id} id={id} />;
}

function CasePage({ id }: { id: string }) {
  const { t } = useTranslation('rescue');
  const [purpose, setPurpose] = useState<string | null>(null);
  const [draftPurpose, setDraftPurpose] = useState('');
  const view = useResource(() => readRescueCase(id, purpose), [id, purpose]);
  if (view.loading && !view.data) return <Loading />;
  if (view.error instanceof ApiError && view.error.code === 'purpose-required') {
    return (
      <Panel title={t('case.purposeTitle')}>
        <p>{t('case.purposeText')}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (draftPurpose.trim()) setPurpose(draftPurpose.trim());
          }}
        >
          <Field label={t('case.purpose')} required>
            {(control) => (
              <input
                {...control}
                name="purpose"
                value={draftPurpose}
                onChange={(e) => setDraftPurpose(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="button button-primary">
            {t('case.open')}
          </button>
        </form>
      </Panel>
    );
  }
  if (view.error instanceof ApiError && view.error.code === 'forbidden') {
    return (
      <Panel title={t('case.refused')}>
        <div className="notice notice-error" role="alert" data-testid="rescue-refused">
          {t('case.refused')}
        </div>
      </Panel>
    );
  }
  if (!view.data) return <ProblemNotice error={view.error} />;
  return <CaseDetail rescueCase={view.data} reload={view.reload} purpose={purpose} />;
}

function CaseDetail({
  rescueCase: c,
  reload,
  purpose,
}: {
  rescueCase: RescueCaseView;
  reload(): void;
  purpose: string | null;
}) {
  const { t, i18n } = useTranslation('rescue');
  const label = useEnumLabel();
  const me = useMe();
  const [error, setError] = useState<unknown>(null);
  const onTeam = c.team.some((m) => m.userId === me.id);
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const names = [...(c.person.namesHangul ?? []), ...(c.person.namesLatin ?? [])].join(', ');
  return (
    <>
      <PageHeader title={`${c.reference} — ${stateLabel(c.state, i18n.language)}`}>
        <Badge tone={riskTone[c.risk.level]}>{label('riskLevel', c.risk.level)}</Badge>
        {c.clock?.overdue && <Badge tone="danger">{t('board.overdue')}</Badge>}
        {c.access === 'break-glass' && <Badge tone="warn">{t('case.breakGlass')}</Badge>}
      </PageHeader>
      {c.mergedInto && (
        <p className="notice">
          {t('case.mergedInto')} <Link to={`/rescue/${c.mergedInto}`}>→</Link>
        </p>
      )}
      <ProblemNotice error={error} />
      <div className="grid-2">
        <Panel title={t('case.person')}>
          <dl className="rescue-facts" data-testid="person-panel">
            <dt>{t('case.names')}</dt>
            <dd data-testid="person-names">{names || '—'}</dd>
            <dt>{t('case.birthDate')}</dt>
            <dd>{c.person.birthDate ?? '—'}</dd>
            <dt>{t('case.passport')}</dt>
            <dd>{c.person.passportNumber ?? '—'}</dd>
            <dt>{t('case.phone')}</dt>
            <dd>{c.person.phone ?? '—'}</dd>
            <dt>{t('case.location')}</dt>
            <dd>
              {[
                c.compound?.name ?? c.location.compoundName,
                c.location.province && label('province', c.location.province),
                c.compound?.province &&
                  c.compound.province !== c.location.province &&
                  t('triage.place.registerProvince', { province: label('province', c.compound.province) }),
                c.location.floor,
                c.location.room,
              ]
                .filter(Boolean)
                .join(' / ') || '—'}
            </dd>
          </dl>
          <p>
            {t('case.repatriation', {
              done: c.repatriationProgress.doneCount,
              total: c.repatriationProgress.total,
            })}
          </p>
        </Panel>
        <Panel title={t('case.riskReasons')}>
          <ul>
            {c.risk.assessment.reasons.map((r) => (
              <li key={r.text}>{riskReasonLabel(r, t)}</li>
            ))}
          </ul>
          {c.risk.override && (
            <p>
              {t('case.override')}: {label('riskLevel', c.risk.override.level)} — {c.risk.override.reason}
            </p>
          )}
        </Panel>
      </div>
      <TransitionPanel rescueCase={c} act={act} />
      {onTeam && <Duplicates caseId={c.id} onMerged={reload} purpose={purpose} />}
      {/* The forms are the team's: a reader outside it is told so once, in the state panel, not on each form. */}
      {onTeam && (
        <>
          <div className="grid-2">
            <ScreeningForm c={c} onTeam={onTeam} reload={reload} />
            <div>
              <RoleForm c={c} onTeam={onTeam} reload={reload} />
              <ProtectionForm c={c} onTeam={onTeam} reload={reload} />
            </div>
          </div>
          <div className="grid-2">
            <LocationForm c={c} onTeam={onTeam} reload={reload} />
            <FilesPanel c={c} onTeam={onTeam} reload={reload} />
          </div>
          <RepatriationForm c={c} onTeam={onTeam} reload={reload} />
        </>
      )}
      <Panel title={t('case.reports')}>
        {c.reports.map((r) => (
          <article key={r.id}>
            <Time value={r.createdAt} dual /> · {label('reportChannel', r.channel)} ·{' '}
            {label('reporterRelation', r.reporter.relation)}
            <p>{r.narrative}</p>
          </article>
        ))}
      </Panel>
      <Panel title={t('case.identifiers')}>
        <ul className="plain-list">
          {c.identifiers.map((i) => (
            <li key={`${i.kind}:${i.display}`}>
              {label('identifierKind', i.kind)}: {i.display} ({label('identifierSource', i.source)})
            </li>
          ))}
        </ul>
      </Panel>
      <Panel title={t('case.team')}>
        <ul className="plain-list">
          {c.team.map((m) => (
            <li key={m.userId}>
              {m.displayName} ({m.agencyCode})
            </li>
          ))}
        </ul>
      </Panel>
      <Panel title={t('case.history')}>
        <ol className="plain-list" data-testid="rescue-history">
          {c.history.map((h) => (
            <li key={h.id} data-kind={h.kind}>
              <Time value={h.at} dual /> · {h.by} · {label('rescueHistory', h.kind)}
              {h.to ? ` → ${stateLabel(h.to, i18n.language)}` : ''}
              {h.reason ? ` — ${h.reason}` : ''}
            </li>
          ))}
        </ol>
      </Panel>
    </>
  );
}

function Duplicates({ caseId, onMerged }: { caseId: string; onMerged(): void; purpose: string | null }) {
  const { t } = useTranslation('rescue');
  const candidates = useResource(() => rescueApi.duplicates(caseId), [caseId]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [asked, setAsked] = useState<string[]>([]);
  const can = useCan();
  return (
    <Panel title={t('case.duplicates')}>
      <ProblemNotice error={error ?? candidates.error} />
      {candidates.data?.length === 0 && <p>{t('case.noDuplicates')}</p>}
      {candidates.data && candidates.data.length > 0 && (
        <Field label={t('case.mergeReason')}>
          {(control) => (
            <input
              {...control}
              name="merge-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
      )}
      <ul>
        {candidates.data?.map((d) =>
          d.restricted ? (
            <li key={d.caseId} data-testid={`duplicate-restricted-${d.reference}`}>
              {t('forms.duplicates.restricted', { reference: d.reference })} · {d.verdict} ({d.score}){' '}
              {can('rescue.triage') ? (
                <Link to={`/rescue/${d.caseId}`}>{t('forms.duplicates.openWithPurpose')}</Link>
              ) : asked.includes(d.caseId) ? (
                <span role="status">{t('forms.duplicates.asked', { reference: d.reference })}</span>
              ) : (
                <button
                  type="button"
                  className="button"
                  data-testid={`ask-review-${d.reference}`}
                  onClick={async () => {
                    setError(null);
                    try {
                      await rescueApi.reviewRequest(caseId, d.caseId);
                      setAsked((list) => [...list, d.caseId]);
                    } catch (failure) {
                      setError(failure);
                    }
                  }}
                >
                  {t('forms.duplicates.askTriage')}
                </button>
              )}
            </li>
          ) : (
            <li key={d.caseId}>
              <Link to={`/rescue/${d.caseId}`}>{d.reference}</Link> · {d.verdict} ({d.score}) ·{' '}
              {d.reasons.join('; ')}{' '}
              <button
                type="button"
                className="button button-primary"
                data-testid={`merge-${d.reference}`}
                onClick={async () => {
                  setError(null);
                  try {
                    await rescueApi.merge(caseId, d.caseId, reason);
                    candidates.reload();
                    onMerged();
                  } catch (failure) {
                    setError(failure);
                  }
                }}
              >
                {t('case.merge')}: {d.reference}
              </button>
            </li>
          ),
        )}
      </ul>
    </Panel>
  );
}
