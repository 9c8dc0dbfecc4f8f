import type { FlightProposal } from '@liaison/core/fugitives/removal-schemas';
import { useTranslation } from 'react-i18next';
import { proposalText, ruleValues } from './rule-text.ts';

/** The escort rule and what the planner proposes for the group now, with why — shown as the plan changes. */
export function RuleNotice({ proposal }: { proposal: FlightProposal }) {
  const { t } = useTranslation('removals');
  return (
    <div
      className="notice removal-rule"
      data-kind={proposal.kind ?? 'none'}
      data-testid="removal-rule"
      aria-live="polite"
    >
      <p>
        <strong>{t('plan.rule')}: </strong>
        {t('plan.ruleText', ruleValues)}
      </p>
      <p data-testid="removal-proposal" data-reason={proposal.reason}>
        <strong>{t('proposal.title')}: </strong>
        {proposal.kind && <>{t(`flightKind.${proposal.kind}`)} — </>}
        {proposalText(t, proposal)}
      </p>
    </div>
  );
}
