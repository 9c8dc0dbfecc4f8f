import type { ExtractedProposal } from '@liaison/core/graph/index';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../ui/Badge.tsx';
import { Field } from '../../ui/Field.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { extractApi } from './extract-api.ts';
import { graphApi } from './graph-api.ts';
import { IdentifierNotes } from './IdentifierNotes.tsx';
import { entityTypeLabel } from './labels.ts';

/** The record already carrying a found identifier that is offered instead of a new one, if any. */
const carrierOf = (item: ExtractedProposal) => item.existing[0] ?? null;
/** Already in this case: nothing to add. */
const inThisCase = (item: ExtractedProposal) => item.existing.some((e) => e.inCase);

/**
 * Paste text → find identifiers → add the chosen ones to the case: new records in one call (one transaction);
 * an identifier a record already carries is never entered again — one already in the case is shown and left,
 * one elsewhere in the graph is placed in the case as it is.
 */
export function ExtractForm({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const { t, i18n } = useTranslation(['graph', 'hits']);
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
      const result = await extractApi.extract(text, caseId);
      setFound(result);
      // Valid identifiers with a proposal are chosen by default; invalid ones must be chosen on purpose; one
      // already in the case is not offered.
      setChosen(
        new Set(result.flatMap((r, i) => (r.proposal && r.identifier.valid && !inThisCase(r) ? [i] : []))),
      );
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
      const picked = [...chosen].flatMap((i) => (found[i] && !inThisCase(found[i]) ? [found[i]] : []));
      // The same record found twice in the text (two spellings) is placed once.
      const existing = [...new Set(picked.flatMap((item) => carrierOf(item)?.id ?? []))];
      const entities = picked.flatMap((item) => (!carrierOf(item) && item.proposal ? [item.proposal] : []));
      const created = entities.length ? await graphApi.addBulk(caseId, entities) : [];
      for (const entityId of existing) await extractApi.addExisting(caseId, entityId);
      const hits = created.reduce((sum, c) => sum + c.hits.length, 0);
      setStatus(
        [
          created.length ? t('panel.bulkAdded', { count: created.length }) : '',
          existing.length ? t('hits:existing.added', { count: existing.length }) : '',
          hits ? t('panel.hitsRaised', { count: hits }) : '',
        ]
          .filter(Boolean)
          .join(' '),
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
              <li key={`${item.start}:${item.end}`} data-testid="extract-item">
                <label>
                  <input
                    type="checkbox"
                    name="extracted"
                    value={i}
                    disabled={!item.proposal || inThisCase(item)}
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
                <ExistingNote item={item} />
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

/** Says which record already carries the identifier, with a link to it. */
function ExistingNote({ item }: { item: ExtractedProposal }) {
  const { t } = useTranslation('hits');
  const carrier = item.existing.find((e) => e.inCase) ?? carrierOf(item);
  if (!carrier) return null;
  const text = carrier.inCase
    ? t('existing.inCase', { caption: carrier.caption })
    : carrier.caseNumber
      ? t('existing.elsewhere', { caption: carrier.caption, case: carrier.caseNumber })
      : t('existing.elsewhereNoCase', { caption: carrier.caption });
  return (
    <div className="muted" data-testid="extract-existing" data-in-case={carrier.inCase}>
      {text} <Link to={`/graph/entities/${carrier.id}`}>{t('existing.open')}</Link>
    </div>
  );
}
