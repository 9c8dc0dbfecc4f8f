import type { RescueCaseView } from '@liaison/core/rescue/index';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../../../app/draft.ts';
import { Field } from '../../../ui/Field.tsx';
import { ProblemNotice } from '../../../ui/ProblemNotice.tsx';
import { rescueApi } from '../rescue-api.ts';
import { Actions, useSubmit } from './shared.tsx';

/** Consent's draft and submission; held by the protection panel. */
export function useConsent(c: RescueCaseView, reload: () => void) {
  const [consent, updateConsent, clearConsent] = useDraft(`rescue.${c.id}.consent`, {
    given: c.consent.given,
    basis: c.consent.basis ?? '',
  });
  const consentSubmit = useSubmit(reload);
  return { c, consent, updateConsent, clearConsent, consentSubmit };
}

/** Consent to processing with its basis (the team). */
export function ConsentForm({ form }: { form: ReturnType<typeof useConsent> }) {
  const { t } = useTranslation('rescue');
  const { c, consent, updateConsent, clearConsent, consentSubmit } = form;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void consentSubmit.submit(
          { '/basis': consent.basis.trim().length < 3 && t('forms.protection.consentBasisMin') },
          () => rescueApi.consent(c.id, consent.given, consent.basis.trim()),
          () => clearConsent({ given: consent.given, basis: consent.basis.trim() }),
        );
      }}
    >
      <label className="choice">
        <input
          type="checkbox"
          name="consent"
          checked={consent.given}
          onChange={(e) => updateConsent({ given: e.target.checked })}
        />{' '}
        {t('forms.protection.consent')}
      </label>
      <Field label={t('forms.protection.consentBasis')} error={consentSubmit.fieldError('/basis')} required>
        {(control) => (
          <input
            {...control}
            name="consent-basis"
            value={consent.basis}
            onChange={(e) => updateConsent({ basis: e.target.value })}
          />
        )}
      </Field>
      <ProblemNotice error={consentSubmit.general} />
      <Actions
        busy={consentSubmit.busy}
        saved={consentSubmit.saved}
        label={t('forms.protection.consentSubmit')}
        testId="consent-submit"
      />
    </form>
  );
}
