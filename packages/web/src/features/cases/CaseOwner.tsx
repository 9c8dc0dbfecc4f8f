import { useTranslation } from 'react-i18next';
import type { CaseOwnership } from './case-owner.ts';

/** "Owner: KNPA · shared with CNP" in the case summary (see `caseOwnership`). */
export function CaseOwner({ ownership }: { ownership: CaseOwnership }) {
  const { t } = useTranslation('cases');
  return (
    <span data-testid="case-owner" data-owner={ownership.owner}>
      {t('page.owner')}: {ownership.owner}
      {ownership.sharedWith && ` · ${t('page.sharedWith', { agency: ownership.sharedWith })}`}
      {ownership.lead && ` · ${t('page.lead', { agency: ownership.lead })}`}
    </span>
  );
}
