import type { Attachment } from '@liaison/core/cases/index';
import { attachmentMediaTypes, maxAttachmentBytes } from '@liaison/core/cases/index';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../app/session.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { EmptyState, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice, useProblemText } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { casesApi, uploadAttachment } from './cases-api.ts';

interface Upload {
  key: string;
  file: File;
  progress: number;
  error: unknown;
}

const accept = Object.values(attachmentMediaTypes)
  .flat()
  .map((extension) => `.${extension}`)
  .join(',');

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Attachments with downloads; uploads show progress, and a failed one stays listed with its reason and a retry. */
export function CaseAttachments({
  caseId,
  attachments,
  onChanged,
}: {
  caseId: string;
  attachments: Attachment[];
  onChanged: () => void;
}) {
  const { t } = useTranslation('cases');
  const can = useCan();
  const me = useMe();
  const inputId = useId();
  const problemText = useProblemText();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const patch = (key: string, change: Partial<Upload>) =>
    setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));

  async function start(upload: Upload) {
    patch(upload.key, { progress: 0, error: null });
    try {
      await uploadAttachment(caseId, upload.file, me.csrfToken, (fraction) =>
        patch(upload.key, { progress: fraction }),
      );
      setUploads((all) => all.filter((u) => u.key !== upload.key));
      onChanged();
    } catch (failure) {
      patch(upload.key, { error: failure });
    }
  }

  function choose(files: FileList | null) {
    const chosen = [...(files ?? [])].map((file) => ({
      key: `${file.name}-${file.size}-${Math.random()}`,
      file,
      progress: 0,
      error: null,
    }));
    setUploads((all) => [...all, ...chosen]);
    for (const upload of chosen) void start(upload);
  }

  return (
    <Panel title={t('tabs.attachments')}>
      {attachments.length === 0 && uploads.length === 0 && <EmptyState />}
      {attachments.length > 0 && (
        <table className="table" data-testid="case-attachments">
          <tbody>
            {attachments.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.state === 'pending' ? (
                    // Mirrored from the partner's node: listed, but no download until the content is here.
                    <span data-testid="attachment-pending">
                      {a.filename}{' '}
                      <Badge tone="info" title={t('attachments.pendingHint')}>
                        {t('attachments.pending')}
                      </Badge>
                    </span>
                  ) : (
                    <a href={casesApi.downloadUrl(caseId, a.id)} download={a.filename}>
                      {a.filename}
                    </a>
                  )}
                </td>
                <td>{a.mediaType}</td>
                <td>{formatBytes(a.sizeBytes)}</td>
                <td>
                  <Time value={a.uploadedAt} />
                </td>
                <td>
                  <code title={`${t('attachments.sha')} ${a.sha256}`}>{a.sha256.slice(0, 12)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {uploads.map((u) => (
        <div key={u.key} className="upload" aria-live="polite">
          {u.error ? (
            <>
              <p className="notice notice-error" role="alert">
                {t('attachments.failed', { name: u.file.name })} {problemText(u.error)}
              </p>
              <ProblemNotice error={u.error} />
              <button type="button" className="button" onClick={() => void start(u)}>
                {t('attachments.retry')}
              </button>
            </>
          ) : (
            <>
              <label htmlFor={`${u.key}-progress`}>
                {t('attachments.uploading', { name: u.file.name, percent: Math.round(u.progress * 100) })}
              </label>
              <progress id={`${u.key}-progress`} max={1} value={u.progress} />
            </>
          )}
        </div>
      ))}
      {can('cases.write') && (
        <div className="field">
          <label htmlFor={inputId}>{t('attachments.upload')}</label>
          <input
            id={inputId}
            type="file"
            multiple
            accept={accept}
            aria-describedby={`${inputId}-hint`}
            onChange={(e) => {
              choose(e.target.files);
              e.target.value = '';
            }}
          />
          <p className="field-hint" id={`${inputId}-hint`}>
            {t('attachments.hint')} ({formatBytes(maxAttachmentBytes)})
          </p>
        </div>
      )}
    </Panel>
  );
}
