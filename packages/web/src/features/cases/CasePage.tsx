import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { useCan } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { EmptyState, Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { StatusPage } from '../../ui/StatusPage.tsx';
import { Time } from '../../ui/Time.tsx';
import { CaseAttachments } from './CaseAttachments.tsx';
import { CaseNotes } from './CaseNotes.tsx';
import { CaseOwner } from './CaseOwner.tsx';
import { CaseStatusForm } from './CaseStatusForm.tsx';
import { CaseTasks } from './CaseTasks.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { ageInDays, crimeTypeLabel, priorityTone, statusTone } from './case-labels.ts';
import { caseOwnership } from './case-owner.ts';
import { type CaseSlotName, casePanels } from './case-page-slots.ts';
import { type CaseDetail, casesApi } from './cases-api.ts';
import { MarkingsBadges } from './MarkingsBadges.tsx';

// Panels other features add to the case page: each `features/*/case-panels.ts` registers its own.
import.meta.glob('../*/case-panels.ts', { eager: true });

const tabs = ['tasks', 'notes', 'attachments', 'timeline', 'entities', 'hits', 'sharing'] as const;
type Tab = (typeof tabs)[number];

/** One case at a glance: status, owner, age and markings first, then its parts in tabs. */
export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('cases');
  const detail = useResource(() => casesApi.get(id), [id]);
  const [tab, setTab] = useState<Tab>('tasks');

  if (detail.error instanceof ApiError && detail.error.status === 404) return <StatusPage kind="notFound" />;
  if (!detail.data) return detail.error ? <ProblemNotice error={detail.error} /> : <Loading />;
  const data = detail.data;
  const count: Record<Tab, number | null> = {
    tasks: data.counts.openTasks,
    notes: data.counts.notes,
    attachments: data.counts.attachments,
    timeline: data.counts.timeline,
    entities: null,
    hits: null,
    sharing: null,
  };
  return (
    <div className="page" data-testid="case-page">
      <PageHeader title={`${data.case.number} · ${data.case.title}`} />
      <CaseSummary detail={data} onChanged={detail.reload} />
      <div role="tablist" aria-label={t('page.summary')} className="tabs">
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`case-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`case-panel-${name}`}
            className={`button ${tab === name ? 'button-primary' : 'button-quiet'}`}
            onClick={() => setTab(name)}
          >
            {t(`tabs.${name}`)}
            {count[name] !== null && ` (${count[name]})`}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`case-panel-${tab}`} aria-labelledby={`case-tab-${tab}`}>
        {tab === 'tasks' && <CaseTasks caseId={id} tasks={data.tasks} onChanged={detail.reload} />}
        {tab === 'notes' && <CaseNotes caseId={id} notes={data.notes} onChanged={detail.reload} />}
        {tab === 'attachments' && (
          <CaseAttachments caseId={id} attachments={data.attachments} onChanged={detail.reload} />
        )}
        {tab === 'timeline' && <CaseTimeline caseId={id} events={data.timeline} onChanged={detail.reload} />}
        {(tab === 'entities' || tab === 'hits' || tab === 'sharing') && (
          <SlotPanels slot={tab} detail={data} />
        )}
      </div>
    </div>
  );
}

function CaseSummary({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t, i18n } = useTranslation('cases');
  const can = useCan();
  const c = detail.case;
  const restricted = c.markings.tlp === 'RED' || c.markings.tlp === 'AMBER+STRICT';
  return (
    <Panel title={t('page.summary')}>
      <SlotNotices caseRecord={c} />
      <div className="summary-row" data-testid="case-summary">
        <Badge tone={statusTone[c.status]}>
          {t(`status.${c.status}`)}
          {c.closeReason && ` — ${t(`closeReason.${c.closeReason}`)}`}
        </Badge>
        <Badge tone={priorityTone[c.priority]}>{t(`priority.${c.priority}`)}</Badge>
        <OwnerLine caseRecord={c} />
        <span>
          {t('page.age')}: {t('page.ageDays', { count: ageInDays(c.createdAt) })}
        </span>
        {detail.counts.overdueTasks > 0 && (
          <Badge tone="danger">{t('page.overdue', { count: detail.counts.overdueTasks })}</Badge>
        )}
        <MarkingsBadges markings={c.markings} ownerAgency={c.ownerAgency} />
      </div>
      {restricted && <p className="notice notice-warn">{t('markings.restricted')}</p>}
      <dl className="split">
        <dt>{t('page.opened')}</dt>
        <dd>
          <Time value={c.createdAt} dual />
        </dd>
        <dt>{t('page.updated')}</dt>
        <dd>
          <Time value={c.updatedAt} dual />
        </dd>
        <dt>{t('page.crimeTypes')}</dt>
        <dd>{c.crimeTypes.map((code) => crimeTypeLabel(code, i18n.language)).join(', ')}</dd>
        <dt>{t('page.assigned')}</dt>
        <dd>{c.assignedOfficerIds.length || t('page.none')}</dd>
        <dt>{t('page.participatingUnits')}</dt>
        <dd>{c.participatingUnitIds.length || t('page.none')}</dd>
      </dl>
      {c.summary && (
        <p lang={c.language} className="case-summary-text">
          {c.summary}
        </p>
      )}
      {can('cases.write') && <CaseStatusForm caseRecord={c} onChanged={onChanged} />}
    </Panel>
  );
}

/** What other features say first about the case (`notices` slot), e.g. that it is a partner's mirror. */
function SlotNotices({ caseRecord }: { caseRecord: CaseDetail['case'] }) {
  const can = useCan();
  return (
    <>
      {casePanels('notices')
        .filter((p) => !p.permission || can(p.permission))
        .map(({ id, component: Component }) => (
          <Component key={id} caseId={caseRecord.id} caseRecord={caseRecord} />
        ))}
    </>
  );
}

/** "Owner: …": from an `owner` panel when a feature registers one, else from the case record alone. */
function OwnerLine({ caseRecord }: { caseRecord: CaseDetail['case'] }) {
  const can = useCan();
  const panel = casePanels('owner').find((p) => !p.permission || can(p.permission));
  if (!panel) return <CaseOwner ownership={caseOwnership(caseRecord, null)} />;
  const Component = panel.component;
  return <Component caseId={caseRecord.id} caseRecord={caseRecord} />;
}

/** The "Entities", "Hits" and "Partners" tabs: filled by other features through `case-page-slots.ts`. */
function SlotPanels({ slot, detail }: { slot: CaseSlotName; detail: CaseDetail }) {
  const { t } = useTranslation(['cases']);
  const can = useCan();
  const panels = casePanels(slot).filter((p) => !p.permission || can(p.permission));
  if (panels.length === 0) {
    return (
      <Panel title={t(`tabs.${slot}`)}>
        <EmptyState>{t('slots.empty')}</EmptyState>
      </Panel>
    );
  }
  return (
    <>
      {panels.map(({ id, labelKey, component: Component }) => (
        <Panel key={id} title={t(labelKey)}>
          <Component caseId={detail.case.id} caseRecord={detail.case} />
        </Panel>
      ))}
    </>
  );
}
