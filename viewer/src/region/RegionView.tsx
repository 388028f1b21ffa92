/**
 * The region view of a network run: the sites on a map plane with distances
 * to scale (a km bar), the roads between them with their mean travel time,
 * ambulances moving along them as the replay plays, and each site's beds and
 * lines in words. A site (clicked, or Enter/Space on it) opens its own 3D
 * scene below; "Whole region" shows every site's buildings together again.
 */
import type { KeyboardEvent } from 'react';
import './region.css';
import { usePlayback } from '../store/playback.js';
import type { RunRecord } from '../store/runs.js';
import { ALL_ROADS_UP_TO, tripsAt, valueAt, type RegionModel } from './region-model.js';
import { openSite, regionOf, useRegion } from './region-store.js';

const W = 420;
const H = 240;
const PAD = 44;

/** A round length for the scale bar: about a quarter of the map's width. */
function scaleKm(spanKm: number): number {
  const target = spanKm / 4;
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000];
  return steps.reduce((best, s) => (Math.abs(s - target) < Math.abs(best - target) ? s : best), steps[0]!);
}

function plane(model: RegionModel): { x: (km: number) => number; y: (km: number) => number; pxPerKm: number; spanKm: number } {
  const xs = model.sites.map((s) => s.xKm);
  const ys = model.sites.map((s) => s.yKm);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanKm = Math.max(x1 - x0, y1 - y0, 1);
  // One scale for both axes, so distances on the map are to scale in every direction.
  const pxPerKm = Math.min((W - 2 * PAD) / Math.max(x1 - x0, 1e-9), (H - 2 * PAD) / Math.max(y1 - y0, 1e-9), (W - 2 * PAD) / spanKm);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return { x: (km) => W / 2 + (km - cx) * pxPerKm, y: (km) => H / 2 - (km - cy) * pxPerKm, pxPerKm, spanKm };
}

const minutesText = (m: number): string => (m < 90 ? `${Math.round(m)} min` : `${(m / 60).toFixed(1)} h`);
const kmText = (km: number): string => `${km < 10 ? km.toFixed(1) : Math.round(km)} km`;

function SiteWords({ model, site, time }: { model: RegionModel; site: number; time: number }) {
  const resources = model.resources[site]!;
  const out = model.trips.filter((x) => x.from === site && x.start <= time && x.end > time).length;
  const coming = model.trips.filter((x) => x.to === site && x.start <= time && x.end > time).length;
  return (
    <ul className="region-words">
      {resources.map((r) => {
        const used = valueAt(r.inUse, time);
        const waiting = valueAt(r.waiting, time);
        return (
          <li key={r.name} data-testid={`region-resource-${model.sites[site]!.id}-${r.name}`}>
            {r.name}: {used} of {r.units} in use, {waiting} waiting
          </li>
        );
      })}
      <li>
        on the road: {out} leaving, {coming} coming
      </li>
    </ul>
  );
}

export function RegionView({ run }: { run: RunRecord }) {
  const model = regionOf(run);
  const time = usePlayback((s) => s.time);
  const open = useRegion((s) => (s.run === run.id ? s.site : null));
  if (!model) return null;
  const p = plane(model);
  const bar = scaleKm(p.spanKm);
  const moving = tripsAt(model, time);
  const choose = (site: number | null): void => openSite(run.id, open === site ? null : site);
  const onKey = (site: number) => (e: KeyboardEvent<SVGGElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    choose(site);
  };
  return (
    <section className="region" aria-label="Region: the network's sites" data-testid="region-view">
      <svg className="region-map" viewBox={`0 0 ${W} ${H}`} data-testid="region-map">
        <title>Map of the region, distances to scale</title>
        {model.roads.map((r) => {
          const a = model.sites[r.from]!;
          const b = model.sites[r.to]!;
          return (
            <g key={`${r.from}-${r.to}`} className="region-road">
              <line x1={p.x(a.xKm)} y1={p.y(a.yKm)} x2={p.x(b.xKm)} y2={p.y(b.yKm)} />
              {model.roads.length <= ALL_ROADS_UP_TO && (
                <text x={(p.x(a.xKm) + p.x(b.xKm)) / 2} y={(p.y(a.yKm) + p.y(b.yKm)) / 2 - 6} textAnchor="middle">
                  {kmText(r.km)}, about {minutesText(r.minutes)} by road
                </text>
              )}
              <title>{`${a.name} to ${b.name}: ${kmText(r.km)}, about ${minutesText(r.minutes)} by road`}</title>
            </g>
          );
        })}
        {model.sites.map((s, i) => (
          <g
            key={s.id}
            className={`region-site${open === i ? ' open' : ''}`}
            role="button"
            tabIndex={0}
            aria-pressed={open === i}
            aria-label={`${s.name}: ${open === i ? 'showing its 3D scene (press to show the whole region)' : 'open its 3D scene'}`}
            data-testid={`region-site-${s.id}`}
            onClick={() => choose(i)}
            onKeyDown={onKey(i)}
          >
            <circle cx={p.x(s.xKm)} cy={p.y(s.yKm)} r={13} />
            <text x={p.x(s.xKm)} y={p.y(s.yKm) + 28} textAnchor="middle">
              {s.name}
            </text>
          </g>
        ))}
        {moving.map(({ trip, done }) => {
          const a = model.sites[trip.from]!;
          const b = model.sites[trip.to]!;
          return (
            <rect
              key={`${trip.patient}-${trip.start}`}
              className="region-ambulance"
              data-testid="region-ambulance"
              x={p.x(a.xKm + (b.xKm - a.xKm) * done) - 6}
              y={p.y(a.yKm + (b.yKm - a.yKm) * done) - 4}
              width={12}
              height={8}
              rx={2}
            >
              <title>{`A patient on the way from ${a.name} to ${b.name} (${trip.reason})`}</title>
            </rect>
          );
        })}
        <g className="region-scale" aria-hidden="true">
          <line x1={12} y1={H - 14} x2={12 + bar * p.pxPerKm} y2={H - 14} />
          <text x={12} y={H - 20}>
            {bar} km
          </text>
        </g>
      </svg>
      <div className="region-sites">
        <p className="muted" data-testid="region-road-count">
          {moving.length === 0
            ? 'No patient on the road now.'
            : `${moving.length} patient${moving.length === 1 ? '' : 's'} on the road now (ambulance shown as a small box on the map).`}
        </p>
        {model.sites.map((s, i) => (
          <div key={s.id} className="region-site-card" data-testid={`region-card-${s.id}`}>
            <h3>{s.name}</h3>
            <SiteWords model={model} site={i} time={time} />
            <button aria-pressed={open === i} onClick={() => choose(i)} data-testid={`region-open-${s.id}`}>
              {open === i ? 'Show the whole region in 3D' : `Show ${s.name} in 3D`}
            </button>
          </div>
        ))}
      </div>
    </section>
  );
}
