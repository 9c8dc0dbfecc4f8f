import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan, useMe } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { DenseTable } from '../../ui/DenseTable.tsx';
import { EmptyState, Loading } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import type { CaseSlotProps } from '../cases/case-page-slots.ts';
import { AddEntityForm } from './AddEntityForm.tsx';
import { CaseMemberActions, RoleHistory } from './CaseMemberActions.tsx';
import { EntityMarkings } from './EntityMarkings.tsx';
import { ExtractForm } from './ExtractForm.tsx';
import { graphApi } from './graph-api.ts';
import { entityTypeLabel } from './labels.ts';

/** The case page's "Entities" tab: who and what the case names, and two ways to add more. */
export function CaseEntitiesPanel({ caseId, caseRecord }: CaseSlotProps) {
  const { t, i18n } = useTranslation('graph');
  const me = useMe();
  const can = useCan();
  // What is in a case is for the case's own agency to change; the server enforces the same rule.
  const mayRemove = can('entities.write') && caseRecord.ownerAgency === me.agencyCode;
  const mayChangeRole = can('cases.write');
  const entities = useResource(() => graphApi.caseEntities(caseId), [caseId]);
  return (
    <div className="panel-stack">
      {entities.error ? (
        <ProblemNotice error={entities.error} />
      ) : !entities.data ? (
        <Loading />
      ) : entities.data.length === 0 ? (
        <EmptyState>{t('panel.none')}</EmptyState>
      ) : (
        <DenseTable
          testId="case-entities"
          columns={[
            t('properties.name'),
            t('entity.type'),
            t('entity.role'),
            t('entity.owner'),
            t('panel.addedAt'),
            t('member.actions'),
          ]}
        >
          {entities.data.map((member) => {
            const { entity, role, addedAt } = member;
            return (
              <tr key={entity.id} data-entity-id={entity.id}>
                <td>
                  <Link to={`/graph/entities/${entity.id}`}>{entity.caption}</Link>
                </td>
                <td>{entityTypeLabel(entity.type, i18n.language)}</td>
                <td>
                  {role ? <Badge>{t(`roles.${role}`, { defaultValue: role })}</Badge> : ''}
                  <RoleHistory history={member.roleHistory} />
                </td>
                <td>
                  <EntityMarkings
                    ownerAgency={entity.ownerAgency}
                    tlp={entity.tlp}
                    handlingCode={entity.handlingCode}
                  />
                </td>
                <td>
                  <Time value={addedAt} />
                </td>
                <td>
                  <CaseMemberActions
                    key={`${entity.id}:${role ?? ''}`}
                    caseId={caseId}
                    member={member}
                    mayChangeRole={mayChangeRole}
                    mayRemove={mayRemove}
                    onChanged={entities.reload}
                  />
                </td>
              </tr>
            );
          })}
        </DenseTable>
      )}
      <details className="add-entity" open>
        <summary>{t('panel.add')}</summary>
        <AddEntityForm caseId={caseId} onAdded={entities.reload} />
      </details>
      <details className="add-entity">
        <summary>{t('panel.paste')}</summary>
        <ExtractForm caseId={caseId} onAdded={entities.reload} />
      </details>
    </div>
  );
}
