import type { ChartEdge } from '@liaison/core/graph/index';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session.tsx';
import { ProblemNotice } from '../../../ui/ProblemNotice.tsx';
import { graphApi } from '../graph-api.ts';
import { linkTypeLabel } from '../labels.ts';
import type { ChartModel } from './chart-model.ts';

/** The link selected on the chart: what it joins, and deleting it after a confirm step. */
export function SelectedLink({
  model,
  edge,
  onDeleted,
}: {
  model: ChartModel;
  edge: ChartEdge;
  onDeleted(): void;
}) {
  const { t, i18n } = useTranslation('graph');
  const can = useCan();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const caption = (id: string) => model.nodes.get(id)?.caption ?? id;
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await graphApi.deleteLink(edge.id);
      onDeleted();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <section className="panel chart-selected-link" data-testid="chart-selected-link" aria-live="polite">
      <p>
        <strong>{t('link.selected')}</strong> {caption(edge.sourceId)} —{' '}
        {linkTypeLabel(edge.type, i18n.language)} → {caption(edge.targetId)}
      </p>
      {can('entities.write') &&
        (confirming ? (
          <div className="confirm-box" role="alertdialog" aria-label={t('link.delete')}>
            <p>{t('link.confirm')}</p>
            <div className="form-actions">
              <button
                type="button"
                className="button button-danger"
                data-testid="chart-link-delete-confirm"
                disabled={busy}
                onClick={() => void remove()}
              >
                {t('link.deleteButton')}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
                {t('edit.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="button button-danger"
            data-testid="chart-link-delete"
            onClick={() => setConfirming(true)}
          >
            {t('link.delete')}
          </button>
        ))}
      <ProblemNotice error={error} />
    </section>
  );
}
