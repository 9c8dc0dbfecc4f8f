import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { useDraft } from '../../app/draft.ts';
import { Fieldset } from '../../ui/Field.tsx';
import { Checkbox, fieldError } from '../../ui/fields.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { SubmitActions } from '../../ui/SubmitActions.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import type { CaseView } from '../cases/cases-api.ts';
import { MarkingsBadges } from '../cases/MarkingsBadges.tsx';
import { dataCategories } from '../exchange/exchange-api.ts';
import { PeerField } from '../exchange/PeerField.tsx';
import { usePeers } from '../exchange/use-peers.ts';
import { ShareMarkingsFields } from './ShareMarkingsFields.tsx';
import { emptyShareDraft, shareInput, shareScopes, toggled } from './share-draft.ts';
import { sharingApi } from './sharing-api.ts';

/**
 * Shares the case with a partner node: the partner, the parts, the markings the share travels under and
 * what the parts contain. A refusal by the sending country's rules is shown as the rule explains it; the
 * draft stays until the share is accepted.
 */
export function ShareCaseForm({
  caseRecord,
  onShared,
  onCancel,
}: {
  caseRecord: CaseView;
  onShared(agency: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('sharing');
  const peers = usePeers();
  const [draft, update, clear] = useDraft(`case-share.${caseRecord.id}`, emptyShareDraft());
  const { error, busy, submit } = useSubmission();
  const blocked = error instanceof ApiError && error.code === 'policy-blocked' ? error : null;

  const share = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      await sharingApi.share(shareInput(caseRecord.id, draft));
      const agency = peers.data?.find((p) => p.node === draft.peer)?.agency ?? draft.peer;
      clear();
      onShared(agency);
    });
  };

  return (
    <form className="form sharing-form" data-testid="case-share-form" onSubmit={share} noValidate>
      <h3>{t('form.title')}</h3>
      <p className="muted">{t('form.intro')}</p>
      <PeerField
        peers={peers.data}
        value={draft.peer}
        onValueChange={(peer) => update({ peer })}
        error={fieldError(error, '/peer')}
      />
      <Fieldset legend={t('form.scope')} error={fieldError(error, '/scope')}>
        {shareScopes.map((scope) => (
          <label key={scope} className="choice">
            <input
              type="checkbox"
              name="scope"
              value={scope}
              checked={draft.scope.includes(scope)}
              onChange={(e) => update({ scope: toggled(draft.scope, scope, e.target.checked) })}
            />
            {t(`scope.${scope}`)}
          </label>
        ))}
      </Fieldset>
      <fieldset className="field" data-testid="share-markings">
        <legend>{t('ui:markings.legend')}</legend>
        <p className="badge-row">
          <span className="muted">{t('form.caseMarkings')}:</span>
          <MarkingsBadges markings={caseRecord.markings} />
        </p>
        <ShareMarkingsFields value={draft} onChange={update} error={error} />
      </fieldset>
      <Fieldset legend={t('form.categories')} error={fieldError(error, '/categories')}>
        {dataCategories.map((category) => (
          <Checkbox
            key={category}
            name={`category-${category}`}
            checked={draft.categories.includes(category)}
            onCheckedChange={(on) => update({ categories: toggled(draft.categories, category, on) })}
          >
            {t(`exchange:category.${category}`)}
          </Checkbox>
        ))}
      </Fieldset>
      <p className="field-hint">{t('form.categoriesHint')}</p>
      {blocked ? (
        <div className="notice notice-error" role="alert" data-testid="share-blocked">
          <strong>{t('form.blocked')}</strong>
          <span className="notice-detail">{blocked.detail ?? blocked.title}</span>
        </div>
      ) : (
        <ProblemNotice error={error ?? peers.error} />
      )}
      <SubmitActions busy={busy} label={t('form.submit')}>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('form.cancel')}
        </button>
      </SubmitActions>
    </form>
  );
}
