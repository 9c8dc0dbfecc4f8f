import type { ExtractedProposal } from '@liaison/core/graph/index';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge.tsx';
import { Field } from '../../ui/Field.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { graphApi } from './graph-api.ts';
import { IdentifierNotes } from './IdentifierNotes.tsx';
import { entityTypeLabel } from './labels.ts';

/** Paste text → find identifiers → add the chosen ones to the case in one call (one transaction). */
export function ExtractForm({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const { t, i18n } = useTranslation('graph');
  const [text, setText] = useState('');
  const [found, setFound] = useState<ExtractedProposal[] | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const extract = async () => {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const result = await graphApi.extract(text);
      setFound(result);
      // Valid identifiers with a proposal are chosen by default; invalid ones must be chosen on purpose.
      setChosen(new Set(result.flatMap((r, i) => (r.proposal && r.identifier.valid ? [i] : []))));
      setStatus(result.length ? t('panel.found', { count: result.length }) : t('panel.noneFound'));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const addChosen = async () => {
    if (!found) return;
    setBusy(true);
    setError(null);
    try {
      const entities = [...chosen].flatMap((i) => (found[i]?.proposal ? [found[i].proposal] : []));
      const created = await graphApi.addBulk(caseId, entities);
      const hits = created.reduce((sum, c) => sum + c.hits.length, 0);
      setStatus(
        [
          t('panel.bulkAdded', { count: created.length }),
          hits ? t('panel.hitsRaised', { count: hits }) : '',
        ].join(' '),
      );
      setFound(null);
      setText('');
      onAdded();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="form" data-testid="extract-form">
      <Field label={t('panel.paste')} hint={t('panel.pasteHint')}>
        {(control) => (
          <textarea
            {...control}
            name="text"
            rows={4}
            value={text}
            maxLength={100_000}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={busy || !text.trim()}
          onClick={() => void extract()}
        >
          {t('panel.extract')}
        </button>
        <span role="status" className="muted" data-testid="extract-status">
          {status}
        </span>
      </div>
      {found && found.length > 0 && (
        <>
          <ul className="extract-list" data-testid="extract-results">
            {found.map((item, i) => (
              <li key={`${item.start}:${item.end}`}>
                <label>
                  <input
                    type="checkbox"
                    name="extracted"
                    value={i}
                    disabled={!item.proposal}
                    checked={chosen.has(i)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(i);
                      else next.delete(i);
                      setChosen(next);
                    }}
                  />
                  <span className="mono">{item.identifier.display}</span>
                  <Badge>
                    {item.proposal
                      ? entityTypeLabel(String(item.proposal.type), i18n.language)
                      : item.identifier.kind}
                  </Badge>
                  {!item.identifier.valid && (
                    <Badge tone="warn">
                      {t('panel.invalidNote', { problem: item.identifier.problem ?? '' })}
                    </Badge>
                  )}
                  <IdentifierNotes identifier={item.identifier} />
                </label>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || chosen.size === 0}
            onClick={() => void addChosen()}
            data-testid="extract-add"
          >
            {t('panel.addSelected', { count: chosen.size })}
          </button>
        </>
      )}
      <ProblemNotice error={error} />
    </div>
  );
}
