import type { Note, NoteRevision } from '@liaison/core/cases/index';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { useDraft } from '../../app/draft.ts';
import { useCan, useMe } from '../../app/session.tsx';
import { Field } from '../../ui/Field.tsx';
import { fieldError, LanguageField, TextAreaField } from '../../ui/fields.tsx';
import { EmptyState, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { casesApi } from './cases-api.ts';

/**
 * A note's text. Markdown is shown as written and HTML (sanitised by the server) as its text only: React
 * escapes both, so no stored markup ever runs in the page.
 */
function NoteBody({ note }: { note: Pick<Note, 'body' | 'format' | 'language'> }) {
  const text =
    note.format === 'html'
      ? (new DOMParser().parseFromString(note.body, 'text/html').body.textContent ?? '')
      : note.body;
  return (
    <div className="note-body" lang={note.language} style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </div>
  );
}

export function CaseNotes({
  caseId,
  notes,
  onChanged,
}: {
  caseId: string;
  notes: Note[];
  onChanged: () => void;
}) {
  const { t } = useTranslation('cases');
  const can = useCan();
  return (
    <Panel title={t('tabs.notes')}>
      {notes.length === 0 && <EmptyState />}
      <ul className="plain-list" data-testid="case-notes">
        {notes.map((note) => (
          <li key={note.id}>
            <NoteItem caseId={caseId} note={note} onChanged={onChanged} />
          </li>
        ))}
      </ul>
      {can('cases.write') && <NewNoteForm caseId={caseId} onAdded={onChanged} />}
    </Panel>
  );
}

function NoteItem({ caseId, note, onChanged }: { caseId: string; note: Note; onChanged: () => void }) {
  const { t } = useTranslation('cases');
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(note.body);
  const [error, setError] = useState<unknown>(null);
  const [revisions, setRevisions] = useState<NoteRevision[] | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await casesApi.editNote(caseId, note.id, { body, baseVersion: note.version });
      setEditing(false);
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  }
  async function toggleRevisions() {
    if (revisions) return setRevisions(null);
    try {
      setRevisions(await casesApi.revisions(caseId, note.id));
    } catch (failure) {
      setError(failure);
    }
  }
  const conflict = error instanceof ApiError && error.code === 'conflict';
  return (
    <article className="note">
      <header className="muted">
        <Time value={note.updatedAt} /> · {t('notes.version', { version: note.version })}
      </header>
      {editing ? (
        <form className="form" onSubmit={save}>
          {conflict && <p className="notice notice-warn">{t('notes.conflict')}</p>}
          {!conflict && <ProblemNotice error={error} />}
          <Field label={t('notes.body')}>
            {(control) => (
              <textarea
                {...control}
                rows={6}
                value={body}
                lang={note.language}
                onChange={(e) => setBody(e.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('notes.save')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setEditing(false)}>
              {t('notes.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <NoteBody note={note} />
      )}
      <div className="form-actions">
        {can('cases.write') && !editing && (
          <button type="button" className="button button-quiet" onClick={() => setEditing(true)}>
            {t('notes.edit')}
          </button>
        )}
        {note.version > 1 && (
          <button
            type="button"
            className="link-button"
            aria-expanded={revisions !== null}
            onClick={() => void toggleRevisions()}
          >
            {revisions ? t('notes.hideRevisions') : t('notes.revisions')}
          </button>
        )}
      </div>
      {revisions && (
        <ol className="plain-list">
          {revisions.map((r) => (
            <li key={r.version}>
              <span className="muted">
                {t('notes.version', { version: r.version })} · <Time value={r.editedAt} />
              </span>
              <NoteBody note={r} />
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}

function NewNoteForm({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const { t } = useTranslation('cases');
  const me = useMe();
  const [draft, update, clear] = useDraft(`cases.${caseId}.note`, {
    body: '',
    language: me.language,
  });
  const [error, setError] = useState<unknown>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await casesApi.addNote(caseId, { body: draft.body, language: draft.language, format: 'markdown' });
      clear();
      onAdded();
    } catch (failure) {
      setError(failure);
    }
  }
  return (
    <form className="form" onSubmit={submit} aria-label={t('notes.add')} data-testid="note-form">
      <ProblemNotice error={error} />
      <TextAreaField
        label={t('notes.body')}
        hint={t('notes.bodyHint')}
        error={fieldError(error, '/body')}
        required
        name="body"
        rows={5}
        lang={draft.language}
        value={draft.body}
        onValueChange={(body) => update({ body })}
      />
      <LanguageField
        label={t('notes.language')}
        value={draft.language}
        onValueChange={(language) => update({ language })}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('notes.add')}
        </button>
      </div>
    </form>
  );
}
