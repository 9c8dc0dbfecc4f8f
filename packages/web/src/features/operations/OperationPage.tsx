import type { OperationDetail } from '@liaison/core/operations/schemas';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/problem.ts';
import { useCan } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { fieldError, SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { EmptyState, Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { SubmitActions } from '../../ui/SubmitActions.tsx';
import { Time } from '../../ui/Time.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { crimeTypeLabel } from '../cases/case-labels.ts';
import { BriefingDownload } from './briefing/BriefingDownload.tsx';
import { LogList } from './LogList.tsx';
import { statusTone } from './labels.ts';
import { operationsApi } from './operations-api.ts';
import { useOperationLog } from './use-operation-log.ts';

/** An operation's page: the plan, the commander's go/no-go, the live log, the outcome and follow-ups. */
export function OperationPage() {
  const { id = '' } = useParams();
  const { data, error, loading, reload } = useResource(() => operationsApi.get(id), [id]);
  useOperationLog(id, reload);
  if (loading && !data) return <Loading />;
  if (!data) return <ProblemNotice error={error} />;
  return <OperationView op={data} onChange={reload} />;
}

function OperationView({ op, onChange }: { op: OperationDetail; onChange(): void }) {
  const { t, i18n } = useTranslation('operations');
  const can = useCan();
  const sides = [op.leadAgency, op.partnerAgency];
  const intel = op.intelligence;
  return (
    <div className="page operation-page">
      <PageHeader title={`${op.reference} · ${op.codeName}`}>
        <Badge tone={statusTone[op.status]}>{t(`status.${op.status}`)}</Badge>
        <Badge>{`TLP:${op.tlp}`}</Badge>
        <Badge>{op.handlingCode}</Badge>
        {can('operations.log') && (op.status === 'go' || op.status === 'under_way') && (
          <Link className="button button-primary" to="log" data-testid="open-log">
            {t('detail.openLog')}
          </Link>
        )}
      </PageHeader>
      <div className="operation-grid">
        <Panel title={t('detail.objective')}>
          <p>{op.objective}</p>
          <p className="muted">
            {`${op.leadAgency} · ${op.partnerAgency} · `}
            {op.crimeTypes.map((c) => crimeTypeLabel(c, i18n.language)).join(', ')}
          </p>
          {op.cases.map((c) => (
            <p key={c.id}>
              <Link to={`/cases/${c.id}`}>{`${c.number} ${c.title}`}</Link>
            </p>
          ))}
          <BriefingDownload operationId={op.id} />
        </Panel>
        <Panel title={t('detail.timing')}>
          <dl className="facts">
            {op.timing.briefingAt && (
              <>
                <dt>{t('form.briefingAt')}</dt>
                <dd>
                  <Time value={op.timing.briefingAt} dual />
                </dd>
              </>
            )}
            <dt>{t('form.start')}</dt>
            <dd>
              <Time value={op.timing.plannedStart} dual />
            </dd>
            <dt>{t('form.end')}</dt>
            <dd>
              <Time value={op.timing.plannedEnd} dual />
            </dd>
          </dl>
        </Panel>
        <Panel title={t('detail.targets')}>
          {op.targets.length === 0 && <EmptyState />}
          <ul className="plain-list">
            {op.targets.map((target) => (
              <li key={target.id}>
                {target.kind === 'compound' && target.compoundId ? (
                  <Link to={`/compounds`}>{target.label}</Link>
                ) : (
                  target.label
                )}
                {target.compoundStatus && (
                  <>
                    {' '}
                    <Badge tone={target.compoundStatus === 'raided' ? 'ok' : 'warn'}>
                      {t('detail.compoundStatus', { status: target.compoundStatus })}
                    </Badge>
                  </>
                )}
                {target.fugitiveId && (
                  <>
                    {' '}
                    <Link to={`/fugitives/${target.fugitiveId}`}>
                      <Badge tone="danger">{t('detail.fugitive')}</Badge>
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </Panel>
        <Panel title={t('detail.intelligence')}>
          <p>{intel.summary}</p>
          <p>
            {t('detail.people', {
              count: intel.estimatedOccupants ?? '—',
              gates: intel.gates ?? '—',
              guards: intel.guards ?? '—',
            })}
            {intel.guardsArmed && ` (${t('detail.armed')})`}
          </p>
          {intel.borderDistanceKm !== undefined && (
            <p>{t('detail.border', { km: intel.borderDistanceKm })}</p>
          )}
          {intel.routesIn && <p>{`${t('form.routesIn')}: ${intel.routesIn}`}</p>}
          {intel.routesOut && <p>{`${t('form.routesOut')}: ${intel.routesOut}`}</p>}
        </Panel>
        <Panel title={t('detail.teams')}>
          <ul className="plain-list">
            {op.teams.map((team) => (
              <li key={`${team.agencyCode}-${team.name}`}>
                <strong>{`${team.agencyCode} · ${team.name}`}</strong> {t(`role.${team.role}`)} ·{' '}
                {t('detail.officers', { count: team.headcount })}
                {team.leaderName && ` · ${team.leaderName}`}
                {team.contact && ` · ${team.contact}`}
              </li>
            ))}
          </ul>
        </Panel>
        <Panel title={t('detail.authority')}>
          <ul className="plain-list" data-testid="operation-authority">
            {sides.map((side) => {
              const own = op.legalAuthority.filter((a) => a.agencyCode === side);
              if (own.length === 0)
                return (
                  <li key={side}>
                    <Badge tone="danger">{t('detail.missingAuthority', { agency: side })}</Badge>
                  </li>
                );
              return own.map((a) => (
                <li key={`${side}-${a.number}`}>
                  <strong>{side}</strong>{' '}
                  {`${t(`authKind.${a.kind}`)} ${a.number} · ${a.issuedBy} · ${a.issuedOn}`}
                  {a.validUntil && ` → ${a.validUntil}`}
                </li>
              ));
            })}
          </ul>
        </Panel>
        <Panel title={t('detail.risks')}>
          {op.risks.length === 0 && <EmptyState />}
          <ul className="plain-list">
            {op.risks.map((risk) => (
              <li key={risk.description}>
                <Badge tone={risk.level === 'high' || risk.level === 'critical' ? 'danger' : 'warn'}>
                  {risk.level}
                </Badge>{' '}
                {risk.description}
                {risk.mitigation && ` — ${risk.mitigation}`}
              </li>
            ))}
          </ul>
        </Panel>
        <Panel title={t('detail.decisions')}>
          {op.decisions.length === 0 && <p className="muted">{t('detail.noDecision')}</p>}
          <ul className="plain-list" data-testid="operation-decisions">
            {op.decisions.map((d) => (
              <li key={d.id}>
                <Badge tone={d.decision === 'go' ? 'ok' : 'danger'}>
                  {t('detail.decidedBy', {
                    decision: t(d.decision === 'go' ? 'detail.go' : 'detail.noGo'),
                    name: d.decidedByName,
                  })}
                </Badge>{' '}
                <Time value={d.decidedAt} dual />
                {d.reason && ` — ${d.reason}`}
              </li>
            ))}
          </ul>
          {can('operations.decide') && ['planning', 'no_go', 'go'].includes(op.status) && (
            <DecisionForm op={op} onDone={onChange} />
          )}
        </Panel>
      </div>
      <Panel title={t('detail.outcome')}>
        <Outcome op={op} />
        {can('operations.plan') && op.status === 'under_way' && <CompleteForm op={op} onDone={onChange} />}
      </Panel>
      <Panel title={t('detail.log')}>
        <LogList entries={op.log} />
      </Panel>
      {op.cases.length > 0 && (
        <Panel title={t('detail.followUps')}>
          <ul className="plain-list">
            {op.followUps.map((f) => (
              <li key={f.id}>
                <Link to={`/cases/${f.caseId}`}>{f.title}</Link>
              </li>
            ))}
          </ul>
          {can('operations.plan') && <FollowUpForm op={op} onDone={onChange} />}
        </Panel>
      )}
    </div>
  );
}

function Outcome({ op }: { op: OperationDetail }) {
  const { t } = useTranslation('operations');
  const tally = op.tally;
  return (
    <div data-testid="operation-outcome">
      <p className="operation-tally">
        <span>{`${t('detail.arrests')}: ${tally.arrests}`}</span>
        <span>{`${t('detail.rescues')}: ${tally.rescues}`}</span>
        <span>{`${t('detail.seizures')}: ${op.seizures.length}`}</span>
      </p>
      {tally.arrests > 0 && (
        <p>
          {`${t('detail.byNationality')}: `}
          {Object.entries(tally.arrestsByNationality)
            .map(([nationality, n]) => `${nationality} ${n}`)
            .join(' · ')}
        </p>
      )}
      {op.arrests.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <tbody>
              {op.arrests.map((a) => (
                <tr key={a.id}>
                  <td>{a.name}</td>
                  <td>{a.nationality}</td>
                  <td>{a.arrestingAgency}</td>
                  <td>
                    <Time value={a.arrestedAt} dual />
                  </td>
                  <td>{a.fugitiveId && <Badge tone="danger">{t('detail.fugitive')}</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {op.rescues.length > 0 && (
        <ul className="plain-list">
          {op.rescues.map((r) => (
            <li key={r.id}>
              <Link to={`/rescue/${r.rescueCaseId}`}>{r.rescueCaseReference}</Link>{' '}
              {`${r.name} (${r.nationality})`}
            </li>
          ))}
        </ul>
      )}
      {op.seizures.length > 0 && (
        <ul className="plain-list">
          {op.seizures.map((s) => (
            <li key={s.id}>
              {`${t(`seizure.${s.category}`)}: ${s.quantity} ${s.unit}`}
              {s.drugType && ` (${s.drugType})`}
              {s.description && ` — ${s.description}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DecisionForm({ op, onDone }: { op: OperationDetail; onDone(): void }) {
  const { t } = useTranslation('operations');
  const [reason, setReason] = useState('');
  const { error, busy, submit } = useSubmission();
  // Why a GO was refused: the side without legal authority in the reader's language, the other reasons as sent.
  const refusals =
    error instanceof ApiError
      ? error.fields
          .filter((f) => f.path !== '/reason')
          .map((f) =>
            f.params?.problem === 'missing' && typeof f.params.agency === 'string'
              ? t('detail.missingAuthority', { agency: f.params.agency })
              : f.message,
          )
      : [];
  const decide = (decision: 'go' | 'no_go') =>
    submit(async () => {
      await operationsApi.decide(op.id, { decision, reason, version: op.version });
      setReason('');
      onDone();
    });
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} data-testid="decision-form" noValidate>
      <ProblemNotice error={error} />
      {refusals.length > 0 && (
        <ul className="plain-list" data-testid="decision-refusals">
          {refusals.map((text) => (
            <li key={text}>
              <Badge tone="danger">{text}</Badge>
            </li>
          ))}
        </ul>
      )}
      <TextAreaField
        label={t('detail.reason')}
        name="reason"
        value={reason}
        error={fieldError(error, '/reason')}
        onValueChange={setReason}
      />
      <div className="form-actions">
        {op.status !== 'go' && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void decide('go')}
          >
            {t('detail.go')}
          </button>
        )}
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() => void decide('no_go')}
        >
          {t('detail.noGo')}
        </button>
      </div>
    </form>
  );
}

function CompleteForm({ op, onDone }: { op: OperationDetail; onDone(): void }) {
  const { t } = useTranslation('operations');
  const [summary, setSummary] = useState('');
  const { error, busy, submit } = useSubmission();
  function complete(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      await operationsApi.complete(op.id, summary, op.version);
      onDone();
    });
  }
  return (
    <form className="form" onSubmit={complete} data-testid="complete-form" noValidate>
      <ProblemNotice error={error} />
      <TextAreaField label={t('detail.summary')} name="summary" value={summary} onValueChange={setSummary} />
      <SubmitActions busy={busy} label={t('detail.complete')} />
    </form>
  );
}

function FollowUpForm({ op, onDone }: { op: OperationDetail; onDone(): void }) {
  const { t } = useTranslation('operations');
  const [caseId, setCaseId] = useState(op.cases[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const { error, busy, submit } = useSubmission();
  function add(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      await operationsApi.followUp(op.id, { caseId, title });
      setTitle('');
      onDone();
    });
  }
  return (
    <form className="form" onSubmit={add} noValidate>
      <ProblemNotice error={error} />
      <div className="form-row">
        <SelectField
          label={t('detail.case')}
          name="caseId"
          value={caseId}
          options={op.cases.map((c) => c.id)}
          optionLabel={(id) => op.cases.find((c) => c.id === id)?.number ?? id}
          onValueChange={setCaseId}
        />
        <TextField
          label={t('detail.taskTitle')}
          name="title"
          value={title}
          error={fieldError(error, '/title')}
          onValueChange={setTitle}
        />
      </div>
      <SubmitActions busy={busy} secondary label={t('detail.addFollowUp')} />
    </form>
  );
}
