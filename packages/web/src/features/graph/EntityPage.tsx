import type { EntityPage as EntityPageData } from '@liaison/core/graph/index';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan, useMe } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { DenseTable } from '../../ui/DenseTable.tsx';
import { EmptyState, Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { DeleteEntity, EditEntityForm } from './EntityEdit.tsx';
import { EntityMarkings } from './EntityMarkings.tsx';
import { graphApi } from './graph-api.ts';
import { IdentifierNotes } from './IdentifierNotes.tsx';
import { LinkForm } from './LinkForm.tsx';
import { entityTypeLabel, linkTypeLabel } from './labels.ts';
import { PersonCandidates } from './PersonCandidates.tsx';
import { propertyText } from './property-value.ts';

/** One entity: what it is and whose, its identifiers with their checks, the cases it is in, its neighbours. */
export default function EntityPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('graph');
  const page = useResource(() => graphApi.entityPage(id), [id]);
  const me = useMe();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState('');
  if (page.error) return <ProblemNotice error={page.error} />;
  if (!page.data) return <Loading />;
  const { entity } = page.data;
  // Only the agency that entered a record changes it; the server enforces the same rule.
  const mayChange = can('entities.write') && entity.ownerAgency === me.agencyCode;
  return (
    <div className="page" data-testid="entity-page">
      <PageHeader title={entity.caption}>
        <Link className="button" to={`/graph?start=${entity.id}`} data-testid="entity-open-chart">
          {t('entity.openChart')}
        </Link>
        {mayChange && !editing && (
          <button
            type="button"
            className="button"
            data-testid="entity-edit"
            onClick={() => {
              setSaved('');
              setEditing(true);
            }}
          >
            {t('edit.button')}
          </button>
        )}
        {mayChange && <DeleteEntity entity={entity} />}
      </PageHeader>
      {saved && (
        <p className="notice" role="status" data-testid="entity-saved">
          {saved}
        </p>
      )}
      {editing && (
        <EditEntityForm
          key={entity.version}
          entity={entity}
          onCancel={() => setEditing(false)}
          onSaved={(message) => {
            setSaved(message);
            setEditing(false);
            page.reload();
          }}
        />
      )}
      <div className="summary-row">
        <Badge tone="info">{entityTypeLabel(entity.type, i18n.language)}</Badge>
        <EntityMarkings
          ownerAgency={entity.ownerAgency}
          tlp={entity.tlp}
          handlingCode={entity.handlingCode}
        />
        <span className="muted">
          {t('entity.updated')} <Time value={entity.updatedAt} />
        </span>
      </div>
      <div className="panel-grid">
        <Properties data={page.data} />
        <Identifiers data={page.data} />
        <Cases data={page.data} />
        <Neighbours data={page.data} />
        {can('entities.write') && (
          <Panel title={t('draw.title')}>
            <LinkForm source={entity} onCreated={() => page.reload()} />
          </Panel>
        )}
      </div>
      {entity.type === 'person' && <PersonCandidates entityId={entity.id} />}
    </div>
  );
}

function Properties({ data }: { data: EntityPageData }) {
  const { t, i18n } = useTranslation('graph');
  const entries = Object.entries(data.entity.properties).filter(
    ([, value]) => value !== null && value !== '' && !(Array.isArray(value) && value.length === 0),
  );
  return (
    <Panel title={t('entity.properties')}>
      <dl className="graph-properties">
        {entries.map(([name, value]) => (
          <div key={name}>
            <dt>{t(`properties.${name}`, { defaultValue: name })}</dt>
            <dd>{propertyText(data.entity.type, name, value, i18n.language)}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}

function Identifiers({ data }: { data: EntityPageData }) {
  const { t } = useTranslation('graph');
  return (
    <Panel title={t('entity.identifiers')}>
      {data.identifiers.length === 0 ? (
        <EmptyState>{t('entity.noIdentifiers')}</EmptyState>
      ) : (
        <DenseTable
          testId="entity-identifiers"
          columns={[
            t('entity.identifierKind'),
            t('entity.identifierValue'),
            t('entity.identifierNormal'),
            t('entity.validity'),
          ]}
        >
          {data.identifiers.map((identifier) => (
            <tr key={`${identifier.kind}:${identifier.value}:${identifier.property}`}>
              <td>{identifier.kind}</td>
              <td>{identifier.raw}</td>
              <td className="mono">{identifier.display}</td>
              <td>
                {identifier.valid ? (
                  <Badge tone="ok">{t('entity.valid')}</Badge>
                ) : (
                  <Badge tone="danger">{t('entity.invalid', { problem: identifier.problem ?? '' })}</Badge>
                )}
                <IdentifierNotes identifier={identifier} />
              </td>
            </tr>
          ))}
        </DenseTable>
      )}
    </Panel>
  );
}

function Cases({ data }: { data: EntityPageData }) {
  const { t } = useTranslation('graph');
  const roleName = (role: string | null) =>
    role ? t(`roles.${role}`, { defaultValue: role }) : t('entity.noRole');
  return (
    <Panel title={t('entity.cases')}>
      <ul className="plain-list" data-testid="entity-cases">
        {data.cases.map((c) => (
          <li key={c.id}>
            <Link to={`/cases/${c.id}`}>
              {c.number} · {c.title}
            </Link>{' '}
            <Badge>{c.ownerAgency}</Badge> <Badge tone="neutral">{roleName(c.role)}</Badge>
            {c.roleHistory && c.roleHistory.length > 1 && (
              <details className="role-history">
                <summary>{t('entity.roleHistory', { number: c.number })}</summary>
                <ol>
                  {c.roleHistory.map((change) => (
                    <li key={change.changedAt}>
                      <Time value={change.changedAt} />{' '}
                      {t('entity.roleChange', { role: roleName(change.role), reason: change.reason })}
                    </li>
                  ))}
                </ol>
              </details>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}

function Neighbours({ data }: { data: EntityPageData }) {
  const { t, i18n } = useTranslation('graph');
  return (
    <Panel title={t('entity.neighbours')}>
      {data.neighbours.length === 0 ? (
        <EmptyState>{t('entity.noNeighbours')}</EmptyState>
      ) : (
        <ul className="plain-list" data-testid="entity-neighbours">
          {data.neighbours.map(({ link, entity }) => (
            <li key={link.id}>
              <Badge>{linkTypeLabel(link.type, i18n.language)}</Badge>{' '}
              <Link to={`/graph/entities/${entity.id}`}>{entity.caption}</Link>{' '}
              <span className="muted">
                {entityTypeLabel(entity.type, i18n.language)} · {entity.ownerAgency}
              </span>
            </li>
          ))}
        </ul>
      )}
      {data.restrictedNeighbourCount > 0 && (
        <p className="notice notice-warn">
          {t('entity.restrictedNeighbours', { count: data.restrictedNeighbourCount })}
        </p>
      )}
    </Panel>
  );
}
