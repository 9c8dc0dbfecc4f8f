import type { RemovalView } from '@liaison/core/fugitives/removal-schemas';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localInputToIso } from '../../app/time.ts';
import { fieldError, TextField } from '../../ui/fields.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { Time, useViewerZone } from '../../ui/Time.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { Refusal } from './Refusal.tsx';
import type { PlanPart } from './RemovalPlanPage.tsx';
import { removalsApi } from './removals-api.ts';

/** Boarding with the warrant executed on board, suspect by suspect; then the hand-over to the receiving unit. */
export function ExecutionPanel({ view, onChange, editable }: PlanPart) {
  const { t } = useTranslation('removals');
  return (
    <>
      <Panel title={t('boarding.title')}>
        <ul className="plain-list">
          {view.suspects.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong>{' '}
              {s.boardedAt ? (
                <>
                  <Time value={s.boardedAt} dual /> ·{' '}
                  {s.warrantNumber &&
                    t('boarding.executed', { number: s.warrantNumber, by: s.warrantExecutedBy ?? '—' })}
                </>
              ) : (
                editable && <BoardingForm view={view} suspectId={s.id} onChange={onChange} />
              )}
            </li>
          ))}
        </ul>
      </Panel>
      <Panel title={t('handover.title')}>
        {view.status === 'handed_over' ? (
          <p className="notice notice-ok">
            {t('handover.done', { unit: view.receivingUnit.name, by: view.receivedBy ?? '—' })}{' '}
            {view.handedOverAt && <Time value={view.handedOverAt} dual />}
          </p>
        ) : (
          editable && view.status === 'in_transit' && <HandoverForm view={view} onChange={onChange} />
        )}
      </Panel>
    </>
  );
}

function BoardingForm({
  view,
  suspectId,
  onChange,
}: {
  view: RemovalView;
  suspectId: string;
  onChange(view: RemovalView): void;
}) {
  const { t } = useTranslation('removals');
  const zone = useViewerZone();
  const suspect = view.suspects.find((s) => s.id === suspectId)!;
  const [boardedAt, setBoardedAt] = useState('');
  const [by, setBy] = useState('');
  const [executedAt, setExecutedAt] = useState('');
  const [warrantNumber, setWarrantNumber] = useState('');
  const { error, busy, submit } = useSubmission();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(async () =>
      onChange(
        await removalsApi.board(view.id, suspectId, {
          boardedAt: localInputToIso(boardedAt, zone) ?? boardedAt,
          ...(by && { warrantExecutedBy: by }),
          ...(executedAt && { warrantExecutedAt: localInputToIso(executedAt, zone) }),
          ...(warrantNumber && { warrantNumber }),
        }),
      ),
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate data-testid="boarding-form">
      <div className="removal-inline-form">
        <TextField
          label={t('boarding.boardedAt')}
          name="boardedAt"
          type="datetime-local"
          value={boardedAt}
          onValueChange={setBoardedAt}
          error={fieldError(error, '/boardedAt')}
        />
        <TextField
          label={t('boarding.executedBy')}
          name="warrantExecutedBy"
          value={by}
          onValueChange={setBy}
          error={fieldError(error, '/warrantExecutedBy')}
        />
        <TextField
          label={t('boarding.executedAt')}
          name="warrantExecutedAt"
          type="datetime-local"
          value={executedAt}
          onValueChange={setExecutedAt}
          error={fieldError(error, '/warrantExecutedAt')}
        />
        {!suspect.warrantNumber && (
          <TextField
            label={t('boarding.warrantNumber')}
            name="warrantNumber"
            value={warrantNumber}
            onValueChange={setWarrantNumber}
            error={fieldError(error, '/warrantNumber')}
          />
        )}
        <button type="submit" className="button" disabled={busy}>
          {t('boarding.submit')}
        </button>
      </div>
      <Refusal error={error} />
    </form>
  );
}

function HandoverForm({ view, onChange }: { view: RemovalView; onChange(view: RemovalView): void }) {
  const { t } = useTranslation('removals');
  const zone = useViewerZone();
  const [at, setAt] = useState('');
  const [receivedBy, setReceivedBy] = useState('');
  const { error, busy, submit } = useSubmission();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(async () =>
      onChange(await removalsApi.handover(view.id, { at: localInputToIso(at, zone) ?? at, receivedBy })),
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate data-testid="handover-form">
      <div className="removal-inline-form">
        <TextField
          label={t('handover.at')}
          name="at"
          type="datetime-local"
          value={at}
          onValueChange={setAt}
          error={fieldError(error, '/at')}
        />
        <TextField
          label={t('handover.receivedBy')}
          name="receivedBy"
          value={receivedBy}
          onValueChange={setReceivedBy}
          error={fieldError(error, '/receivedBy')}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('handover.submit')}
        </button>
      </div>
      <Refusal error={error} />
    </form>
  );
}
