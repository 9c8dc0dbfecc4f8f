import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/problem.ts';
import { Field } from '../../../ui/Field.tsx';
import { Panel } from '../../../ui/Panel.tsx';
import { Time } from '../../../ui/Time.tsx';
import { uploadCaseFile } from '../rescue-api.ts';
import { type FormProps, TeamOnly } from './shared.tsx';

const fileKinds = ['person_photo', 'building_photo', 'photo', 'video'] as const;

interface Upload {
  key: string;
  file: File;
  kind: string;
  percent: number;
  status: 'uploading' | 'failed' | 'done';
  error?: string;
}

const imageLimit = 8 * 1024 * 1024;
const videoLimit = 40 * 1024 * 1024;

/** The case's files, and staff uploads with progress and a retry for each failed one. */
export function FilesPanel({ c, onTeam, reload }: FormProps) {
  const { t } = useTranslation('rescue');
  const [kind, setKind] = useState<string>('photo');
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  const patch = (key: string, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  async function run(upload: Upload) {
    patch(upload.key, { status: 'uploading', percent: 0, error: undefined });
    try {
      await uploadCaseFile(c.id, upload.kind, upload.file, (percent) => patch(upload.key, { percent }));
      patch(upload.key, { status: 'done', percent: 100 });
      reload();
    } catch (failure) {
      patch(upload.key, {
        status: 'failed',
        error: failure instanceof ApiError ? (failure.detail ?? failure.title) : String(failure),
      });
    }
  }

  function choose(files: FileList | null) {
    setProblem(undefined);
    for (const file of Array.from(files ?? [])) {
      const isVideo = file.type === 'video/mp4';
      if (
        !['image/jpeg', 'image/png', 'image/webp', 'video/mp4'].includes(file.type) ||
        isVideo !== (kind === 'video')
      ) {
        setProblem(t('forms.files.wrongType'));
        continue;
      }
      const limit = isVideo ? videoLimit : imageLimit;
      if (file.size > limit) {
        setProblem(t('forms.files.tooBig', { mb: limit / 1024 / 1024 }));
        continue;
      }
      const upload: Upload = {
        key: `${file.name}-${Date.now()}-${Math.random()}`,
        file,
        kind,
        percent: 0,
        status: 'uploading',
      };
      setUploads((list) => [...list, upload]);
      void run(upload);
    }
  }

  return (
    <Panel title={t('forms.files.title')}>
      {c.files.length === 0 ? (
        <p>{t('forms.files.none')}</p>
      ) : (
        <ul className="plain-list" data-testid="case-files">
          {c.files.map((f) => (
            <li key={f.id}>
              <a href={`/api/v1/rescue/cases/${c.id}/files/${f.id}`} target="_blank" rel="noreferrer">
                {t(`forms.files.kinds.${f.kind}`, { defaultValue: f.kind })}
              </a>{' '}
              · {f.mime} · {Math.ceil(f.size / 1024)} KB · <Time value={f.uploadedAt} />
            </li>
          ))}
        </ul>
      )}
      <TeamOnly onTeam={onTeam}>
        <Field label={t('forms.files.kind')}>
          {(control) => (
            <select {...control} name="file-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {fileKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`forms.files.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('forms.files.choose')} error={problem}>
          {(control) => (
            <input
              {...control}
              type="file"
              name="case-file"
              multiple
              accept={kind === 'video' ? 'video/mp4' : 'image/jpeg,image/png,image/webp'}
              onChange={(e) => {
                choose(e.target.files);
                e.target.value = '';
              }}
            />
          )}
        </Field>
        <ul className="plain-list" data-testid="uploads">
          {uploads.map((u) => (
            <li key={u.key} data-status={u.status}>
              {u.file.name} ·{' '}
              {u.status === 'uploading' && (
                <>
                  <progress max={100} value={u.percent} />{' '}
                  {t('forms.files.uploading', { percent: u.percent })}
                </>
              )}
              {u.status === 'done' && t('forms.files.done')}
              {u.status === 'failed' && (
                <>
                  <span className="field-error">{t('forms.files.failed', { reason: u.error ?? '' })}</span>{' '}
                  <button
                    type="button"
                    className="button"
                    onClick={() => void run(u)}
                    data-testid="upload-retry"
                  >
                    {t('forms.files.retry')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      </TeamOnly>
    </Panel>
  );
}
