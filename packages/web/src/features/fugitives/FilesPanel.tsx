import { type FugitiveFile, fileKinds } from '@liaison/core/fugitives/schemas';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../app/session.tsx';
import { Field } from '../../ui/Field.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { EmptyState, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { fugitivesApi, uploadFugitiveFile } from './fugitives-api.ts';

/** Photos (shown) and documents (linked) of a fugitive; each download is audited by the node. */
export function FilesPanel({
  fugitiveId,
  files,
  onUploaded,
}: {
  fugitiveId: string;
  files: FugitiveFile[];
  onUploaded(): void;
}) {
  const { t } = useTranslation('fugitives');
  const can = useCan();
  const me = useMe();
  const [kind, setKind] = useState<'photo' | 'document'>('photo');
  const [file, setFile] = useState<File | null>(null);
  const { error, busy, submit } = useSubmission();

  function upload(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    void submit(async () => {
      await uploadFugitiveFile(fugitiveId, kind, file, me.csrfToken);
      setFile(null);
      onUploaded();
    });
  }

  return (
    <Panel title={t('detail.files')}>
      {files.length === 0 && <EmptyState>{t('detail.noFiles')}</EmptyState>}
      <ul className="plain-list" data-testid="fugitive-files">
        {files.map((f) => (
          <li key={f.id}>
            {f.kind === 'photo' && (
              <img className="fugitive-photo" src={fugitivesApi.fileUrl(fugitiveId, f.id)} alt={f.filename} />
            )}{' '}
            <a href={fugitivesApi.fileUrl(fugitiveId, f.id)}>{f.filename}</a>{' '}
            <span className="muted">
              {t(`detail.${f.kind}`)} · <Time value={f.uploadedAt} />
            </span>
          </li>
        ))}
      </ul>
      {can('fugitives.write') && (
        <form className="form filter-grid" onSubmit={upload} aria-label={t('detail.upload')}>
          <ProblemNotice error={error} />
          <SelectField
            label={t('detail.uploadAs')}
            name="kind"
            value={kind}
            options={fileKinds}
            optionLabel={(k) => t(`detail.${k}`)}
            onValueChange={(k) => setKind(k)}
          />
          <Field label={t('detail.file')}>
            {(control) => (
              <input {...control} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy || !file}>
              {t('detail.upload')}
            </button>
          </div>
        </form>
      )}
    </Panel>
  );
}
