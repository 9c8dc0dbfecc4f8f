import { assignmentProblems, escortRule } from '@liaison/core/fugitives/removal-rules';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../ui/Panel.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { FugitivePicker } from './FugitivePicker.tsx';
import { Refusal } from './Refusal.tsx';
import type { PlanPart } from './RemovalPlanPage.tsx';
import { removalsApi } from './removals-api.ts';
import { flightName, planOfView } from './rule-text.ts';

/** The suspects: their flight (a full commercial flight is offered but marked), seat, escorts, boarding. */
export function SuspectsPanel({ view, onChange, editable }: PlanPart) {
  const { t } = useTranslation('removals');
  const { error, busy, submit } = useSubmission();
  const [adding, setAdding] = useState<string[]>([]);
  const plan = planOfView(view);
  const run = (work: () => Promise<typeof view>) => void submit(async () => onChange(await work()));
  return (
    <Panel title={t('plan.suspects')} actions={<span className="count">{view.suspects.length}</span>}>
      <Refusal error={error} />
      <div className="table-wrap">
        <table className="table" data-testid="removal-suspects">
          <thead>
            <tr>
              <th scope="col">{t('role.suspect')}</th>
              <th scope="col">{t('plan.passport')}</th>
              <th scope="col">{t('plan.warrant')}</th>
              <th scope="col">{t('plan.flight')}</th>
              <th scope="col">{t('plan.seat')}</th>
              <th scope="col">{t('plan.escorts')}</th>
              <th scope="col">{t('plan.boarded')}</th>
              {editable && <th scope="col" />}
            </tr>
          </thead>
          <tbody>
            {view.suspects.map((s) => {
              const escorts = view.members.filter((m) => m.role === 'escort' && m.suspectId === s.id);
              return (
                <tr key={s.id} data-suspect={s.name}>
                  <td>
                    {s.name}
                    {s.nameLocal && <span className="muted"> · {s.nameLocal}</span>}
                    {s.fugitiveReference && <div className="muted">{s.fugitiveReference}</div>}
                  </td>
                  <td>{s.passportNumber ?? '—'}</td>
                  <td>{s.warrantNumber ?? '—'}</td>
                  <td>
                    {editable ? (
                      <select
                        aria-label={`${t('plan.flight')} — ${s.name}`}
                        value={s.flightId ?? ''}
                        disabled={busy}
                        data-testid="suspect-flight"
                        onChange={(e) => run(() => removalsApi.assign(view.id, s.id, e.target.value || null))}
                      >
                        <option value="">{t('plan.noFlight')}</option>
                        {view.flights.map((f) => {
                          const full =
                            s.flightId !== f.id &&
                            s.flightId === null &&
                            assignmentProblems(plan, s.id, f.id).length > 0;
                          return (
                            <option key={f.id} value={f.id}>
                              {flightName(f)}
                              {full ? ` — ${t('plan.full', { max: escortRule.commercialMaxSuspects })}` : ''}
                            </option>
                          );
                        })}
                      </select>
                    ) : (
                      ((view.flights.find((f) => f.id === s.flightId) &&
                        flightName(view.flights.find((f) => f.id === s.flightId)!)) ??
                      '—')
                    )}
                  </td>
                  <td>{s.seat ?? '—'}</td>
                  <td>
                    <span
                      className={
                        escorts.length < escortRule.escortsPerSuspect ? 'badge badge-warn' : 'badge badge-ok'
                      }
                    >
                      {t('escortForm.count', { count: escorts.length, per: escortRule.escortsPerSuspect })}
                    </span>
                    <ul className="removal-escort-list">
                      {escorts.map((e) => (
                        <li key={e.id}>
                          {e.name} <span className="muted">{e.agency}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {s.boardedAt
                      ? t('boarding.executed', {
                          number: s.warrantNumber ?? '—',
                          by: s.warrantExecutedBy ?? '—',
                        })
                      : '—'}
                  </td>
                  {editable && (
                    <td>
                      <button
                        type="button"
                        className="button button-quiet"
                        disabled={busy}
                        onClick={() => run(() => removalsApi.removeSuspect(view.id, s.id))}
                      >
                        {t('plan.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {editable && (
        <details>
          <summary data-testid="suspects-add-open">{t('plan.addSuspects')}</summary>
          <FugitivePicker
            selected={adding}
            onChange={setAdding}
            exclude={view.suspects.map((s) => s.fugitiveId)}
          />
          <button
            type="button"
            className="button"
            disabled={busy || adding.length === 0}
            data-testid="suspects-add"
            onClick={() =>
              void submit(async () => {
                onChange(await removalsApi.addSuspects(view.id, adding));
                setAdding([]);
              })
            }
          >
            {t('plan.addSuspects')} ({adding.length})
          </button>
        </details>
      )}
    </Panel>
  );
}
