/**
 * A forecast of today's hospital as a bed meeting reads it: the headline
 * sentences first (each ward, the ED, discharges, booked cases), the fan
 * charts, then the bed manager's list of likely discharges, the booked cases
 * by risk and every patient. A function of (scenario, state, forecast) only:
 * the seam where a live twin's forecast will be shown the same way.
 */
import type { HospitalState, Scenario } from '../../../scenarios/index.js';
import { likelyDischarges, type ForecastSummary, type PatientForecast } from '../../../workers/index.js';
import { FanChart } from './FanChart.js';
import { hoursText, PatientTable } from './PatientTable.js';
import { bookedHeadline, bookedRisk, dischargeHeadline, dischargesByWard, edHeadline, pct, wardHeadline } from './today-words.js';

export interface TodayForecast {
  summary: ForecastSummary;
  /** Each patient of the state, when the forecast followed them. */
  patients?: PatientForecast[];
}

export function ForecastReport({ scenario, state, forecast }: { scenario: Scenario; state: HospitalState; forecast: TodayForecast }) {
  const { summary, patients } = forecast;
  const wardName = (id: string): string => scenario.wards.find((w) => w.id === id)?.name ?? id;
  const currency = scenario.currency ?? '';
  const money = (x: number): string => `${currency ? `${currency} ` : ''}${Math.round(x).toLocaleString('en-GB')}`;
  const discharges = patients ? dischargesByWard(patients) : undefined;
  const likely = patients ? likelyDischarges(patients) : [];
  const booked = [...summary.booked].sort((a, b) => bookedRisk(b) - bookedRisk(a));
  const wardLines = summary.wards.map((w) => ({ key: w.ward, text: wardHeadline(wardName(w.ward), w, summary.asOf, discharges?.get(w.ward)) }));
  return (
    <div className="forecast-report" data-testid="today-forecast">
      <section aria-labelledby="today-headline-title" className="today-headline" data-testid="today-headline">
        <h2 id="today-headline-title">
          Forecast from {summary.asOf.slice(0, 16).replace('T', ' ')}, next {summary.hours} hours ({summary.replications} replications)
        </h2>
        {/* A live twin's latest forecast may start before the state shown (a newer one is on its way). */}
        {summary.asOf.slice(0, 16) !== state.asOf.slice(0, 16) && (
          <p className="muted" data-testid="today-forecast-older">
            The state shown is as of {state.asOf.slice(0, 16).replace('T', ' ')}; this forecast is from an earlier one (a new one follows).
          </p>
        )}
        <ul>
          {wardLines.map((l) => (
            <li key={l.key} data-testid={`headline-${l.key}`}>
              {l.text}
            </li>
          ))}
          <li data-testid="headline-ed">{edHeadline(summary)}</li>
          {discharges && (
            <li data-testid="headline-discharges">{dischargeHeadline(summary.asOf, discharges.get('') ?? { today: 0, tomorrow: 0 }, likely.length)}</li>
          )}
          <li data-testid="headline-booked">{bookedHeadline(summary)}</li>
        </ul>
      </section>
      <div className="fans">
        {summary.wards.map((w, k) => (
          <FanChart
            key={w.ward}
            testId={`fan-${w.ward}`}
            title={wardName(w.ward)}
            unit="patients in beds"
            capacity={w.beds}
            points={w.byHour}
            asOf={summary.asOf}
            summary={wardLines[k]!.text}
          />
        ))}
        <FanChart
          testId="fan-ed-waiting"
          title="ED patients waiting"
          unit="patients waiting to be seen"
          points={summary.ed.byHour.map((h) => ({ hour: h.hour, ...h.waiting }))}
          asOf={summary.asOf}
          summary={edHeadline(summary)}
        />
      </div>
      <p className="muted small">Shaded: 80% of replications (p10 to p90); line: the median; dashed red: the beds.</p>
      <div className="today-lists">
        {patients && (
          <section aria-labelledby="today-discharges">
            <h2 id="today-discharges">Likely discharges today and tomorrow</h2>
            {likely.length === 0 ? (
              <p className="muted">No patient has a chance of 50% or more of leaving by tomorrow night.</p>
            ) : (
              <div className="scroll list-scroll" tabIndex={0} role="region" aria-label="Likely discharges today and tomorrow">
                <table className="cases-table" data-testid="today-discharges-table">
                  <thead>
                    <tr>
                      <th scope="col">Patient</th>
                      <th scope="col">Ward or step</th>
                      <th scope="col">Leaves today</th>
                      <th scope="col">Leaves tomorrow</th>
                      <th scope="col">Remaining stay</th>
                    </tr>
                  </thead>
                  <tbody>
                    {likely.map((p) => (
                      <tr key={p.patient}>
                        <th scope="row">{p.patient}</th>
                        <td>{wardName(p.where)}</td>
                        <td className="num">{pct(p.pLeaveToday)}</td>
                        <td className="num">{pct(p.pLeaveTomorrow)}</td>
                        <td className="num">
                          {hoursText(p.remainingHours.p50)} ({hoursText(p.remainingHours.p10)}–{hoursText(p.remainingHours.p90)})
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        )}
        <section aria-labelledby="today-booked">
          <h2 id="today-booked">Booked cases by risk</h2>
          {booked.length === 0 ? (
            <p className="muted">No booked case in the forecast's hours.</p>
          ) : (
            <div className="scroll list-scroll" tabIndex={0} role="region" aria-label="Booked cases by risk">
              <table className="cases-table" data-testid="today-booked-table">
                <thead>
                  <tr>
                    <th scope="col">Booking</th>
                    <th scope="col">Class</th>
                    <th scope="col">When</th>
                    <th scope="col">Cancelled</th>
                    <th scope="col">of which for want of a bed · theatre · stock</th>
                    <th scope="col">Delayed over 1 h for a bed</th>
                    <th scope="col">Started over 1 h after the planned start</th>
                    <th scope="col">Waited over 1 h for stock</th>
                  </tr>
                </thead>
                <tbody>
                  {booked.map((b) => (
                    <tr key={b.booking} data-testid={`booked-${b.booking}`}>
                      <th scope="row">{b.booking}</th>
                      <td>{b.class}</td>
                      <td>{b.at.replace('T', ' ')}</td>
                      <td className="num">{pct(b.pCancelled)}</td>
                      <td className="num">
                        {pct(b.pCancelledForBed)} · {pct(b.pCancelledForTheatre)} · {pct(b.pCancelledForStock)}
                      </td>
                      <td className="num">{pct(b.pDelayedForBed)}</td>
                      <td className="num">{b.start === undefined ? 'no planned start' : `${pct(b.pDelayedForTheatre)} (planned ${b.start.slice(11, 16)})`}</td>
                      <td className="num">{pct(b.pDelayedForStock)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
      {patients && (
        <section aria-labelledby="today-patients">
          <h2 id="today-patients">Each patient: remaining stay and cost</h2>
          <p className="muted small">
            Mean, and in brackets the 80% interval across replications; stays counted up to 14 days (≥: still in then in 10% or more of replications).
          </p>
          <PatientTable patients={patients} money={money} wardName={wardName} />
        </section>
      )}
    </div>
  );
}
