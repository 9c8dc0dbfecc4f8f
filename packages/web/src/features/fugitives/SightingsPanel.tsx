import { InformationAccuracy, SourceReliability } from '@liaison/core';
import { type Sighting, sightingSources } from '@liaison/core/fugitives/schemas';
import { cambodianProvinceIds } from '@liaison/core/rescue/provinces';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../app/session.tsx';
import { localInputToIso } from '../../app/time.ts';
import { Badge, type BadgeTone } from '../../ui/Badge.tsx';
import { fieldError, SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { EmptyState, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { fugitivesApi } from './fugitives-api.ts';
import { provinceLabel } from './StepForm.tsx';

const verificationTone: Record<Sighting['verification'], BadgeTone> = {
  unverified: 'neutral',
  confirmed: 'ok',
  discounted: 'warn',
};

/** Sightings and tips with the 4x4 evaluation; a writer confirms or discounts each. */
export function SightingsPanel({
  fugitiveId,
  sightings,
  onChanged,
}: {
  fugitiveId: string;
  sightings: Sighting[];
  onChanged(): void;
}) {
  const { t, i18n } = useTranslation(['fugitives', 'ui']);
  const can = useCan();
  const [error, setError] = useState<unknown>(null);
  const verify = async (id: string, verification: 'confirmed' | 'discounted') => {
    setError(null);
    try {
      await fugitivesApi.verifySighting(fugitiveId, id, verification);
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Panel title={t('sighting.title')}>
      <ProblemNotice error={error} />
      {sightings.length === 0 && <EmptyState>{t('sighting.none')}</EmptyState>}
      <ul className="plain-list" data-testid="sightings">
        {sightings.map((s) => (
          <li key={s.id}>
            <Time value={s.seenAt} dual /> —{' '}
            {[s.place.province && provinceLabel(s.place.province, i18n.language), s.place.text]
              .filter(Boolean)
              .join(', ')}
            {s.place.lat !== null && s.place.lon !== null && (
              <span className="muted">
                {' '}
                ({s.place.lat.toFixed(4)}, {s.place.lon.toFixed(4)})
              </span>
            )}
            <div>
              <Badge>{t(`source.${s.source}`)}</Badge>{' '}
              <Badge
                tone="info"
                title={`${t(`ui:markings.reliability.${s.reliability}`)} / ${t(`ui:markings.accuracy.${s.accuracy}`)}`}
              >
                {t('sighting.evaluation', { code: `${s.reliability}${s.accuracy}` })}
              </Badge>{' '}
              <Badge tone={verificationTone[s.verification]}>
                {s.verifiedByName
                  ? t('sighting.by', {
                      verification: t(`verification.${s.verification}`),
                      name: s.verifiedByName,
                    })
                  : t(`verification.${s.verification}`)}
              </Badge>{' '}
              {s.sourceDetail && <span className="muted">{s.sourceDetail}</span>}
              {s.sourceWithheld && <span className="muted">{t('sighting.sourceHidden')}</span>}
            </div>
            <div>{s.description}</div>
            {can('fugitives.write') && s.verification === 'unverified' && (
              <div className="form-actions">
                <button type="button" className="button" onClick={() => void verify(s.id, 'confirmed')}>
                  {t('sighting.confirm')}
                </button>
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => void verify(s.id, 'discounted')}
                >
                  {t('sighting.discount')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {can('fugitives.write') && <SightingForm fugitiveId={fugitiveId} onAdded={onChanged} />}
    </Panel>
  );
}

function SightingForm({ fugitiveId, onAdded }: { fugitiveId: string; onAdded(): void }) {
  const { t, i18n } = useTranslation(['fugitives', 'ui']);
  const me = useMe();
  const [seenAt, setSeenAt] = useState('');
  const [province, setProvince] = useState('');
  const [place, setPlace] = useState('');
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [source, setSource] = useState<string>('attache');
  const [sourceDetail, setSourceDetail] = useState('');
  const [reliability, setReliability] = useState<string>('X');
  const [accuracy, setAccuracy] = useState<string>('4');
  const [description, setDescription] = useState('');
  const { error, busy, submit } = useSubmission();

  function record(event: FormEvent) {
    event.preventDefault();
    void submit(async () => {
      await fugitivesApi.addSighting(fugitiveId, {
        seenAt: localInputToIso(seenAt, me.timeZone) ?? '',
        place: {
          ...(province && { province: province as 'phnom_penh' }),
          text: place,
          ...(lat.trim() && { lat: Number(lat) }),
          ...(lon.trim() && { lon: Number(lon) }),
        },
        source: source as 'attache',
        ...(sourceDetail.trim() && { sourceDetail }),
        reliability: reliability as 'X',
        accuracy: accuracy as '4',
        description,
      });
      setSeenAt('');
      setPlace('');
      setDescription('');
      setSourceDetail('');
      onAdded();
    });
  }

  return (
    <form
      className="form"
      onSubmit={record}
      aria-label={t('sighting.add')}
      data-testid="sighting-form"
      noValidate
    >
      <h3>{t('sighting.add')}</h3>
      <ProblemNotice error={error} />
      <div className="form-row">
        <TextField
          label={t('sighting.seenAt')}
          hint={me.timeZone}
          type="datetime-local"
          name="seenAt"
          required
          value={seenAt}
          error={fieldError(error, '/seenAt')}
          onValueChange={setSeenAt}
        />
        <SelectField
          label={t('sighting.province')}
          name="province"
          value={province}
          options={cambodianProvinceIds}
          optionLabel={(p) => provinceLabel(p, i18n.language)}
          onValueChange={setProvince}
        >
          <option value="">—</option>
        </SelectField>
      </div>
      <TextField
        label={t('sighting.place')}
        name="place"
        value={place}
        error={fieldError(error, '/place/text')}
        onValueChange={setPlace}
      />
      <div className="form-row">
        <TextField
          label={t('sighting.lat')}
          name="lat"
          inputMode="decimal"
          value={lat}
          error={fieldError(error, '/place/lat')}
          onValueChange={setLat}
        />
        <TextField
          label={t('sighting.lon')}
          name="lon"
          inputMode="decimal"
          value={lon}
          error={fieldError(error, '/place/lon')}
          onValueChange={setLon}
        />
      </div>
      <div className="form-row">
        <SelectField
          label={t('sighting.source')}
          name="source"
          value={source}
          options={sightingSources}
          optionLabel={(s) => t(`source.${s}`)}
          onValueChange={setSource}
        />
        <SelectField
          label={t('ui:markings.sourceReliability')}
          name="reliability"
          value={reliability}
          options={SourceReliability.options}
          optionLabel={(r) => t(`ui:markings.reliability.${r}`)}
          onValueChange={setReliability}
        />
        <SelectField
          label={t('ui:markings.informationAccuracy')}
          name="accuracy"
          value={accuracy}
          options={InformationAccuracy.options}
          optionLabel={(a) => t(`ui:markings.accuracy.${a}`)}
          onValueChange={setAccuracy}
        />
      </div>
      <TextField
        label={t('sighting.sourceDetail')}
        name="sourceDetail"
        value={sourceDetail}
        onValueChange={setSourceDetail}
      />
      <TextAreaField
        label={t('sighting.description')}
        name="description"
        rows={3}
        required
        value={description}
        error={fieldError(error, '/description')}
        onValueChange={setDescription}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('sighting.submit')}
        </button>
      </div>
    </form>
  );
}
