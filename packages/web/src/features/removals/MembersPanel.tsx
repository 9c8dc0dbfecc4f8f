import { memberRoles, type OtherMemberRole } from '@liaison/core/fugitives/removal-schemas';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField } from '../../ui/fields.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { Refusal } from './Refusal.tsx';
import type { PlanPart } from './RemovalPlanPage.tsx';
import { removalsApi } from './removals-api.ts';
import { flightName } from './rule-text.ts';

const otherRoles = memberRoles.filter((r) => r !== 'escort') as OtherMemberRole[];

/** A line "name; agency; passport; seat" (only the name is needed) as a person to add. */
export function parseMemberLine(line: string) {
  const [name = '', agency = '', passportNumber = '', seat = ''] = line.split(';').map((p) => p.trim());
  return { name, agency, ...(passportNumber && { passportNumber }), ...(seat && { seat }) };
}

/** A charter's crew, medical staff, interpreters and others: pasted as a list, one person a line. */
export function MembersPanel({ view, onChange, editable }: PlanPart) {
  const { t } = useTranslation('removals');
  const [role, setRole] = useState<OtherMemberRole>('crew');
  const [flightId, setFlightId] = useState('');
  const [lines, setLines] = useState('');
  const { error, busy, submit } = useSubmission();
  const others = view.members.filter((m) => m.role !== 'escort');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const members = lines
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => ({ role, flightId: flightId || view.flights[0]?.id, ...parseMemberLine(l) }));
    void submit(async () => {
      onChange(await removalsApi.addMembers(view.id, members));
      setLines('');
    });
  };
  if (!editable && others.length === 0) return null;
  return (
    <Panel title={t('plan.others')} actions={<span className="count">{others.length}</span>}>
      <Refusal error={error} />
      {others.length > 0 && (
        <ul className="plain-list">
          {others.map((m) => (
            <li key={m.id}>
              {t(`role.${m.role}`)}: {m.name} <span className="muted">{m.agency}</span>
              {m.seat && ` · ${m.seat}`}
              {editable && ' '}
              {editable && (
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  onClick={() =>
                    void submit(async () => onChange(await removalsApi.removeMember(view.id, m.id)))
                  }
                >
                  {t('plan.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && view.flights.length > 0 && (
        <form onSubmit={onSubmit} noValidate>
          <div className="removal-inline-form">
            <SelectField
              label={t('memberForm.role')}
              name="role"
              value={role}
              options={otherRoles}
              optionLabel={(r) => t(`role.${r}`)}
              onValueChange={(v) => setRole(v as OtherMemberRole)}
            />
            <SelectField
              label={t('memberForm.flight')}
              name="flightId"
              value={flightId || view.flights[0]!.id}
              options={view.flights.map((f) => f.id)}
              optionLabel={(id) => flightName(view.flights.find((f) => f.id === id)!)}
              onValueChange={setFlightId}
            />
          </div>
          <TextAreaField
            label={t('memberForm.names')}
            name="members"
            value={lines}
            onValueChange={setLines}
            rows={4}
          />
          <button type="submit" className="button" disabled={busy || !lines.trim()}>
            {t('memberForm.submit')}
          </button>
        </form>
      )}
    </Panel>
  );
}
