import type { EntityView } from '@liaison/core/graph/index';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDraft } from '../../app/draft.ts';
import { ApiError } from '../../app/problem.ts';
import { Field } from '../../ui/Field.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { editBody, formValues } from './entity-form.ts';
import { graphApi } from './graph-api.ts';
import { PropertyFields } from './PropertyFields.tsx';

interface EditDraft {
  version: number;
  values: Record<string, string>;
}

/**
 * Edits an entity's properties. The draft (with the version it started from) survives a reload or a failed
 * save; when someone else saved meanwhile the server answers 409 and the person may start again from theirs.
 */
export function EditEntityForm({
  entity,
  onSaved,
  onCancel,
}: {
  entity: EntityView;
  onSaved(message: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('graph');
  const fresh = (): EditDraft => ({
    version: entity.version,
    values: formValues(entity.type, entity.properties),
  });
  const [draft, update, clear] = useDraft<EditDraft>(`entity-edit.${entity.id}`, fresh());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldMessage(path) : undefined);
  const stale = draft.version !== entity.version || (error instanceof ApiError && error.status === 409);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const saved = await graphApi.updateEntity(
        entity.id,
        editBody(entity.type, entity.properties, draft.values, draft.version),
      );
      clear();
      onSaved(
        [
          t('edit.saved', { caption: saved.entity.caption }),
          saved.hits.length ? t('panel.hitsRaised', { count: saved.hits.length }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title={t('edit.title')}>
      <form
        className="form"
        data-testid="entity-edit-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <PropertyFields
          type={entity.type}
          values={draft.values}
          onChange={(values) => update({ values })}
          fieldError={fieldError}
        />
        {stale && (
          <p className="notice notice-warn" data-testid="entity-edit-stale">
            {t('edit.stale')}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setError(null);
                clear(fresh());
              }}
            >
              {t('edit.restart')}
            </button>
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('edit.save')}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              clear(fresh());
              onCancel();
            }}
          >
            {t('edit.cancel')}
          </button>
        </div>
        <ProblemNotice error={error} />
      </form>
    </Panel>
  );
}

/** Deletes an entity after a confirm step that says what deleting does; a reason is optional but audited. */
export function DeleteEntity({ entity }: { entity: EntityView }) {
  const { t } = useTranslation('graph');
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (!confirming)
    return (
      <button
        type="button"
        className="button button-danger"
        data-testid="entity-delete"
        onClick={() => setConfirming(true)}
      >
        {t('delete.button')}
      </button>
    );
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await graphApi.deleteEntity(entity.id, entity.version, reason.trim());
      navigate('/graph', { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <div className="confirm-box" role="alertdialog" aria-labelledby={`delete-${entity.id}`}>
      <p id={`delete-${entity.id}`}>
        <strong>{t('delete.confirmTitle', { caption: entity.caption })}</strong>
      </p>
      <p className="muted">{t('delete.explain')}</p>
      <Field label={t('delete.reason')} hint={t('delete.reasonHint')}>
        {(control) => (
          <input {...control} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button
          type="button"
          className="button button-danger"
          data-testid="entity-delete-confirm"
          disabled={busy}
          onClick={() => void remove()}
        >
          {t('delete.confirm')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
          {t('edit.cancel')}
        </button>
      </div>
      <ProblemNotice error={error} />
    </div>
  );
}
