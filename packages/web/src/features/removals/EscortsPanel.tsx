import type { EscortProposal } from '@liaison/core/fugitives/removal-schemas';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../app/use-resource.ts';
import { Checkbox, SelectField, TextField } from '../../ui/fields.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { Refusal } from './Refusal.tsx';
import type { PlanPart } from './RemovalPlanPage.tsx';
import { removalsApi } from './removals-api.ts';

/**
 * Escorts: the planner proposes officers from the pool (the agency's officers, all ticked to start with) for
 * every suspect short of the rule; the proposal is assigned in one go, or someone is added by name.
 */
export function EscortsPanel({ view, onChange, editable }: PlanPart) {
  const { t } = useTranslation('removals');
  const officers = useResource(() => (editable ? removalsApi.officers() : Promise.resolve([])), [editable]);
  const [unticked, setUnticked] = useState<string[]>([]);
  const [proposal, setProposal] = useState<EscortProposal | null>(null);
  const [suspectId, setSuspectId] = useState('');
  const [name, setName] = useState('');
  const [agency, setAgency] = useState('');
  const { error, busy, submit } = useSubmission();
  const escorts = view.members.filter((m) => m.role === 'escort');
  const nameOf = (userId: string) => officers.data?.find((o) => o.id === userId)?.name ?? userId;
  const suspectName = (id: string | null) => view.suspects.find((s) => s.id === id)?.name ?? '';
  const pool = (officers.data ?? []).map((o) => o.id).filter((id) => !unticked.includes(id));

  const addByName = (e: FormEvent) => {
    e.preventDefault();
    void submit(async () => {
      onChange(await removalsApi.addEscorts(view.id, [{ suspectId, name, ...(agency && { agency }) }]));
      setName('');
    });
  };

  return (
    <Panel title={t('plan.escorts')} actions={<span className="count">{escorts.length}</span>}>
      <Refusal error={error} />
      {escorts.length > 0 && (
        <ul className="plain-list" data-testid="removal-escorts">
          {escorts.map((e) => (
            <li key={e.id}>
              {e.name} <span className="muted">{e.agency}</span> —{' '}
              {t('escortForm.of', { name: suspectName(e.suspectId) })}
              {editable && ' '}
              {editable && (
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  onClick={() =>
                    void submit(async () => onChange(await removalsApi.removeMember(view.id, e.id)))
                  }
                >
                  {t('plan.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <>
          <details>
            <summary>
              {t('escortForm.pool')} ({pool.length})
            </summary>
            <ul className="plain-list">
              {(officers.data ?? []).map((o) => (
                <li key={o.id}>
                  <Checkbox
                    name={`officer-${o.id}`}
                    checked={!unticked.includes(o.id)}
                    onCheckedChange={(on) =>
                      setUnticked((u) => (on ? u.filter((x) => x !== o.id) : [...u, o.id]))
                    }
                  >
                    {o.name} <span className="muted">{o.agency}</span>
                  </Checkbox>
                </li>
              ))}
            </ul>
          </details>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={busy || pool.length === 0}
              data-testid="escorts-propose"
              onClick={() =>
                void submit(async () => setProposal(await removalsApi.proposeEscorts(view.id, pool)))
              }
            >
              {t('escortForm.propose')}
            </button>
          </div>
          {proposal && (
            <div className="notice" data-testid="escort-proposal">
              <strong>
                {t('escortForm.proposed', {
                  count: proposal.assignments.reduce((n, a) => n + a.userIds.length, 0),
                })}
              </strong>
              <ul className="removal-problems">
                {proposal.assignments.map((a) => (
                  <li key={a.suspectId}>
                    {suspectName(a.suspectId)}: {a.userIds.map(nameOf).join(', ')}
                  </li>
                ))}
              </ul>
              {proposal.shortBy > 0 && <p>{t('escortForm.short', { count: proposal.shortBy })}</p>}
              <button
                type="button"
                className="button button-primary"
                disabled={busy || proposal.assignments.length === 0}
                data-testid="escorts-apply"
                onClick={() =>
                  void submit(async () => {
                    onChange(
                      await removalsApi.addEscorts(
                        view.id,
                        proposal.assignments.flatMap((a) =>
                          a.userIds.map((userId) => ({ suspectId: a.suspectId, userId })),
                        ),
                      ),
                    );
                    setProposal(null);
                  })
                }
              >
                {t('escortForm.apply')}
              </button>
            </div>
          )}
          <form onSubmit={addByName} noValidate>
            <h3>{t('escortForm.manualTitle')}</h3>
            <div className="removal-inline-form">
              <SelectField
                label={t('escortForm.suspect')}
                name="suspectId"
                value={suspectId}
                options={view.suspects.map((s) => s.id)}
                optionLabel={(id) => suspectName(id)}
                onValueChange={setSuspectId}
              >
                <option value="">—</option>
              </SelectField>
              <TextField
                label={t('escortForm.name')}
                name="escortName"
                value={name}
                onValueChange={setName}
              />
              <TextField
                label={t('escortForm.agency')}
                name="escortAgency"
                value={agency}
                onValueChange={setAgency}
              />
              <button type="submit" className="button" disabled={busy || !suspectId}>
                {t('escortForm.submit')}
              </button>
            </div>
          </form>
        </>
      )}
    </Panel>
  );
}
