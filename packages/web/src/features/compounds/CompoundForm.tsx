import type { CompoundStatus, CompoundView } from '@liaison/core/compounds/compound-schema';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { fieldError, SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { SubmitActions } from '../../ui/SubmitActions.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { compoundStatuses, provinceIds, provinceLabel } from './labels.ts';

/** A number field's text as a number; empty stays out of the change, anything else goes as typed (the server names it). */
function coordinate(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

/**
 * Edits a compound: only the fields that differ are sent (PATCH), so two officers changing different fields
 * do not overwrite each other. The border distance is worked out again by the server when the position moves.
 */
export function CompoundForm({
  compound,
  onSaved,
  onCancel,
}: {
  compound: CompoundView;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation('compounds');
  const { error, busy, submit } = useSubmission();
  const [name, setName] = useState(compound.name);
  const [aliases, setAliases] = useState(compound.aliases.join(', '));
  const [province, setProvince] = useState(compound.province);
  const [status, setStatus] = useState<CompoundStatus>(compound.status);
  const [lat, setLat] = useState(compound.lat?.toString() ?? '');
  const [lon, setLon] = useState(compound.lon?.toString() ?? '');
  const [notes, setNotes] = useState(compound.notes);

  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const aliasList = aliases
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a.length > 0);
      const patch: Record<string, unknown> = {};
      if (name !== compound.name) patch.name = name;
      if (aliasList.join('\n') !== compound.aliases.join('\n')) patch.aliases = aliasList;
      if (province !== compound.province) patch.province = province;
      if (status !== compound.status) patch.status = status;
      if (lat !== (compound.lat?.toString() ?? '')) patch.lat = coordinate(lat);
      if (lon !== (compound.lon?.toString() ?? '')) patch.lon = coordinate(lon);
      if (notes !== compound.notes) patch.notes = notes;
      if (Object.keys(patch).length > 0) await api.patch(`/api/v1/compounds/${compound.id}`, patch);
      onSaved();
    });
  };

  return (
    <form className="form" onSubmit={save} noValidate data-testid="compound-form">
      <ProblemNotice error={error} />
      <div className="form-row">
        <TextField
          label={t('name')}
          name="name"
          required
          value={name}
          onValueChange={setName}
          error={fieldError(error, '/name')}
        />
        <TextField
          label={t('aliases')}
          name="aliases"
          hint={t('aliasesHint')}
          value={aliases}
          onValueChange={setAliases}
          error={fieldError(error, '/aliases')}
        />
      </div>
      <div className="form-row">
        <SelectField
          label={t('province')}
          name="province"
          value={province}
          options={provinceIds}
          optionLabel={(p) => provinceLabel(p, i18n.language)}
          onValueChange={setProvince}
          error={fieldError(error, '/province')}
        />
        <SelectField
          label={t('status')}
          name="status"
          value={status}
          options={compoundStatuses}
          optionLabel={(s) => t(`statuses.${s}`)}
          onValueChange={(value) => setStatus(value as CompoundStatus)}
          error={fieldError(error, '/status')}
        />
      </div>
      <div className="form-row">
        <TextField
          label={t('detail.lat')}
          name="lat"
          inputMode="decimal"
          value={lat}
          onValueChange={setLat}
          error={fieldError(error, '/lat')}
        />
        <TextField
          label={t('detail.lon')}
          name="lon"
          inputMode="decimal"
          value={lon}
          onValueChange={setLon}
          error={fieldError(error, '/lon')}
        />
      </div>
      <TextAreaField
        label={t('detail.notes')}
        name="notes"
        rows={4}
        value={notes}
        onValueChange={setNotes}
        error={fieldError(error, '/notes')}
      />
      <SubmitActions busy={busy} label={t('detail.save')}>
        <button type="button" className="button" onClick={onCancel}>
          {t('detail.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}
