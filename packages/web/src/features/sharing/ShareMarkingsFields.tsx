import { InformationAccuracy, legalBases, SourceReliability } from '@liaison/core';
import { useTranslation } from 'react-i18next';
import { fieldError, SelectField, TextField } from '../../ui/fields.tsx';
import { PurposeField } from '../../ui/MarkingsFields.tsx';
import type { ShareDraft } from './share-draft.ts';

type MarkingsPart = Pick<
  ShareDraft,
  'legalBasis' | 'legalReference' | 'purpose' | 'retainUntil' | 'sourceReliability' | 'informationAccuracy'
>;

/**
 * What a share adds to the case's own markings: legal basis, purpose, retention and the 4x4 evaluation.
 * The handling code and TLP are the case's (the shared `MarkingsFields` would offer them as choices).
 */
export function ShareMarkingsFields({
  value,
  onChange,
  error,
}: {
  value: MarkingsPart;
  onChange(patch: Partial<MarkingsPart>): void;
  error: unknown;
}) {
  const { t } = useTranslation('ui');
  return (
    <>
      <div className="form-row">
        <SelectField
          label={t('markings.legalBasis')}
          error={fieldError(error, '/markings/legalBasis/kind')}
          name="legalBasis"
          value={value.legalBasis}
          options={legalBases}
          optionLabel={(basis) => t(`markings.legalBases.${basis}`)}
          onValueChange={(legalBasis) => onChange({ legalBasis })}
        />
        <TextField
          label={t('markings.legalReference')}
          hint={t('markings.legalReferenceHint')}
          error={fieldError(error, '/markings/legalBasis/reference')}
          name="legalReference"
          value={value.legalReference}
          maxLength={120}
          onValueChange={(legalReference) => onChange({ legalReference })}
        />
      </div>
      <PurposeField
        value={value.purpose}
        error={fieldError(error, '/markings/purpose')}
        onValueChange={(purpose) => onChange({ purpose })}
      />
      <div className="form-row">
        <SelectField
          label={t('markings.sourceReliability')}
          error={fieldError(error, '/markings/sourceReliability')}
          name="sourceReliability"
          value={value.sourceReliability}
          options={SourceReliability.options}
          optionLabel={(r) => t(`markings.reliability.${r}`)}
          onValueChange={(sourceReliability) => onChange({ sourceReliability })}
        />
        <SelectField
          label={t('markings.informationAccuracy')}
          error={fieldError(error, '/markings/informationAccuracy')}
          name="informationAccuracy"
          value={value.informationAccuracy}
          options={InformationAccuracy.options}
          optionLabel={(a) => t(`markings.accuracy.${a}`)}
          onValueChange={(informationAccuracy) => onChange({ informationAccuracy })}
        />
        <TextField
          label={t('markings.retainUntil')}
          error={fieldError(error, '/markings/retainUntil')}
          type="date"
          name="retainUntil"
          value={value.retainUntil}
          onValueChange={(retainUntil) => onChange({ retainUntil })}
        />
      </div>
    </>
  );
}
