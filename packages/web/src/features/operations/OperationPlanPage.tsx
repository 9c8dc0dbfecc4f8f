import { tlpLevels } from '@liaison/core';
import type { CaseListPage } from '@liaison/core/cases/case-views';
import { crimeTaxonomy } from '@liaison/core/cases/crime-taxonomy';
import type { CompoundListItem } from '@liaison/core/compounds/compound-schema';
import type { FugitiveList } from '@liaison/core/fugitives/schemas';
import {
  legalAuthorityKinds,
  type OperationInputRaw,
  riskLevels,
  type TeamRole,
  teamRoles,
} from '@liaison/core/operations/schemas';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { useDraft } from '../../app/draft.ts';
import { useCan } from '../../app/session.tsx';
import { localInputToIso, zoneLabel } from '../../app/time.ts';
import { useResource } from '../../app/use-resource.ts';
import { Fieldset } from '../../ui/Field.tsx';
import { Checkbox, fieldError, SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { SubmitActions } from '../../ui/SubmitActions.tsx';
import { useViewerZone } from '../../ui/Time.tsx';
import { useAgencies } from '../../ui/use-agencies.ts';
import { useSubmission } from '../../ui/use-submission.ts';
import { crimeTypeLabel } from '../cases/case-labels.ts';
import { namesForReader } from '../fugitives/labels.ts';
import { lines, numberOrNothing } from './labels.ts';
import { operationsApi } from './operations-api.ts';

type Authority = { kind: string; number: string; issuedBy: string; issuedOn: string; validUntil: string };
type Team = { agencyCode: string; name: string; role: string; headcount: string };

interface PlanDraft {
  codeName: string;
  objective: string;
  leadAgency: string;
  partnerAgency: string;
  crimeType: string;
  caseId: string;
  compoundId: string;
  persons: string;
  fugitiveIds: string[];
  addresses: string;
  summary: string;
  occupants: string;
  buildings: string;
  gates: string;
  guards: string;
  guardsArmed: boolean;
  routesIn: string;
  routesOut: string;
  borderKm: string;
  teams: Team[];
  lead: Authority;
  partner: Authority;
  briefingAt: string;
  start: string;
  end: string;
  risks: string;
  riskLevel: string;
  tlp: string;
  handlingCode: string;
}

const noAuthority: Authority = {
  kind: 'search_warrant',
  number: '',
  issuedBy: '',
  issuedOn: '',
  validUntil: '',
};
const emptyDraft: PlanDraft = {
  codeName: '',
  objective: '',
  leadAgency: 'CNP',
  partnerAgency: 'KNPA',
  crimeType: 'voice_phishing',
  caseId: '',
  compoundId: '',
  persons: '',
  fugitiveIds: [],
  addresses: '',
  summary: '',
  occupants: '',
  buildings: '',
  gates: '',
  guards: '',
  guardsArmed: false,
  routesIn: '',
  routesOut: '',
  borderKm: '',
  teams: [{ agencyCode: 'CNP', name: '', role: 'entry', headcount: '' }],
  lead: noAuthority,
  partner: { ...noAuthority, kind: 'arrest_warrant' },
  briefingAt: '',
  start: '',
  end: '',
  risks: '',
  riskLevel: 'medium',
  tlp: 'AMBER',
  handlingCode: 'H2',
};

function authorityOf(agencyCode: string, a: Authority) {
  if (!a.number && !a.issuedBy && !a.issuedOn) return [];
  return [
    {
      agencyCode,
      kind: a.kind,
      number: a.number,
      issuedBy: a.issuedBy,
      issuedOn: a.issuedOn,
      ...(a.validUntil && { validUntil: a.validUntil }),
    },
  ];
}

/** The plan as the API takes it; empty optional fields are left out so the server names what is missing. */
function inputOf(
  d: PlanDraft,
  zone: string,
  fugitives: readonly { id: string; label: string }[],
): OperationInputRaw {
  const num = numberOrNothing;
  return {
    codeName: d.codeName,
    objective: d.objective,
    leadAgency: d.leadAgency,
    partnerAgency: d.partnerAgency,
    crimeTypes: [d.crimeType] as OperationInputRaw['crimeTypes'],
    caseIds: d.caseId ? [d.caseId] : [],
    targets: [
      ...(d.compoundId ? [{ kind: 'compound' as const, compoundId: d.compoundId }] : []),
      ...lines(d.persons).map((label) => ({ kind: 'person' as const, label })),
      ...d.fugitiveIds.map((fugitiveId) => ({
        kind: 'person' as const,
        fugitiveId,
        label: fugitives.find((f) => f.id === fugitiveId)?.label ?? fugitiveId,
      })),
      ...lines(d.addresses).map((address) => ({ kind: 'address' as const, address })),
    ],
    intelligence: {
      summary: d.summary,
      ...(num(d.occupants) !== undefined && { estimatedOccupants: num(d.occupants) }),
      ...(num(d.buildings) !== undefined && { buildings: num(d.buildings) }),
      ...(num(d.gates) !== undefined && { gates: num(d.gates) }),
      ...(num(d.guards) !== undefined && { guards: num(d.guards) }),
      guardsArmed: d.guardsArmed,
      routesIn: d.routesIn,
      routesOut: d.routesOut,
      ...(num(d.borderKm) !== undefined && { borderDistanceKm: num(d.borderKm) }),
    },
    teams: d.teams.map((team) => ({
      agencyCode: team.agencyCode,
      name: team.name,
      role: team.role as TeamRole,
      headcount: num(team.headcount) ?? 0,
    })),
    legalAuthority: [
      ...authorityOf(d.leadAgency, d.lead),
      ...authorityOf(d.partnerAgency, d.partner),
    ] as OperationInputRaw['legalAuthority'],
    timing: {
      ...(d.briefingAt && { briefingAt: localInputToIso(d.briefingAt, zone) }),
      plannedStart: localInputToIso(d.start, zone) ?? '',
      plannedEnd: localInputToIso(d.end, zone) ?? '',
    },
    risks: lines(d.risks).map((description) => ({
      description,
      level: d.riskLevel as 'low' | 'medium' | 'high' | 'critical',
      mitigation: '',
    })),
    markings: { tlp: d.tlp as 'AMBER', handlingCode: d.handlingCode as 'H0' },
  };
}

/** Plans a joint operation: objective, targets, intelligence, teams of each agency, authority per side, timing. */
export function OperationPlanPage() {
  const { t, i18n } = useTranslation(['operations', 'ui']);
  const can = useCan();
  const navigate = useNavigate();
  const zone = useViewerZone();
  const [draft, update, clear] = useDraft<PlanDraft>('operations.new', emptyDraft);
  const { error, busy, submit } = useSubmission();
  const agencies = useAgencies().data ?? [];
  const cases =
    useResource(() => api.get<CaseListPage>('/api/v1/cases', { limit: 100 }), []).data?.items ?? [];
  const compounds = useResource(() => api.get<CompoundListItem[]>('/api/v1/compounds'), []).data ?? [];
  const codes = agencies.map((a) => a.code);
  // Wanted persons of the register as targets (by id), for those who may read it.
  const wanted = (
    useResource(
      () =>
        can('fugitives.read')
          ? api.get<FugitiveList>('/api/v1/fugitives', { limit: 50 })
          : Promise.resolve(null),
      [],
    ).data?.items ?? []
  )
    .filter(
      (f) => !['arrested', 'detained', 'removal_in_progress', 'handed_over', 'closed'].includes(f.status),
    )
    .map((f) => ({ id: f.id, label: `${f.reference} ${namesForReader(f.names, i18n.language).main}` }));
  const setTeam = (i: number, patch: Partial<Team>) =>
    update({ teams: draft.teams.map((team, j) => (j === i ? { ...team, ...patch } : team)) });

  function create(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      const created = await operationsApi.create(inputOf(draft, zone, wanted));
      clear();
      navigate(`/operations/${created.id}`);
    });
  }

  const authorityFields = (side: 'lead' | 'partner', agency: string, offset: number) => {
    const a = draft[side];
    const set = (patch: Partial<Authority>) => update({ [side]: { ...a, ...patch } } as Partial<PlanDraft>);
    const path = `/legalAuthority/${offset}`;
    return (
      <Fieldset legend={t('form.authorityFor', { agency })}>
        <div className="form-row">
          <SelectField
            label={t('form.authKind')}
            name={`${side}.kind`}
            value={a.kind}
            options={legalAuthorityKinds}
            optionLabel={(k) => t(`authKind.${k}`)}
            onValueChange={(kind) => set({ kind })}
          />
          <TextField
            label={t('form.number')}
            name={`${side}.number`}
            value={a.number}
            error={fieldError(error, `${path}/number`)}
            onValueChange={(number) => set({ number })}
          />
          <TextField
            label={t('form.issuedBy')}
            name={`${side}.issuedBy`}
            value={a.issuedBy}
            error={fieldError(error, `${path}/issuedBy`)}
            onValueChange={(issuedBy) => set({ issuedBy })}
          />
          <TextField
            label={t('form.issuedOn')}
            type="date"
            name={`${side}.issuedOn`}
            value={a.issuedOn}
            error={fieldError(error, `${path}/issuedOn`)}
            onValueChange={(issuedOn) => set({ issuedOn })}
          />
          <TextField
            label={t('form.validUntil')}
            type="date"
            name={`${side}.validUntil`}
            value={a.validUntil}
            error={fieldError(error, `${path}/validUntil`)}
            onValueChange={(validUntil) => set({ validUntil })}
          />
        </div>
      </Fieldset>
    );
  };
  const leadHasAuthority = authorityOf(draft.leadAgency, draft.lead).length;

  return (
    <div className="page page-narrow">
      <PageHeader title={t('form.title')} />
      <Panel title={t('form.title')}>
        <p className="muted">{t('form.draftKept')}</p>
        <ProblemNotice error={error} />
        <form className="form" onSubmit={create} data-testid="operation-form" noValidate>
          <TextField
            label={t('form.codeName')}
            name="codeName"
            required
            value={draft.codeName}
            error={fieldError(error, '/codeName')}
            onValueChange={(codeName) => update({ codeName })}
          />
          <TextAreaField
            label={t('form.objective')}
            name="objective"
            required
            value={draft.objective}
            error={fieldError(error, '/objective')}
            onValueChange={(objective) => update({ objective })}
          />
          <div className="form-row">
            <SelectField
              label={t('form.leadAgency')}
              name="leadAgency"
              value={draft.leadAgency}
              options={codes}
              error={fieldError(error, '/leadAgency')}
              onValueChange={(leadAgency) => update({ leadAgency })}
            />
            <SelectField
              label={t('form.partnerAgency')}
              name="partnerAgency"
              value={draft.partnerAgency}
              options={codes}
              error={fieldError(error, '/partnerAgency')}
              onValueChange={(partnerAgency) => update({ partnerAgency })}
            />
            <SelectField
              label={t('form.crimeType')}
              name="crimeType"
              value={draft.crimeType}
              options={crimeTaxonomy.map((n) => n.code)}
              optionLabel={(code) => crimeTypeLabel(code, i18n.language)}
              onValueChange={(crimeType) => update({ crimeType })}
            />
            <SelectField
              label={t('form.case')}
              name="caseId"
              value={draft.caseId}
              error={fieldError(error, '/caseIds')}
              onValueChange={(caseId) => update({ caseId })}
            >
              <option value="">{t('form.noCase')}</option>
              {cases.map((c) => (
                <option key={c.id} value={c.id}>{`${c.number} ${c.title}`}</option>
              ))}
            </SelectField>
          </div>
          <Fieldset legend={t('form.targets')} error={fieldError(error, '/targets')}>
            <SelectField
              label={t('form.compound')}
              name="compoundId"
              value={draft.compoundId}
              onValueChange={(compoundId) => update({ compoundId })}
            >
              <option value="">{t('form.noCompound')}</option>
              {compounds.map((c) => (
                <option key={c.id} value={c.id}>{`${c.name} (${c.province})`}</option>
              ))}
            </SelectField>
            <TextAreaField
              label={t('form.persons')}
              name="persons"
              value={draft.persons}
              onValueChange={(persons) => update({ persons })}
            />
            {wanted.length > 0 && (
              <Fieldset legend={t('form.fugitives')}>
                {wanted.map((f) => (
                  <Checkbox
                    key={f.id}
                    name="fugitiveIds"
                    checked={draft.fugitiveIds.includes(f.id)}
                    onCheckedChange={(on) =>
                      update({
                        fugitiveIds: on
                          ? [...draft.fugitiveIds, f.id]
                          : draft.fugitiveIds.filter((x) => x !== f.id),
                      })
                    }
                  >
                    {f.label}
                  </Checkbox>
                ))}
              </Fieldset>
            )}
            <TextAreaField
              label={t('form.addresses')}
              name="addresses"
              value={draft.addresses}
              onValueChange={(addresses) => update({ addresses })}
            />
          </Fieldset>
          <Fieldset legend={t('form.intelligence')}>
            <TextAreaField
              label={t('form.summary')}
              name="summary"
              value={draft.summary}
              onValueChange={(summary) => update({ summary })}
            />
            <div className="form-row">
              {(['occupants', 'buildings', 'gates', 'guards', 'borderKm'] as const).map((key) => (
                <TextField
                  key={key}
                  label={t(`form.${key}`)}
                  name={key}
                  inputMode="decimal"
                  value={draft[key]}
                  onValueChange={(value) => update({ [key]: value } as Partial<PlanDraft>)}
                />
              ))}
            </div>
            <Checkbox
              name="guardsArmed"
              checked={draft.guardsArmed}
              onCheckedChange={(guardsArmed) => update({ guardsArmed })}
            >
              {t('form.guardsArmed')}
            </Checkbox>
            <div className="form-row">
              <TextField
                label={t('form.routesIn')}
                name="routesIn"
                value={draft.routesIn}
                onValueChange={(routesIn) => update({ routesIn })}
              />
              <TextField
                label={t('form.routesOut')}
                name="routesOut"
                value={draft.routesOut}
                onValueChange={(routesOut) => update({ routesOut })}
              />
            </div>
          </Fieldset>
          <Fieldset legend={t('form.teams')} error={fieldError(error, '/teams')}>
            {draft.teams.map((team, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              <div className="form-row" key={i} data-testid="operation-team-row">
                <SelectField
                  label={t('form.teamAgency')}
                  name={`teams.${i}.agencyCode`}
                  value={team.agencyCode}
                  options={codes}
                  onValueChange={(agencyCode) => setTeam(i, { agencyCode })}
                />
                <TextField
                  label={t('form.teamName')}
                  name={`teams.${i}.name`}
                  value={team.name}
                  error={fieldError(error, `/teams/${i}/name`)}
                  onValueChange={(name) => setTeam(i, { name })}
                />
                <SelectField
                  label={t('form.teamRole')}
                  name={`teams.${i}.role`}
                  value={team.role}
                  options={teamRoles}
                  optionLabel={(r) => t(`role.${r}`)}
                  onValueChange={(role) => setTeam(i, { role })}
                />
                <TextField
                  label={t('form.headcount')}
                  name={`teams.${i}.headcount`}
                  inputMode="numeric"
                  value={team.headcount}
                  error={fieldError(error, `/teams/${i}/headcount`)}
                  onValueChange={(headcount) => setTeam(i, { headcount })}
                />
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => update({ teams: draft.teams.filter((_, j) => j !== i) })}
                >
                  {t('form.remove')}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button"
              onClick={() =>
                update({
                  teams: [
                    ...draft.teams,
                    { agencyCode: draft.partnerAgency, name: '', role: 'liaison', headcount: '' },
                  ],
                })
              }
            >
              {t('form.addTeam')}
            </button>
          </Fieldset>
          <Fieldset legend={t('form.authority')} error={fieldError(error, '/legalAuthority')}>
            {authorityFields('lead', draft.leadAgency, 0)}
            {authorityFields('partner', draft.partnerAgency, leadHasAuthority)}
          </Fieldset>
          <Fieldset legend={t('form.timing')}>
            <p className="muted">{t('form.timeZoneHint', { zone: zoneLabel(zone) })}</p>
            <div className="form-row">
              <TextField
                label={t('form.briefingAt')}
                type="datetime-local"
                name="briefingAt"
                value={draft.briefingAt}
                error={fieldError(error, '/timing/briefingAt')}
                onValueChange={(briefingAt) => update({ briefingAt })}
              />
              <TextField
                label={t('form.start')}
                type="datetime-local"
                name="start"
                required
                value={draft.start}
                error={fieldError(error, '/timing/plannedStart')}
                onValueChange={(start) => update({ start })}
              />
              <TextField
                label={t('form.end')}
                type="datetime-local"
                name="end"
                required
                value={draft.end}
                error={fieldError(error, '/timing/plannedEnd')}
                onValueChange={(end) => update({ end })}
              />
            </div>
          </Fieldset>
          <TextAreaField
            label={t('form.risks')}
            name="risks"
            value={draft.risks}
            onValueChange={(risks) => update({ risks })}
          />
          <div className="form-row">
            <SelectField
              label={t('form.riskLevel')}
              name="riskLevel"
              value={draft.riskLevel}
              options={riskLevels}
              onValueChange={(riskLevel) => update({ riskLevel })}
            />
            <SelectField
              label={t('form.tlp')}
              name="tlp"
              value={draft.tlp}
              options={tlpLevels}
              onValueChange={(tlp) => update({ tlp })}
            />
            <SelectField
              label={t('form.handling')}
              name="handlingCode"
              value={draft.handlingCode}
              options={['H0', 'H1', 'H2'] as const}
              onValueChange={(handlingCode) => update({ handlingCode })}
            />
          </div>
          <SubmitActions busy={busy} label={t('form.create')} />
        </form>
      </Panel>
    </div>
  );
}
