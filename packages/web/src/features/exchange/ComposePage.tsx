import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useDraft } from '../../app/draft.ts';
import { useMe } from '../../app/session.tsx';
import { PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { MessageForm } from './MessageForm.tsx';
import { emptyDraft, type MessageDraft } from './message-draft.ts';
import { usePeers } from './use-peers.ts';

/**
 * A new request for information (or spontaneous information, a notification). Opened from a hit answer,
 * it comes with the partner, the identifier and the hit reference filled in.
 */
export function ComposePage() {
  const { t } = useTranslation('exchange');
  const me = useMe();
  const navigate = useNavigate();
  const peers = usePeers();
  const [params] = useSearchParams();
  const [draft, update, clear] = useDraft<MessageDraft>('exchange.compose', emptyDraft(me.language));

  const fromHit = params.get('hitReference');
  // biome-ignore lint/correctness/useExhaustiveDependencies: applied once, when opened from a hit answer
  useEffect(() => {
    if (!fromHit) return;
    const kind = params.get('identifierKind');
    const value = params.get('identifierValue');
    update({
      kind: 'request',
      peer: params.get('peer') ?? draft.peer,
      hitReference: fromHit,
      purpose: params.get('purpose') ?? draft.purpose,
      ...(kind && value && { identifiers: [{ kind, value }] }),
    });
  }, [fromHit]);

  // With a single partner node, it is the recipient.
  useEffect(() => {
    const only = peers.data?.filter((p) => p.status === 'active');
    if (!draft.peer && only?.length === 1) update({ peer: only[0]!.node });
  }, [peers.data, draft.peer, update]);

  return (
    <div className="page page-narrow">
      <PageHeader title={t('form.title')} />
      <Panel title={t('form.title')}>
        <ProblemNotice error={peers.error} />
        <MessageForm
          draft={draft}
          update={update}
          peers={peers.data ?? []}
          testId="compose-form"
          onSent={(item) => {
            clear();
            navigate(`/exchange/${item.id}`);
          }}
        />
      </Panel>
    </div>
  );
}
