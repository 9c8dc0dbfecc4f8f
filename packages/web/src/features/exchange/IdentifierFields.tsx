import { useTranslation } from 'react-i18next';
import { fieldError, SelectField, TextField } from '../../ui/fields.tsx';
import { hitKinds } from './exchange-api.ts';
import type { MessageDraft } from './message-draft.ts';

/** The identifiers a message names (phone, account, wallet …), one row each, added and removed by hand. */
export function IdentifierFields({
  draft,
  update,
  error,
}: {
  draft: MessageDraft;
  update: (patch: Partial<MessageDraft>) => void;
  error: unknown;
}) {
  const { t } = useTranslation('exchange');
  const setIdentifier = (index: number, patch: Partial<{ kind: string; value: string }>) =>
    update({ identifiers: draft.identifiers.map((i, n) => (n === index ? { ...i, ...patch } : i)) });
  return (
    <fieldset className="field" data-testid="identifier-fields">
      <legend>{t('form.identifiers')}</legend>
      {draft.identifiers.map((identifier, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div key={index} className="form-inline">
          <IdentifierKindField
            name={`identifier-${index}-kind`}
            value={identifier.kind}
            onValueChange={(kind) => setIdentifier(index, { kind })}
          />
          <TextField
            label={t('form.identifierValue')}
            error={fieldError(error, `/identifiers/${index}`)}
            name={`identifier-${index}-value`}
            value={identifier.value}
            onValueChange={(value) => setIdentifier(index, { value })}
          />
          <div className="form-actions">
            <button
              type="button"
              className="button button-quiet"
              onClick={() => update({ identifiers: draft.identifiers.filter((_, n) => n !== index) })}
            >
              {t('form.removeIdentifier')}
            </button>
          </div>
        </div>
      ))}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => update({ identifiers: [...draft.identifiers, { kind: 'phone', value: '' }] })}
        >
          {t('form.addIdentifier')}
        </button>
      </div>
    </fieldset>
  );
}

/** The kind of an identifier (phone, bank account, wallet …), as a hit query or a message names it. */
export function IdentifierKindField({
  name,
  value,
  onValueChange,
  error,
}: {
  name: string;
  value: string;
  onValueChange(kind: string): void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('exchange');
  return (
    <SelectField
      label={t('form.identifierKind')}
      error={error}
      name={name}
      value={value}
      options={hitKinds}
      optionLabel={(k) => t(`identifierKind.${k}`)}
      onValueChange={onValueChange}
    />
  );
}
