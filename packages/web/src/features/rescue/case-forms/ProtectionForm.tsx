import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session.tsx';
import { Panel } from '../../../ui/Panel.tsx';
import { ConsentForm, useConsent } from './ConsentForm.tsx';
import { NonPunishmentForm, useNonPunishment } from './NonPunishmentForm.tsx';
import { type FormProps, TeamOnly } from './shared.tsx';

/** The non-punishment flag (triage officers) and consent to processing (the team), each with its basis. */
export function ProtectionForm({ c, onTeam, reload }: FormProps) {
  const { t } = useTranslation('rescue');
  const can = useCan();
  const np = useNonPunishment(c, reload);
  const consent = useConsent(c, reload);
  return (
    <Panel title={t('forms.protection.title')}>
      <p data-testid="non-punishment-state" data-flag={String(c.nonPunishment)}>
        {c.nonPunishment ? t('forms.protection.flagged') : t('forms.protection.notFlagged')}
      </p>
      <TeamOnly onTeam={onTeam}>
        {can('rescue.triage') && <NonPunishmentForm form={np} />}
        <ConsentForm form={consent} />
      </TeamOnly>
    </Panel>
  );
}
