import { proposeFlights } from '@liaison/core/fugitives/removal-planner';
import { type RemovalKind, removalKinds } from '@liaison/core/fugitives/removal-schemas';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { fieldError, SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { FugitivePicker } from './FugitivePicker.tsx';
import { RuleNotice } from './RuleNotice.tsx';
import { removalsApi } from './removals-api.ts';

/**
 * A new removal plan: from a fugitive (`?fugitive=<id>`, repeatable, as a fugitive's page or a list links here)
 * or from fugitives picked in the register; the planner's proposal shows as the selection grows.
 */
export function RemovalCreatePage() {
  const { t } = useTranslation('removals');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [selected, setSelected] = useState<string[]>(params.getAll('fugitive'));
  const [kind, setKind] = useState<RemovalKind>('deportation');
  const [unitName, setUnitName] = useState('');
  const [unitPlace, setUnitPlace] = useState('');
  const [unitContact, setUnitContact] = useState('');
  const [notes, setNotes] = useState('');
  const { error, busy, submit } = useSubmission();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(async () => {
      const created = await removalsApi.create({
        kind,
        receivingUnit: { name: unitName, place: unitPlace, contact: unitContact },
        notes,
        suspects: selected.map((fugitiveId) => ({ fugitiveId })),
      });
      navigate(`/removals/${created.id}`);
    });
  };

  return (
    <div className="page">
      <PageHeader title={t('create.title')} />
      <form onSubmit={onSubmit} noValidate>
        <Panel title={t('create.title')}>
          <div className="grid-2">
            <SelectField
              label={t('create.kind')}
              name="kind"
              value={kind}
              options={removalKinds}
              optionLabel={(k) => t(`kind.${k}`)}
              onValueChange={(v) => setKind(v as typeof kind)}
            />
            <TextField
              label={t('create.unitName')}
              hint={t('create.unitNameHint')}
              name="unitName"
              required
              value={unitName}
              onValueChange={setUnitName}
              error={fieldError(error, '/receivingUnit/name')}
            />
            <TextField
              label={t('create.unitPlace')}
              name="unitPlace"
              value={unitPlace}
              onValueChange={setUnitPlace}
              error={fieldError(error, '/receivingUnit/place')}
            />
            <TextField
              label={t('create.unitContact')}
              name="unitContact"
              value={unitContact}
              onValueChange={setUnitContact}
              error={fieldError(error, '/receivingUnit/contact')}
            />
          </div>
          <TextAreaField
            label={t('create.notes')}
            name="notes"
            value={notes}
            onValueChange={setNotes}
            rows={2}
          />
        </Panel>
        <Panel
          title={t('create.pick')}
          actions={<span className="count">{t('create.selected', { count: selected.length })}</span>}
        >
          <RuleNotice proposal={proposeFlights(selected.length)} />
          <FugitivePicker selected={selected} onChange={setSelected} />
          {fieldError(error, '/suspects') && (
            <p className="field-error" role="alert">
              {fieldError(error, '/suspects')}
            </p>
          )}
        </Panel>
        <ProblemNotice error={error} />
        <div className="button-row">
          <button
            className="button button-primary"
            type="submit"
            disabled={busy}
            data-testid="removal-create"
          >
            {t('create.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
