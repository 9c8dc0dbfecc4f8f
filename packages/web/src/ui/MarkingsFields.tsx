import { HandlingCode, InformationAccuracy, legalBases, SourceReliability, tlpLevels } from '@liaison/core';
import type { CaseMarkings } from '@liaison/core/cases/index';
import type { ExchangeItemInput } from '@liaison/core/exchange/schemas';
import { useTranslation } from 'react-i18next';
import { fieldError, SelectField, TextField } from './fields.tsx';

/**
 * A message's markings as its form holds them: each field of core's ItemMarkings as text, the legal basis
 * as its kind plus `legalReference`, the named recipients as one comma-separated line.
 */
export type MarkingsDraft = Record<keyof ExchangeItemInput['markings'] | 'legalReference', string>;
/** A case's own markings as its form holds them (core's CaseMarkings, as text). */
export type CaseMarkingsDraft = Record<keyof CaseMarkings, string>;

type MarkingsFieldsProps =
  | {
      /** A case's own markings: handling code, TLP and, for H3, the restriction in words. */
      scope: 'case';
      value: CaseMarkingsDraft;
      onChange(patch: Partial<CaseMarkingsDraft>): void;
      error: unknown;
    }
  | {
      /** A message's markings: also the legal basis, purpose, 4x4 evaluation, retention and recipients. */
      scope: 'message';
      value: MarkingsDraft;
      onChange(patch: Partial<MarkingsDraft>): void;
      error: unknown;
    };

/** Handling code, TLP and (for messages) legal basis and purpose: what the receiving side may do with it. */
export function MarkingsFields(props: MarkingsFieldsProps) {
  const { t } = useTranslation('ui');
  const { value, error } = props;
  const set = props.onChange as (patch: Partial<MarkingsDraft>) => void;
  const message = props.scope === 'message' ? props.value : null;
  return (
    <fieldset className="field" data-testid="markings-fields">
      <legend>{t('markings.legend')}</legend>
      <div className="form-row">
        <SelectField
          label={t('markings.handlingCode')}
          hint={t(`markings.handlingHelp.${value.handlingCode}`)}
          error={fieldError(error, '/markings/handlingCode')}
          name="handlingCode"
          value={value.handlingCode}
          options={HandlingCode.options}
          optionLabel={(code) => t('markings.handling', { code })}
          onValueChange={(handlingCode) => set({ handlingCode })}
        />
        <SelectField
          label={t('markings.tlp')}
          error={fieldError(error, '/markings/tlp')}
          name="tlp"
          value={value.tlp}
          options={tlpLevels}
          optionLabel={(level) => `TLP:${level}`}
          onValueChange={(tlp) => set({ tlp })}
        />
        {message && <LegalBasisFields value={message} set={set} error={error} />}
      </div>
      {message ? (
        <MessageMarkingsFields value={message} set={set} error={error} />
      ) : (
        value.handlingCode === 'H3' && (
          <TextField
            label={t('markings.restriction')}
            required
            error={fieldError(error, '/markings/handlingNote')}
            name="handlingNote"
            value={value.handlingNote}
            onValueChange={(handlingNote) => set({ handlingNote })}
          />
        )
      )}
    </fieldset>
  );
}

type LegalBasisDraft = Pick<MarkingsDraft, 'legalBasis' | 'legalReference'>;
type EvaluationDraft = Pick<MarkingsDraft, 'sourceReliability' | 'informationAccuracy' | 'retainUntil'>;

interface PartProps<Draft> {
  value: Draft;
  set(patch: Partial<Draft>): void;
  error: unknown;
}

/**
 * The legal basis and its reference (a treaty request number, an Interpol notice…). `paths` say where the
 * API reports their errors: a message's legal basis as a whole, a case share's per field.
 */
export function LegalBasisFields({
  value,
  set,
  error,
  paths = { basis: '/markings/legalBasis', reference: '/markings/legalBasis' },
}: PartProps<LegalBasisDraft> & { paths?: { basis: string; reference: string } }) {
  const { t } = useTranslation('ui');
  return (
    <>
      <SelectField
        label={t('markings.legalBasis')}
        error={fieldError(error, paths.basis)}
        name="legalBasis"
        value={value.legalBasis}
        options={legalBases}
        optionLabel={(basis) => t(`markings.legalBases.${basis}`)}
        onValueChange={(legalBasis) => set({ legalBasis })}
      />
      <TextField
        label={t('markings.legalReference')}
        hint={t('markings.legalReferenceHint')}
        error={fieldError(error, paths.reference)}
        name="legalReference"
        value={value.legalReference}
        maxLength={120}
        onValueChange={(legalReference) => set({ legalReference })}
      />
    </>
  );
}

/** The 4x4 evaluation of the source and the information, and how long the receiver may keep it. */
export function EvaluationFields({ value, set, error }: PartProps<EvaluationDraft>) {
  const { t } = useTranslation('ui');
  return (
    <>
      <SelectField
        label={t('markings.sourceReliability')}
        error={fieldError(error, '/markings/sourceReliability')}
        name="sourceReliability"
        value={value.sourceReliability}
        options={SourceReliability.options}
        optionLabel={(r) => t(`markings.reliability.${r}`)}
        onValueChange={(sourceReliability) => set({ sourceReliability })}
      />
      <SelectField
        label={t('markings.informationAccuracy')}
        error={fieldError(error, '/markings/informationAccuracy')}
        name="informationAccuracy"
        value={value.informationAccuracy}
        options={InformationAccuracy.options}
        optionLabel={(a) => t(`markings.accuracy.${a}`)}
        onValueChange={(informationAccuracy) => set({ informationAccuracy })}
      />
      <TextField
        label={t('markings.retainUntil')}
        error={fieldError(error, '/markings/retainUntil')}
        type="date"
        name="retainUntil"
        value={value.retainUntil}
        onValueChange={(retainUntil) => set({ retainUntil })}
      />
    </>
  );
}

function MessageMarkingsFields({ value, set, error }: PartProps<MarkingsDraft>) {
  const { t } = useTranslation('ui');
  return (
    <>
      <PurposeField
        value={value.purpose}
        error={fieldError(error, '/markings/purpose')}
        onValueChange={(purpose) => set({ purpose })}
      />
      <div className="form-row">
        <EvaluationFields value={value} set={set} error={error} />
        <TextField
          label={t('markings.handlingNote')}
          error={fieldError(error, '/markings/handlingNote')}
          name="handlingNote"
          value={value.handlingNote}
          maxLength={500}
          onValueChange={(handlingNote) => set({ handlingNote })}
        />
      </div>
      {value.tlp === 'RED' && (
        <TextField
          label={t('markings.namedRecipients')}
          hint={t('markings.namedRecipientsHint')}
          error={fieldError(error, '/markings/namedRecipients')}
          name="namedRecipients"
          value={value.namedRecipients}
          onValueChange={(namedRecipients) => set({ namedRecipients })}
        />
      )}
    </>
  );
}

/** Why the information is wanted: required wherever it is asked, seen by the partner and the audit log. */
export function PurposeField({
  value,
  onValueChange,
  error,
  hint,
}: {
  value: string;
  onValueChange(purpose: string): void;
  error: string | undefined;
  /** Replaces the general hint where the purpose has a narrower use (a hit query). */
  hint?: string;
}) {
  const { t } = useTranslation('ui');
  return (
    <TextField
      label={t('markings.purpose')}
      required
      hint={hint ?? t('markings.purposeHint')}
      error={error}
      name="purpose"
      value={value}
      maxLength={500}
      onValueChange={onValueChange}
    />
  );
}
