import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDraft } from '../../app/draft.ts';
import { Badge } from '../../ui/Badge.tsx';
import { fieldError, TextField } from '../../ui/fields.tsx';
import { PurposeField } from '../../ui/MarkingsFields.tsx';
import { PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { exchangeApi, type HitAnswer } from './exchange-api.ts';
import { IdentifierKindField } from './IdentifierFields.tsx';
import { PeerField } from './PeerField.tsx';
import { usePeers } from './use-peers.ts';

interface HitDraft {
  peer: string;
  kind: string;
  value: string;
  birthDate: string;
  purpose: string;
}
type Answered = HitAnswer & { kind: string; value: string; purpose: string };

/**
 * "Do you hold anything on this identifier?" The partner answers hit or no hit and a reference, never the
 * record itself; a follow-up request cites that reference.
 */
export function HitQueryPage() {
  const { t } = useTranslation('exchange');
  const peers = usePeers();
  const [draft, update] = useDraft<HitDraft>('exchange.hit', {
    peer: '',
    kind: 'phone',
    value: '',
    birthDate: '',
    purpose: '',
  });
  const [answers, setAnswers] = useState<Answered[]>([]);
  const { error, busy, submit } = useSubmission();

  useEffect(() => {
    const only = peers.data?.filter((p) => p.status === 'active');
    if (!draft.peer && only?.length === 1) update({ peer: only[0]!.node });
  }, [peers.data, draft.peer, update]);

  function ask(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      const answer = await exchangeApi.askHit({
        peer: draft.peer,
        kind: draft.kind,
        value: draft.value,
        purpose: draft.purpose,
        ...(draft.kind === 'name_birth_date' && draft.birthDate && { birthDate: draft.birthDate }),
      });
      setAnswers((previous) => [
        { ...answer, kind: draft.kind, value: draft.value, purpose: draft.purpose },
        ...previous,
      ]);
    });
  }

  return (
    <div className="page page-narrow">
      <PageHeader title={t('hit.title')}>
        <Link className="button button-quiet" to="/exchange">
          {t('thread.back')}
        </Link>
      </PageHeader>
      <Panel title={t('hit.title')}>
        <p className="muted">{t('hit.explain')}</p>
        <form className="form" onSubmit={ask} data-testid="hit-form" noValidate>
          <div className="form-row">
            <PeerField
              peers={peers.data}
              value={draft.peer}
              onValueChange={(peer) => update({ peer })}
              error={fieldError(error, '/peer')}
            />
            <IdentifierKindField
              name="kind"
              value={draft.kind}
              onValueChange={(kind) => update({ kind })}
              error={fieldError(error, '/kind')}
            />
            <TextField
              label={t('form.identifierValue')}
              required
              error={fieldError(error, '/value')}
              name="value"
              value={draft.value}
              onValueChange={(value) => update({ value })}
            />
            {draft.kind === 'name_birth_date' && (
              <TextField
                label={t('hit.birthDate')}
                required
                error={fieldError(error, '/birthDate')}
                type="date"
                name="birthDate"
                value={draft.birthDate}
                onValueChange={(birthDate) => update({ birthDate })}
              />
            )}
          </div>
          <PurposeField
            hint={t('hit.purposeHint')}
            error={fieldError(error, '/purpose')}
            value={draft.purpose}
            onValueChange={(purpose) => update({ purpose })}
          />
          <ProblemNotice error={error} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('hit.asking') : t('hit.ask')}
            </button>
          </div>
        </form>
      </Panel>
      <Panel title={t('hit.answers')}>
        <ul className="plain-list" data-testid="hit-answers" aria-live="polite">
          {answers.map((a) => (
            <li key={a.reference} className="badge-row">
              <Badge tone={a.hit ? 'warn' : 'neutral'}>{a.hit ? t('hit.hit') : t('hit.noHit')}</Badge>
              <span>
                {t(`identifierKind.${a.kind}`)} {a.value} · {a.peer}
              </span>
              <span className="muted">{t('hit.reference', { reference: a.reference })}</span>
              {a.hit && (
                <Link
                  to={`/exchange/new?${new URLSearchParams({
                    peer: a.peer,
                    hitReference: a.reference,
                    identifierKind: a.kind,
                    identifierValue: a.value,
                    purpose: a.purpose,
                  })}`}
                  data-testid="hit-follow-up"
                >
                  {t('hit.followUp')}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
