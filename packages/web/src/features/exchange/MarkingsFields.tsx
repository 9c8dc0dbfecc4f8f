import { HandlingCode, legalBases, tlpLevels } from '@liaison/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import type { MessageDraft } from './message-draft.ts';

/** The server's message for one field of the markings (`/markings/purpose`, `/markings/legalBasis/…`). */
export function fieldError(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((f) => f.path === path || f.path.startsWith(`${path}/`))?.message;
}

interface Props {
  draft: MessageDraft;
  update: (patch: Partial<MessageDraft>) => void;
  error: unknown;
}

/** Handling code, TLP, legal basis and purpose: what the receiving side may do with the message. */
export function MarkingsFields({ draft, update, error }: Props) {
  const { t } = useTranslation('exchange');
  const select = (
    name: keyof MessageDraft,
    label: string,
    options: readonly string[],
    text: (o: string) => string,
    hint?: string,
  ) => (
    <Field label={label} hint={hint} error={fieldError(error, `/markings/${name}`)}>
      {(control) => (
        <select
          {...control}
          name={name}
          value={String(draft[name])}
          onChange={(e) => update({ [name]: e.target.value })}
        >
          {options.map((o) => (
            <option key={o} value={o}>
              {text(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <fieldset className="field" data-testid="markings-fields">
      <legend>{t('form.markings')}</legend>
      <div className="form-row">
        {select(
          'handlingCode',
          t('form.handlingCode'),
          HandlingCode.options,
          (c) => t('markings.handling', { code: c }),
          t(`markings.handlingHelp.${draft.handlingCode}`),
        )}
        {select('tlp', t('form.tlp'), tlpLevels, (l) => `TLP:${l}`)}
        {select('legalBasis', t('form.legalBasis'), legalBases, (b) => t(`legalBasis.${b}`))}
        <Field
          label={t('form.legalReference')}
          hint={t('form.legalReferenceHint')}
          error={fieldError(error, '/markings/legalBasis')}
        >
          {(control) => (
            <input
              {...control}
              name="legalReference"
              value={draft.legalReference}
              maxLength={120}
              onChange={(e) => update({ legalReference: e.target.value })}
            />
          )}
        </Field>
      </div>
      <Field
        label={t('form.purpose')}
        required
        hint={t('form.purposeHint')}
        error={fieldError(error, '/markings/purpose')}
      >
        {(control) => (
          <input
            {...control}
            name="purpose"
            value={draft.purpose}
            maxLength={500}
            onChange={(e) => update({ purpose: e.target.value })}
          />
        )}
      </Field>
      <div className="form-row">
        {select('sourceReliability', t('form.sourceReliability'), ['A', 'B', 'C', 'X'], (r) =>
          t(`reliability.${r}`),
        )}
        {select('informationAccuracy', t('form.informationAccuracy'), ['1', '2', '3', '4'], (a) =>
          t(`accuracy.${a}`),
        )}
        <Field label={t('form.retainUntil')} error={fieldError(error, '/markings/retainUntil')}>
          {(control) => (
            <input
              {...control}
              type="date"
              name="retainUntil"
              value={draft.retainUntil}
              onChange={(e) => update({ retainUntil: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('form.handlingNote')} error={fieldError(error, '/markings/handlingNote')}>
          {(control) => (
            <input
              {...control}
              name="handlingNote"
              value={draft.handlingNote}
              maxLength={500}
              onChange={(e) => update({ handlingNote: e.target.value })}
            />
          )}
        </Field>
      </div>
      {draft.tlp === 'RED' && (
        <Field
          label={t('form.namedRecipients')}
          hint={t('form.namedRecipientsHint')}
          error={fieldError(error, '/markings/namedRecipients')}
        >
          {(control) => (
            <input
              {...control}
              name="namedRecipients"
              value={draft.namedRecipients}
              onChange={(e) => update({ namedRecipients: e.target.value })}
            />
          )}
        </Field>
      )}
    </fieldset>
  );
}
