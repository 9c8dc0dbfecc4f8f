import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../../app/draft.ts';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Field } from '../../ui/Field.tsx';
import { EmptyState, Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { type Peer, type PeerIdentity, parseIdentity, peersApi } from './peers-api.ts';
import './peers.css';

/** Federation administration: this node's identity and keys, its partner nodes and their status. */
export default function PeersPage() {
  const { t } = useTranslation('peers');
  const peers = useResource(() => peersApi.list(), []);
  return (
    <div className="page">
      <PageHeader title={t('title')} />
      <OwnIdentity />
      <Panel
        title={t('list.title')}
        actions={<span className="count">{t('list.count', { count: peers.data?.length ?? 0 })}</span>}
      >
        <ProblemNotice error={peers.error} />
        {peers.loading && !peers.data && <Loading />}
        {peers.data?.length === 0 && <EmptyState>{t('list.empty')}</EmptyState>}
        {peers.data && peers.data.length > 0 && (
          <div className="table-wrap">
            <table className="table" data-testid="peer-list">
              <thead>
                <tr>
                  <th scope="col">{t('list.status')}</th>
                  <th scope="col">{t('list.node')}</th>
                  <th scope="col">{t('list.fingerprint')}</th>
                  <th scope="col">{t('list.lastContact')}</th>
                  <th scope="col" className="num">
                    {t('list.queued')}
                  </th>
                  <th scope="col">{t('list.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {peers.data.map((peer) => (
                  <PeerRow key={peer.id} peer={peer} onChanged={peers.reload} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
      <AddPeer onAdded={peers.reload} />
    </div>
  );
}

function PeerRow({ peer, onChanged }: { peer: Peer; onChanged: () => void }) {
  const { t } = useTranslation('peers');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = peer.status === 'active' ? 'suspended' : 'active';
  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      await peersApi.setStatus(peer.id, next);
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return (
    <tr data-testid="peer-row" data-node={peer.node}>
      <td>
        <Badge tone={peer.status === 'active' ? 'ok' : 'warn'}>{t(`status.${peer.status}`)}</Badge>
      </td>
      <td>
        <strong>{peer.agency}</strong> ({peer.node}, {peer.country})<div className="muted">{peer.url}</div>
      </td>
      <td className="peer-fingerprint">{peer.fingerprint}</td>
      <td>
        {peer.lastContactAt ? (
          <Time value={peer.lastContactAt} />
        ) : (
          <span className="muted">{t('list.never')}</span>
        )}
      </td>
      <td className="num">{peer.queued}</td>
      <td>
        <button
          type="button"
          className={`button ${next === 'suspended' ? 'button-danger' : ''}`}
          name={next === 'suspended' ? 'suspend' : 'activate'}
          disabled={busy}
          aria-label={t(next === 'suspended' ? 'list.suspendNamed' : 'list.activateNamed', {
            node: peer.node,
          })}
          onClick={() => void toggle()}
        >
          {t(next === 'suspended' ? 'list.suspend' : 'list.activate')}
        </button>
        <ProblemNotice error={error} />
      </td>
    </tr>
  );
}

function OwnIdentity() {
  const { t } = useTranslation('peers');
  const identity = useResource(() => peersApi.identity(), []);
  const [confirming, setConfirming] = useState(false);
  const [rotated, setRotated] = useState<PeerIdentity | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function rotate() {
    setError(null);
    try {
      setRotated(await peersApi.rotateKeys());
      setConfirming(false);
      identity.reload();
    } catch (failure) {
      setError(failure);
    }
  }
  const shown = rotated ?? identity.data;
  return (
    <Panel title={t('own.title')}>
      <ProblemNotice error={identity.error ?? error} />
      {shown && (
        <dl className="summary-row" data-testid="own-identity">
          <div>
            <dt>{t('list.node')}</dt>
            <dd>
              {shown.agency} ({shown.node}, {shown.country})
            </dd>
          </div>
          <div>
            <dt>{t('own.url')}</dt>
            <dd>{shown.url}</dd>
          </div>
          <div>
            <dt>{t('list.fingerprint')}</dt>
            <dd className="peer-fingerprint">{shown.fingerprint}</dd>
          </div>
        </dl>
      )}
      {rotated && (
        <p className="notice notice-ok" role="status">
          {t('own.rotated')}
        </p>
      )}
      <p className="muted">{t('own.rotateExplain')}</p>
      <div className="form-actions">
        {confirming ? (
          <>
            <button
              type="button"
              className="button button-danger"
              name="rotate-confirm"
              onClick={() => void rotate()}
            >
              {t('own.rotateConfirm')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
              {t('own.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="button" name="rotate" onClick={() => setConfirming(true)}>
            {t('own.rotate')}
          </button>
        )}
      </div>
    </Panel>
  );
}

function AddPeer({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation('peers');
  const [draft, update, clear] = useDraft('peers.add', { identity: '', fingerprint: '' });
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<Peer | null>(null);
  const parsed = draft.identity.trim() ? parseIdentity(draft.identity) : null;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!parsed || !('identity' in parsed)) return;
    setError(null);
    try {
      setAdded(await peersApi.add(parsed.identity, draft.fingerprint.trim()));
      clear();
      onAdded();
    } catch (failure) {
      setError(failure);
    }
  }
  return (
    <Panel title={t('add.title')}>
      <p className="muted">{t('add.explain')}</p>
      <form className="form" onSubmit={submit} data-testid="peer-add-form" noValidate>
        <Field
          label={t('add.identity')}
          hint={t('add.identityHint')}
          error={parsed && 'problem' in parsed ? t(`add.problem.${parsed.problem}`) : undefined}
        >
          {(control) => (
            <textarea
              {...control}
              name="identity"
              rows={5}
              className="peer-fingerprint"
              value={draft.identity}
              onChange={(e) => update({ identity: e.target.value })}
            />
          )}
        </Field>
        {parsed && 'identity' in parsed && (
          <p>
            {t('add.claims', {
              agency: parsed.identity.agency,
              node: parsed.identity.node,
              url: parsed.identity.url,
            })}
          </p>
        )}
        <Field label={t('add.fingerprint')} hint={t('add.fingerprintHint')} required>
          {(control) => (
            <input
              {...control}
              name="fingerprint"
              className="peer-fingerprint"
              value={draft.fingerprint}
              onChange={(e) => update({ fingerprint: e.target.value })}
            />
          )}
        </Field>
        <ProblemNotice error={error} />
        {added && (
          <p className="notice notice-ok" role="status">
            {t('add.added', { node: added.node, status: t(`status.${added.status}`) })}
          </p>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={!parsed || !('identity' in parsed)}
          >
            {t('add.submit')}
          </button>
        </div>
      </form>
    </Panel>
  );
}
