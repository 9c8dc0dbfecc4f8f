import {
  type RepatriationStep,
  type RescueCaseView,
  type RescueState,
  stepsMeantByState,
} from '@liaison/core/rescue/index';

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../app/session.tsx';
import { useEnumLabel } from '../../ui/enum-labels.ts';
import { Field } from '../../ui/Field.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { stateLabel } from './labels.ts';
import { rescueApi } from './rescue-api.ts';

/**
 * Moving the case along its path. A state whose meaning is not on record (repatriated with no handover) is not
 * sent blindly: the panel names the missing steps and asks for a reason before sending the confirmation.
 */
export function TransitionPanel({
  rescueCase: c,
  act,
}: {
  rescueCase: RescueCaseView;
  act(action: () => Promise<unknown>): Promise<void>;
}) {
  const { t, i18n } = useTranslation('rescue');
  const label = useEnumLabel();
  const me = useMe();
  const can = useCan();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState<{ to: RescueState; missing: RepatriationStep[] } | null>(null);
  const onTeam = c.team.some((m) => m.userId === me.id);
  const missingFor = (to: RescueState) =>
    (stepsMeantByState[to] ?? []).filter((step) => !c.repatriationProgress.done[step]);
  const move = (to: RescueState) => {
    const missing = missingFor(to);
    if (missing.length > 0) {
      setConfirming({ to, missing });
      return;
    }
    void act(() => rescueApi.transition(c.id, to, reason || undefined));
  };
  const confirm = (to: RescueState) =>
    act(async () => {
      await rescueApi.transition(c.id, to, reason, true);
      setConfirming(null);
    });
  return (
    <Panel
      title={t('triage.move.title')}
      actions={
        <a
          className="button button-quiet"
          href={`/api/v1/rescue/cases/${c.id}/request.pdf`}
          target="_blank"
          rel="noreferrer"
          data-testid="request-pdf"
        >
          {t('case.requestPdf')}
        </a>
      }
    >
      {!onTeam && (
        <div className="notice notice-warn">
          {can('rescue.triage') ? t('triage.move.joinHint') : t('triage.move.teamHint')}{' '}
          {can('rescue.triage') && (
            <button
              type="button"
              className="button button-primary"
              data-testid="join-team"
              onClick={() => act(() => rescueApi.join(c.id, me.id))}
            >
              {t('case.join')}
            </button>
          )}
        </div>
      )}
      {onTeam && c.nextStates.length > 0 && (
        <>
          <Field label={t('case.reason')} hint={t('triage.move.pathHint')}>
            {(control) => (
              <input
                {...control}
                name="transition-reason"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
          <div className="button-row">
            {c.nextStates.map((to) => (
              <button
                key={to}
                type="button"
                className="button"
                data-testid={`move-${to}`}
                onClick={() => move(to)}
              >
                {t('case.move')}: {stateLabel(to, i18n.language)}
              </button>
            ))}
          </div>
        </>
      )}
      {confirming && (
        <div className="notice notice-warn rescue-confirm" role="alert" data-testid="confirm-incomplete">
          <strong>
            {t('triage.move.confirmTitle', { state: stateLabel(confirming.to, i18n.language) })}
          </strong>
          <p>
            {t('triage.move.missing')}{' '}
            {confirming.missing.map((s) => label('repatriationStep', s)).join(', ')}
          </p>
          <p>{t('triage.move.confirmText')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-danger"
              data-testid="confirm-move"
              disabled={reason.trim().length < 5}
              onClick={() => confirm(confirming.to)}
            >
              {t('triage.move.confirm')}: {stateLabel(confirming.to, i18n.language)}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirming(null)}>
              {t('triage.move.cancel')}
            </button>
          </div>
        </div>
      )}
    </Panel>
  );
}
