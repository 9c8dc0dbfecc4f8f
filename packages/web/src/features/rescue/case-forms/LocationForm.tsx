import { cambodianProvinces } from '@liaison/core/rescue/provinces';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../../../app/draft.ts';
import { useResource } from '../../../app/use-resource.ts';
import { useEnumLabel } from '../../../ui/enum-labels.ts';
import { Field } from '../../../ui/Field.tsx';
import { Panel } from '../../../ui/Panel.tsx';
import { ProblemNotice } from '../../../ui/ProblemNotice.tsx';
import { CompoundMap } from '../../compounds/CompoundMap.tsx';
import { rescueApi } from '../rescue-api.ts';
import { Actions, type FormProps, TeamOnly, useSubmit } from './shared.tsx';

/** Compound from the register, province, map pin, floor and room. */
export function LocationForm({ c, onTeam, reload }: FormProps) {
  const { t, i18n } = useTranslation('rescue');
  const compounds = useResource(() => rescueApi.compounds(), []);
  const initial = {
    compoundId: c.compound?.id ?? '',
    compoundName: c.location.compoundName ?? '',
    province: c.location.province ?? '',
    floor: c.location.floor ?? '',
    room: c.location.room ?? '',
    pin: c.location.coordinates ?? null,
  };
  const [d, update, clear] = useDraft<typeof initial>(`rescue.${c.id}.location`, initial);
  const { submit, fieldError, general, busy, saved } = useSubmit(reload);
  const onPick = useCallback((lat: number, lon: number) => update({ pin: { lat, lon } }), [update]);
  return (
    <Panel title={t('forms.location.title')}>
      <TeamOnly onTeam={onTeam}>
        <form
          noValidate
          data-testid="location-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit(
              {},
              () =>
                rescueApi.location(c.id, {
                  compoundId: d.compoundId || null,
                  ...(d.compoundName.trim() && { compoundName: d.compoundName.trim() }),
                  ...(d.province && { province: d.province }),
                  ...(d.floor.trim() && { floor: d.floor.trim() }),
                  ...(d.room.trim() && { room: d.room.trim() }),
                  ...(d.pin && { coordinates: d.pin }),
                }),
              () => clear(d),
            );
          }}
        >
          <Field label={t('forms.location.compound')} error={fieldError('/compoundId')}>
            {(control) => (
              <select
                {...control}
                name="compound-id"
                value={d.compoundId}
                onChange={(e) => {
                  const chosen = compounds.data?.find((x) => x.id === e.target.value);
                  // The reported province is never replaced: filled from the register only when unknown.
                  update({
                    compoundId: e.target.value,
                    ...(chosen && !d.province && { province: chosen.province }),
                    ...(chosen?.lat != null &&
                      chosen.lon != null && { pin: { lat: chosen.lat, lon: chosen.lon } }),
                  });
                }}
              >
                <option value="">{t('forms.location.noCompound')}</option>
                {compounds.data?.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ProvinceNote
            compoundProvince={compounds.data?.find((x) => x.id === d.compoundId)?.province ?? null}
            reported={d.province}
            initiallyReported={c.location.province ?? ''}
          />
          <Field label={t('forms.location.compoundName')} error={fieldError('/compoundName')}>
            {(control) => (
              <input
                {...control}
                name="compound-name"
                value={d.compoundName}
                onChange={(e) => update({ compoundName: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('forms.location.province')} error={fieldError('/province')}>
            {(control) => (
              <select
                {...control}
                name="province"
                value={d.province}
                onChange={(e) => update({ province: e.target.value })}
              >
                <option value="">{t('forms.location.anyProvince')}</option>
                {Object.entries(cambodianProvinces).map(([id, p]) => (
                  <option key={id} value={id}>
                    {i18n.language === 'km' ? p.km : p.en}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="grid-2">
            <Field label={t('forms.location.floor')} error={fieldError('/floor')}>
              {(control) => (
                <input
                  {...control}
                  name="floor"
                  value={d.floor}
                  onChange={(e) => update({ floor: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('forms.location.room')} error={fieldError('/room')}>
              {(control) => (
                <input
                  {...control}
                  name="room"
                  value={d.room}
                  onChange={(e) => update({ room: e.target.value })}
                />
              )}
            </Field>
          </div>
          <p className="field-hint">
            {d.pin
              ? t('forms.location.pinAt', { lat: d.pin.lat.toFixed(4), lon: d.pin.lon.toFixed(4) })
              : t('forms.location.pin')}{' '}
            {d.pin && (
              <button type="button" className="button button-quiet" onClick={() => update({ pin: null })}>
                {t('forms.location.clearPin')}
              </button>
            )}
          </p>
          <CompoundMap
            points={
              d.pin
                ? [{ id: 'pin', ...d.pin, label: `${d.pin.lat.toFixed(4)}, ${d.pin.lon.toFixed(4)}` }]
                : []
            }
            onPick={onPick}
            height={260}
          />
          <p className="field-error">{fieldError('/coordinates')}</p>
          <ProblemNotice error={general} />
          <Actions busy={busy} saved={saved} label={t('forms.location.submit')} testId="location-submit" />
        </form>
      </TeamOnly>
    </Panel>
  );
}

/** Says what linking the compound did to the province: kept the report's, or filled an unknown one. */
function ProvinceNote({
  compoundProvince,
  reported,
  initiallyReported,
}: {
  compoundProvince: string | null;
  reported: string;
  initiallyReported: string;
}) {
  const { t } = useTranslation('rescue');
  const label = useEnumLabel();
  if (!compoundProvince || !reported) return null;
  if (reported !== compoundProvince)
    return (
      <p className="notice notice-warn" role="status" data-testid="province-differs">
        {t('triage.place.differs', {
          compound: label('province', compoundProvince),
          reported: label('province', reported),
        })}
      </p>
    );
  if (!initiallyReported)
    return (
      <p className="notice" role="status" data-testid="province-filled">
        {t('triage.place.filled', { compound: label('province', compoundProvince) })}
      </p>
    );
  return null;
}
