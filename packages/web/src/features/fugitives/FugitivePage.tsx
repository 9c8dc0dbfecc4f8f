import type { FugitiveDetail } from '@liaison/core/fugitives/schemas';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan, useMe } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { MarkingsBadges } from '../cases/MarkingsBadges.tsx';
import { FilesPanel } from './FilesPanel.tsx';
import { FlagBadges } from './FlagBadges.tsx';
import { fugitivesApi } from './fugitives-api.ts';
import { namesForReader, stateTone } from './labels.ts';
import { PassportStatusForm } from './PassportStatusForm.tsx';
import { SightingsPanel } from './SightingsPanel.tsx';
import { StepForm } from './StepForm.tsx';

/** A fugitive's page: who he is, the warrant and notice, the life cycle as a timeline, sightings and files. */
export function FugitivePage() {
  const { id = '' } = useParams();
  const detail = useResource(() => fugitivesApi.get(id), [id]);
  if (detail.loading && !detail.data) return <Loading />;
  if (!detail.data) return <ProblemNotice error={detail.error} />;
  return <FugitiveView detail={detail.data} reload={detail.reload} />;
}

function FugitiveView({ detail, reload }: { detail: FugitiveDetail; reload(): void }) {
  const { t, i18n } = useTranslation('fugitives');
  const can = useCan();
  const me = useMe();
  const f = detail.fugitive;
  const { main } = namesForReader(f.names, i18n.language);
  const restricted = f.markings.tlp === 'RED' || f.markings.tlp === 'AMBER+STRICT';
  return (
    <div className="page">
      <PageHeader title={`${f.reference} — ${main}`}>
        <Badge tone={stateTone[f.status]}>{t(`state.${f.status}`)}</Badge>
        {f.interpol && (
          <Badge tone={f.interpol.noticeType === 'red' ? 'danger' : 'info'}>
            {t(`notice.${f.interpol.noticeType}`)}
          </Badge>
        )}
        <FlagBadges flags={f.flags} />
        <MarkingsBadges markings={f.markings} ownerAgency={f.agencyCode} />
      </PageHeader>
      {restricted && <p className="notice notice-warn">{t('detail.restricted', { tlp: f.markings.tlp })}</p>}
      <div className="grid-2">
        <Panel title={t('detail.identity')}>
          <dl>
            <dt>{t('detail.names')}</dt>
            <dd>
              <ul className="plain-list fugitive-names" data-testid="fugitive-names">
                {f.names.map((n) => (
                  <li key={`${n.kind}:${n.value}`} className={n.kind === 'alias' ? 'alias' : undefined}>
                    {n.value}{' '}
                    <span className="muted">
                      ({t(`nameKind.${n.kind}`)}, {t(`script.${n.script}`)})
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
            <dt>{t('detail.birthDate')}</dt>
            <dd>{f.birthDate ?? t('detail.none')}</dd>
            <dt>{t('detail.nationality')}</dt>
            <dd>{f.nationality}</dd>
            <dt>{t('detail.sex')}</dt>
            <dd>{f.sex ? t(`sex.${f.sex}`) : t('detail.none')}</dd>
            <dt>{t('detail.passport')}</dt>
            <dd data-testid="fugitive-passport">
              {f.passport ? (
                <>
                  {f.passport.display} — {t(`passport.${f.passport.status}`)}
                  {f.passport.statusOn && ` ${t('passport.on', { date: f.passport.statusOn })}`}
                </>
              ) : (
                t('detail.none')
              )}
            </dd>
            <dt>{t('detail.danger')}</dt>
            <dd>
              {f.dangerMarkers.length > 0 ? (
                <span className="badge-row">
                  {f.dangerMarkers.map((m) => (
                    <Badge key={m.code} tone="danger" title={m.note}>
                      {t(`danger.${m.code}`)}
                    </Badge>
                  ))}
                </span>
              ) : (
                t('detail.none')
              )}
            </dd>
            {(f.linkedCaseIds.length > 0 || f.personEntityId || f.linkedEntityIds.length > 0) && (
              <>
                <dt>{t('detail.linked')}</dt>
                <dd data-testid="fugitive-links">
                  <ul className="plain-list">
                    {f.personEntityId && (
                      <li>
                        <Link to={`/graph/entities/${f.personEntityId}`}>{t('detail.person')}</Link>
                      </li>
                    )}
                    {f.linkedCaseIds.map((caseId) => (
                      <li key={caseId}>
                        <Link to={`/cases/${caseId}`}>{t('detail.case')}</Link>
                      </li>
                    ))}
                    {f.linkedEntityIds.map((entityId) => (
                      <li key={entityId}>
                        <Link to={`/graph/entities/${entityId}`}>{t('detail.entity')}</Link>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {f.description && (
              <>
                <dt>{t('detail.description')}</dt>
                <dd>{f.description}</dd>
              </>
            )}
          </dl>
          {can('fugitives.write') && me.agencyCode === f.agencyCode && (
            <PassportStatusForm key={f.version} fugitive={f} onSaved={reload} />
          )}
        </Panel>
        <Panel title={t('detail.warrant')}>
          {f.warrant ? (
            <dl data-testid="fugitive-warrant">
              <dt>{t('detail.warrant')}</dt>
              <dd>{f.warrant.number}</dd>
              <dt>{t('detail.court')}</dt>
              <dd>{f.warrant.court}</dd>
              <dt>{t('detail.charges')}</dt>
              <dd>{f.warrant.charges.join('; ')}</dd>
              <dt>{t('detail.valid')}</dt>
              <dd>{t('detail.validity', { from: f.warrant.issuedOn, to: f.warrant.expiresOn })}</dd>
            </dl>
          ) : (
            <p className="muted">{t('detail.none')}</p>
          )}
          <h3>{t('detail.interpol')}</h3>
          {f.interpol ? (
            <p data-testid="fugitive-notice">
              {t(`notice.${f.interpol.noticeType}`)} {f.interpol.reference} (
              {t(`noticeStatus.${f.interpol.status}`)})
            </p>
          ) : (
            <p className="muted">{t('detail.none')}</p>
          )}
        </Panel>
      </div>
      <Panel title={t('detail.timeline')}>
        <ol className="fugitive-timeline" data-testid="fugitive-timeline">
          {detail.steps.map((s) => (
            <li key={s.id}>
              <Badge tone={stateTone[s.state]}>{t(`state.${s.state}`)}</Badge>{' '}
              <Time value={s.occurredAt} dual />
              {s.actedBy && <> — {t('detail.actedBy', { who: s.actedBy })}</>}
              {s.details.facility && <> — {s.details.facility}</>}
              {s.details.removalRoute && <> — {t(`route.${s.details.removalRoute}`)}</>}
              {s.details.receivingUnit && <> — {s.details.receivingUnit}</>}
              {s.details.closeReason && <> — {t(`closeReason.${s.details.closeReason}`)}</>}
              {s.recordedByName && (
                <div className="muted">{t('detail.recordedBy', { name: s.recordedByName })}</div>
              )}
              {s.reason && <div>{t('detail.reason', { reason: s.reason })}</div>}
              {s.note && <div>{s.note}</div>}
              {s.sightingId && <div className="muted">{t('detail.fromSighting')}</div>}
              {s.documentIds.length > 0 && (
                <div>
                  {t('detail.documents')}:{' '}
                  {s.documentIds.map((docId) => {
                    const file = detail.files.find((x) => x.id === docId);
                    return (
                      <a key={docId} href={fugitivesApi.fileUrl(f.id, docId)}>
                        {file?.filename ?? docId}{' '}
                      </a>
                    );
                  })}
                </div>
              )}
            </li>
          ))}
        </ol>
        {can('fugitives.write') && (
          <StepForm fugitiveId={f.id} nextStates={detail.nextStates} files={detail.files} onAdded={reload} />
        )}
      </Panel>
      <SightingsPanel fugitiveId={f.id} sightings={detail.sightings} onChanged={reload} />
      <FilesPanel fugitiveId={f.id} files={detail.files} onUploaded={reload} />
    </div>
  );
}
