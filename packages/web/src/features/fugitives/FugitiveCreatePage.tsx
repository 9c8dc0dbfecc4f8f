import {
  dangerMarkerCodes,
  nameKinds,
  nameScripts,
  noticeStatuses,
  noticeTypes,
  passportStatuses,
  sexes,
} from '@liaison/core/fugitives/schemas';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDraft } from '../../app/draft.ts';
import { Fieldset } from '../../ui/Field.tsx';
import { Checkbox, fieldError, SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { MarkingsFields } from '../../ui/MarkingsFields.tsx';
import { PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { fugitivesApi } from './fugitives-api.ts';
import { emptyDraft, type FugitiveDraft, inputFromDraft } from './labels.ts';

/** Language of a name field by its script, so Khmer and Hangul get their fonts and line height. */
const scriptLang: Record<string, string> = { hangul: 'ko', khmer: 'km', han: 'zh', latin: 'en' };

/** Enters a wanted person: names in every script with aliases, passport, warrant, Interpol notice, danger. */
export function FugitiveCreatePage() {
  const { t } = useTranslation(['fugitives', 'ui']);
  const navigate = useNavigate();
  const [draft, update, clear] = useDraft<FugitiveDraft>('fugitives.new', emptyDraft);
  const { error, busy, submit } = useSubmission();
  const setName = (i: number, patch: Partial<FugitiveDraft['names'][number]>) =>
    update({ names: draft.names.map((n, j) => (j === i ? { ...n, ...patch } : n)) });

  function create(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      const created = await fugitivesApi.create(inputFromDraft(draft));
      clear();
      navigate(`/fugitives/${created.id}`);
    });
  }

  return (
    <div className="page page-narrow">
      <PageHeader title={t('form.title')} />
      <Panel title={t('form.title')}>
        <p className="muted">{t('form.draftKept')}</p>
        <ProblemNotice error={error} />
        <form className="form" onSubmit={create} data-testid="fugitive-form" noValidate>
          <Fieldset legend={t('form.names')} error={fieldError(error, '/names')}>
            <p className="muted">{t('form.namesHint')}</p>
            {draft.names.map((name, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              <div className="fugitive-name-row" key={i} data-testid="fugitive-name-row">
                <TextField
                  label={t('form.nameValue')}
                  name={`names.${i}.value`}
                  value={name.value}
                  lang={scriptLang[name.script]}
                  error={fieldError(error, `/names/${i}/value`)}
                  onValueChange={(value) => setName(i, { value })}
                />
                <SelectField
                  label={t('form.script')}
                  name={`names.${i}.script`}
                  value={name.script}
                  options={nameScripts}
                  optionLabel={(s) => t(`script.${s}`)}
                  onValueChange={(script) => setName(i, { script })}
                />
                <SelectField
                  label={t('form.kind')}
                  name={`names.${i}.kind`}
                  value={name.kind}
                  options={nameKinds}
                  optionLabel={(k) => t(`nameKind.${k}`)}
                  onValueChange={(kind) => setName(i, { kind })}
                />
                <button
                  type="button"
                  className="button button-quiet"
                  disabled={draft.names.length <= 1}
                  onClick={() => update({ names: draft.names.filter((_, j) => j !== i) })}
                >
                  {t('form.removeName')}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button"
              onClick={() =>
                update({ names: [...draft.names, { value: '', script: 'latin', kind: 'alias' }] })
              }
            >
              {t('form.addName')}
            </button>
          </Fieldset>
          <div className="form-row">
            <TextField
              label={t('form.birthDate')}
              type="date"
              name="birthDate"
              value={draft.birthDate}
              error={fieldError(error, '/birthDate')}
              onValueChange={(birthDate) => update({ birthDate })}
            />
            <TextField
              label={t('form.nationality')}
              name="nationality"
              required
              maxLength={2}
              value={draft.nationality}
              error={fieldError(error, '/nationality')}
              onValueChange={(nationality) => update({ nationality: nationality.toUpperCase() })}
            />
            <SelectField
              label={t('form.sex')}
              name="sex"
              value={draft.sex}
              options={sexes}
              optionLabel={(s) => t(`sex.${s}`)}
              onValueChange={(sex) => update({ sex })}
            >
              <option value="">{t('form.notStated')}</option>
            </SelectField>
          </div>
          <Fieldset legend={t('form.passport')}>
            <div className="form-row">
              <TextField
                label={t('form.passportNumber')}
                name="passportNumber"
                value={draft.passportNumber}
                error={fieldError(error, '/passport/number')}
                onValueChange={(passportNumber) => update({ passportNumber })}
              />
              <SelectField
                label={t('form.passportStatus')}
                name="passportStatus"
                value={draft.passportStatus}
                options={passportStatuses}
                optionLabel={(s) => t(`passport.${s}`)}
                onValueChange={(passportStatus) => update({ passportStatus })}
              />
              <TextField
                label={t('form.statusOn')}
                type="date"
                name="passportStatusOn"
                value={draft.passportStatusOn}
                error={fieldError(error, '/passport/statusOn')}
                onValueChange={(passportStatusOn) => update({ passportStatusOn })}
              />
            </div>
          </Fieldset>
          <Fieldset legend={t('form.warrant')} error={fieldError(error, '/warrant')}>
            <div className="form-row">
              <TextField
                label={t('form.warrantNumber')}
                name="warrantNumber"
                value={draft.warrantNumber}
                error={fieldError(error, '/warrant/number')}
                onValueChange={(warrantNumber) => update({ warrantNumber })}
              />
              <TextField
                label={t('form.court')}
                name="court"
                value={draft.court}
                error={fieldError(error, '/warrant/court')}
                onValueChange={(court) => update({ court })}
              />
            </div>
            <TextAreaField
              label={t('form.charges')}
              hint={t('form.chargesHint')}
              name="charges"
              rows={3}
              value={draft.charges}
              error={fieldError(error, '/warrant/charges')}
              onValueChange={(charges) => update({ charges })}
            />
            <div className="form-row">
              <TextField
                label={t('form.issuedOn')}
                type="date"
                name="issuedOn"
                value={draft.issuedOn}
                error={fieldError(error, '/warrant/issuedOn')}
                onValueChange={(issuedOn) => update({ issuedOn })}
              />
              <TextField
                label={t('form.expiresOn')}
                type="date"
                name="expiresOn"
                value={draft.expiresOn}
                error={fieldError(error, '/warrant/expiresOn')}
                onValueChange={(expiresOn) => update({ expiresOn })}
              />
            </div>
          </Fieldset>
          <Fieldset legend={t('form.interpol')}>
            <div className="form-row">
              <SelectField
                label={t('form.noticeType')}
                name="noticeType"
                value={draft.noticeType}
                options={noticeTypes}
                optionLabel={(n) => t(`notice.${n}`)}
                onValueChange={(noticeType) => update({ noticeType })}
              >
                <option value="">{t('form.noNotice')}</option>
              </SelectField>
              <TextField
                label={t('form.noticeReference')}
                name="noticeReference"
                value={draft.noticeReference}
                error={fieldError(error, '/interpol/reference')}
                onValueChange={(noticeReference) => update({ noticeReference })}
              />
              <SelectField
                label={t('form.noticeStatus')}
                name="noticeStatus"
                value={draft.noticeStatus}
                options={noticeStatuses}
                optionLabel={(s) => t(`noticeStatus.${s}`)}
                onValueChange={(noticeStatus) => update({ noticeStatus })}
              />
            </div>
          </Fieldset>
          <Fieldset legend={t('form.dangerMarkers')} error={fieldError(error, '/dangerMarkers')}>
            {dangerMarkerCodes.map((code) => (
              <Checkbox
                key={code}
                name="dangerMarkers"
                checked={draft.dangerMarkers.includes(code)}
                onCheckedChange={(on) =>
                  update({
                    dangerMarkers: on
                      ? [...draft.dangerMarkers, code]
                      : draft.dangerMarkers.filter((c) => c !== code),
                  })
                }
              >
                {t(`danger.${code}`)}
              </Checkbox>
            ))}
          </Fieldset>
          <TextAreaField
            label={t('form.description')}
            name="description"
            rows={4}
            value={draft.description}
            error={fieldError(error, '/description')}
            onValueChange={(description) => update({ description })}
          />
          <MarkingsFields scope="case" value={draft} onChange={update} error={error} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('form.submit')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => clear()}>
              {t('form.discard')}
            </button>
          </div>
        </form>
      </Panel>
    </div>
  );
}
