import { fieldError } from '../../ui/fields.tsx';
import { EvaluationFields, LegalBasisFields, PurposeField } from '../../ui/MarkingsFields.tsx';
import type { ShareDraft } from './share-draft.ts';

type MarkingsPart = Pick<
  ShareDraft,
  'legalBasis' | 'legalReference' | 'purpose' | 'retainUntil' | 'sourceReliability' | 'informationAccuracy'
>;

/**
 * What a share adds to the case's own markings: legal basis, purpose, retention and the 4x4 evaluation.
 * The handling code and TLP are the case's (the whole `MarkingsFields` would offer them as choices).
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
  return (
    <>
      <div className="form-row">
        <LegalBasisFields
          value={value}
          set={onChange}
          error={error}
          paths={{ basis: '/markings/legalBasis/kind', reference: '/markings/legalBasis/reference' }}
        />
      </div>
      <PurposeField
        value={value.purpose}
        error={fieldError(error, '/markings/purpose')}
        onValueChange={(purpose) => onChange({ purpose })}
      />
      <div className="form-row">
        <EvaluationFields value={value} set={onChange} error={error} />
      </div>
    </>
  );
}
