import {
  closeReasons,
  type FugitiveFile,
  type FugitiveState,
  removalRoutes,
} from '@liaison/core/fugitives/schemas';
import { cambodianProvinces } from '@liaison/core/graph/provinces';
import { cambodianProvinceIds } from '@liaison/core/rescue/provinces';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session.tsx';
import { localInputToIso } from '../../app/time.ts';
import { Fieldset } from '../../ui/Field.tsx';
import { Checkbox, fieldError, SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { fugitivesApi } from './fugitives-api.ts';

/** The province's name in the reader's language. */
export function provinceLabel(id: string, language: string): string {
  const labels = cambodianProvinces[id as keyof typeof cambodianProvinces];
  if (!labels) return id;
  return language === 'ko' ? labels.ko : language === 'km' ? labels.km : labels.en;
}

/** The next step of the life cycle: only the states allowed from here, with the details each needs. */
export function StepForm({
  fugitiveId,
  nextStates,
  files,
  onAdded,
}: {
  fugitiveId: string;
  nextStates: FugitiveState[];
  files: FugitiveFile[];
  onAdded(): void;
}) {
  const { t, i18n } = useTranslation('fugitives');
  const me = useMe();
  const [state, setState] = useState<FugitiveState | ''>(nextStates[0] ?? '');
  const [when, setWhen] = useState('');
  const [actedBy, setActedBy] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [facility, setFacility] = useState('');
  const [province, setProvince] = useState('');
  const [removalRoute, setRemovalRoute] = useState('');
  const [receivingUnit, setReceivingUnit] = useState('');
  const [closeReason, setCloseReason] = useState('');
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const { error, busy, submit } = useSubmission();
  if (nextStates.length === 0) return <p className="muted">{t('step.final')}</p>;
  const current = state || nextStates[0]!;
  const takesProvince = ['sighted', 'located', 'under_surveillance', 'arrested', 'detained'].includes(
    current,
  );

  function record(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      await fugitivesApi.addStep(fugitiveId, {
        state: current,
        occurredAt: localInputToIso(when, me.timeZone) ?? '',
        ...(actedBy.trim() && { actedBy }),
        ...(note.trim() && { note }),
        ...(reason.trim() && { reason }),
        details: {
          ...(current === 'detained' && facility.trim() && { facility }),
          ...(takesProvince && province && { province: province as 'phnom_penh' }),
          ...(current === 'removal_in_progress' &&
            removalRoute && { removalRoute: removalRoute as 'deportation' }),
          ...(current === 'handed_over' && receivingUnit.trim() && { receivingUnit }),
          ...(current === 'closed' && closeReason && { closeReason: closeReason as 'returned' }),
        },
        documentIds,
      });
      setWhen('');
      setNote('');
      setReason('');
      setDocumentIds([]);
      onAdded();
    });
  }

  return (
    <form className="form" onSubmit={record} aria-label={t('step.title')} data-testid="step-form" noValidate>
      <h3>{t('step.title')}</h3>
      <ProblemNotice error={error} />
      <div className="form-row">
        <SelectField
          label={t('step.state')}
          name="state"
          value={current}
          options={nextStates}
          optionLabel={(s) => t(`state.${s}`)}
          error={fieldError(error, '/state')}
          onValueChange={(s) => setState(s)}
        />
        <TextField
          label={t('step.occurredAt')}
          hint={me.timeZone}
          type="datetime-local"
          name="occurredAt"
          required
          value={when}
          error={fieldError(error, '/occurredAt')}
          onValueChange={setWhen}
        />
        <TextField label={t('step.actedBy')} name="actedBy" value={actedBy} onValueChange={setActedBy} />
      </div>
      {current === 'detained' && (
        <TextField
          label={t('step.facility')}
          name="facility"
          required
          value={facility}
          error={fieldError(error, '/details/facility')}
          onValueChange={setFacility}
        />
      )}
      {takesProvince && (
        <SelectField
          label={t('step.province')}
          name="province"
          value={province}
          options={cambodianProvinceIds}
          optionLabel={(p) => provinceLabel(p, i18n.language)}
          onValueChange={setProvince}
        >
          <option value="">{t('step.anyProvince')}</option>
        </SelectField>
      )}
      {current === 'removal_in_progress' && (
        <SelectField
          label={t('step.removalRoute')}
          name="removalRoute"
          required
          value={removalRoute}
          options={removalRoutes}
          optionLabel={(r) => t(`route.${r}`)}
          error={fieldError(error, '/details/removalRoute')}
          onValueChange={setRemovalRoute}
        >
          <option value="">—</option>
        </SelectField>
      )}
      {current === 'handed_over' && (
        <TextField
          label={t('step.receivingUnit')}
          name="receivingUnit"
          required
          value={receivingUnit}
          error={fieldError(error, '/details/receivingUnit')}
          onValueChange={setReceivingUnit}
        />
      )}
      {current === 'closed' && (
        <SelectField
          label={t('step.closeReason')}
          name="closeReason"
          required
          value={closeReason}
          options={closeReasons}
          optionLabel={(r) => t(`closeReason.${r}`)}
          error={fieldError(error, '/details/closeReason')}
          onValueChange={setCloseReason}
        >
          <option value="">—</option>
        </SelectField>
      )}
      <TextField
        label={t('step.reason')}
        hint={t('step.reasonHint')}
        name="reason"
        value={reason}
        error={fieldError(error, '/reason')}
        onValueChange={setReason}
      />
      <TextAreaField label={t('step.note')} name="note" rows={2} value={note} onValueChange={setNote} />
      {files.length > 0 && (
        <Fieldset legend={t('step.documents')} error={fieldError(error, '/documentIds')}>
          {files.map((file) => (
            <Checkbox
              key={file.id}
              name="documentIds"
              checked={documentIds.includes(file.id)}
              onCheckedChange={(on) =>
                setDocumentIds(on ? [...documentIds, file.id] : documentIds.filter((d) => d !== file.id))
              }
            >
              {file.filename}
            </Checkbox>
          ))}
        </Fieldset>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('step.submit')}
        </button>
      </div>
    </form>
  );
}
