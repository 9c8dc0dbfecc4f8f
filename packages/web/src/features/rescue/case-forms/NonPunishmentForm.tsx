import type { RescueCaseView } from '@liaison/core/rescue/index';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../../../app/draft.ts';
import { Field } from '../../../ui/Field.tsx';
import { ProblemNotice } from '../../../ui/ProblemNotice.tsx';
import { rescueApi } from '../rescue-api.ts';
import { Actions, reasonCheck, useSubmit } from './shared.tsx';

/** The non-punishment flag's draft and submission; held by the protection panel. */
export function useNonPunishment(c: RescueCaseView, reload: () => void) {
  const [np, updateNp, clearNp] = useDraft(`rescue.${c.id}.non-punishment`, {
    flag: c.nonPunishment,
    reason: '',
  });
  const npSubmit = useSubmit(reload);
  return { c, np, updateNp, clearNp, npSubmit };
}

/** The non-punishment flag with its reason (triage officers). */
export function NonPunishmentForm({ form }: { form: ReturnType<typeof useNonPunishment> }) {
  const { t } = useTranslation('rescue');
  const { c, np, updateNp, clearNp, npSubmit } = form;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void npSubmit.submit(
          { '/reason': reasonCheck(np.reason, t('forms.reasonMin')) },
          () => rescueApi.nonPunishment(c.id, np.flag, np.reason.trim()),
          () => clearNp({ flag: np.flag, reason: '' }),
        );
      }}
    >
      <label className="choice">
        <input
          type="checkbox"
          name="non-punishment"
          checked={np.flag}
          onChange={(e) => updateNp({ flag: e.target.checked })}
        />{' '}
        {t('forms.protection.nonPunishment')}
      </label>
      <Field
        label={t('forms.protection.nonPunishmentReason')}
        error={npSubmit.fieldError('/reason')}
        required
      >
        {(control) => (
          <input
            {...control}
            name="non-punishment-reason"
            value={np.reason}
            onChange={(e) => updateNp({ reason: e.target.value })}
          />
        )}
      </Field>
      <ProblemNotice error={npSubmit.general} />
      <Actions
        busy={npSubmit.busy}
        saved={npSubmit.saved}
        label={t('forms.protection.nonPunishmentSubmit')}
        testId="non-punishment-submit"
      />
    </form>
  );
}
