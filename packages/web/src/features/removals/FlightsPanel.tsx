import { flightLoad } from '@liaison/core/fugitives/removal-rules';
import { type FlightKind, flightKinds } from '@liaison/core/fugitives/removal-schemas';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localInputToIso, zoneLabel } from '../../app/time.ts';
import { Checkbox, fieldError, SelectField, TextField } from '../../ui/fields.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { Time, useViewerZone } from '../../ui/Time.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { Refusal } from './Refusal.tsx';
import type { PlanPart } from './RemovalPlanPage.tsx';
import { removalsApi } from './removals-api.ts';
import { flightName, planOfView } from './rule-text.ts';

/** The flights, each with who is aboard against its limit, and the form that adds one. */
export function FlightsPanel({ view, onChange, editable }: PlanPart) {
  const { t } = useTranslation('removals');
  const plan = planOfView(view);
  const removal = useSubmission();
  return (
    <Panel title={t('plan.flights')} actions={<span className="count">{view.flights.length}</span>}>
      <Refusal error={removal.error} />
      {view.flights.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="removal-flights">
            <thead>
              <tr>
                <th scope="col">{t('plan.flight')}</th>
                <th scope="col">{t('flightForm.kind')}</th>
                <th scope="col">{t('flightForm.departs')}</th>
                <th scope="col">{t('flightForm.arrives')}</th>
                <th scope="col">{t('flightForm.seats')}</th>
                {editable && <th scope="col" />}
              </tr>
            </thead>
            <tbody>
              {view.flights.map((f) => {
                const load = flightLoad(plan, f.id);
                return (
                  <tr key={f.id}>
                    <td>
                      {flightName(f)} · {f.airline} · {f.from} → {f.to}
                    </td>
                    <td>{t(`flightKind.${f.kind}`)}</td>
                    <td>
                      <Time value={f.departsAt} dual />
                    </td>
                    <td>
                      <Time value={f.arrivesAt} dual />
                    </td>
                    <td data-testid="flight-load">
                      {t('plan.load', { ...load })}
                      {f.seats !== null && (
                        <div className="muted">
                          {t('plan.seatsOf', { total: load.total, seats: f.seats })}
                        </div>
                      )}
                    </td>
                    {editable && (
                      <td>
                        <button
                          type="button"
                          className="button button-quiet"
                          disabled={removal.busy}
                          onClick={() =>
                            void removal.submit(async () =>
                              onChange(await removalsApi.removeFlight(view.id, f.id)),
                            )
                          }
                        >
                          {t('plan.remove')}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editable && <FlightForm view={view} onChange={onChange} editable={editable} />}
    </Panel>
  );
}

function FlightForm({ view, onChange }: PlanPart) {
  const { t } = useTranslation('removals');
  const zone = useViewerZone();
  const unassigned = view.suspects.filter((s) => s.flightId === null).map((s) => s.id);
  const [kind, setKind] = useState<FlightKind>(view.suspects.length > 2 ? 'charter' : 'commercial');
  const [airline, setAirline] = useState('');
  const [flightNumber, setFlightNumber] = useState('');
  const [from, setFrom] = useState('PNH');
  const [to, setTo] = useState('ICN');
  const [departs, setDeparts] = useState('');
  const [arrives, setArrives] = useState('');
  const [seats, setSeats] = useState('');
  const [takeUnassigned, setTakeUnassigned] = useState(true);
  const { error, busy, submit } = useSubmission();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(async () => {
      onChange(
        await removalsApi.addFlight(view.id, {
          kind,
          airline,
          ...(flightNumber && { flightNumber }),
          from: from.toUpperCase(),
          to: to.toUpperCase(),
          departsAt: localInputToIso(departs, zone) ?? departs,
          arrivesAt: localInputToIso(arrives, zone) ?? arrives,
          ...(kind === 'charter' && seats && { seats: Number(seats) }),
          suspectIds: takeUnassigned ? unassigned : [],
        }),
      );
      setFlightNumber('');
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate data-testid="flight-form">
      <h3>{t('flightForm.title')}</h3>
      <p className="muted">{t('flightForm.zone', { zone: zoneLabel(zone) })}</p>
      <div className="removal-inline-form">
        <SelectField
          label={t('flightForm.kind')}
          name="kind"
          value={kind}
          options={flightKinds}
          optionLabel={(k) => t(`flightKind.${k}`)}
          onValueChange={(v) => setKind(v as typeof kind)}
        />
        <TextField
          label={t('flightForm.airline')}
          name="airline"
          value={airline}
          onValueChange={setAirline}
          error={fieldError(error, '/airline')}
        />
        <TextField
          label={t('flightForm.number')}
          name="flightNumber"
          value={flightNumber}
          onValueChange={setFlightNumber}
          error={fieldError(error, '/flightNumber')}
        />
        <TextField
          label={t('flightForm.from')}
          name="from"
          value={from}
          onValueChange={setFrom}
          error={fieldError(error, '/from')}
        />
        <TextField
          label={t('flightForm.to')}
          name="to"
          value={to}
          onValueChange={setTo}
          error={fieldError(error, '/to')}
        />
        <TextField
          label={t('flightForm.departs')}
          name="departsAt"
          type="datetime-local"
          value={departs}
          onValueChange={setDeparts}
          error={fieldError(error, '/departsAt')}
        />
        <TextField
          label={t('flightForm.arrives')}
          name="arrivesAt"
          type="datetime-local"
          value={arrives}
          onValueChange={setArrives}
          error={fieldError(error, '/arrivesAt')}
        />
        {kind === 'charter' && (
          <TextField
            label={t('flightForm.seats')}
            name="seats"
            inputMode="numeric"
            value={seats}
            onValueChange={setSeats}
            error={fieldError(error, '/seats')}
          />
        )}
      </div>
      {unassigned.length > 0 && (
        <Checkbox name="takeUnassigned" checked={takeUnassigned} onCheckedChange={setTakeUnassigned}>
          {t('flightForm.unassigned')} ({unassigned.length})
        </Checkbox>
      )}
      {fieldError(error, '/suspectIds') && (
        <p className="field-error" role="alert">
          {fieldError(error, '/suspectIds')}
        </p>
      )}
      <Refusal error={error && !fieldError(error, '/suspectIds') ? error : null} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="flight-add">
          {t('flightForm.submit')}
        </button>
      </div>
    </form>
  );
}
