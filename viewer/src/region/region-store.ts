/**
 * Which site of a network run the 3D scene shows (null: the whole region),
 * and each site's replay, made when the site is first opened.
 */
import { create } from 'zustand';
import { useMemo } from 'react';
import { buildLayout } from '../layout/hospital-layout.js';
import { runEnd } from '../model/prepare-run.js';
import { prepareReplay, type Replay } from '../replay/index.js';
import type { RunRecord } from '../store/runs.js';
import { useView } from '../store/view.js';
import { buildRegionModel, isRegion, type RegionModel } from './region-model.js';
import { siteTrace } from './site-trace.js';

interface RegionState {
  /** The run and the site (index in the network's sites) whose scene is shown. */
  run: number | null;
  site: number | null;
}

export const useRegion = create<RegionState>(() => ({ run: null, site: null }));

export function openSite(run: number, site: number | null): void {
  // A selected patient or bed is one of the scene shown until now: another scene has other slots.
  useView.setState({ selection: null });
  useRegion.setState({ run, site });
}

const models = new WeakMap<RunRecord, RegionModel | null>();
const replays = new WeakMap<RunRecord, Map<number, Replay>>();

/** The region of a network run of two sites or more (null for a hospital). */
export function regionOf(run: RunRecord): RegionModel | null {
  let model = models.get(run);
  if (model === undefined) {
    model = isRegion(run.scenario) && run.result.trace ? buildRegionModel(run.scenario, run.result.trace) : null;
    models.set(run, model);
  }
  return model;
}

function siteReplay(run: RunRecord, model: RegionModel, site: number): Replay {
  let bySite = replays.get(run);
  if (!bySite) replays.set(run, (bySite = new Map()));
  let replay = bySite.get(site);
  if (!replay) {
    const prefix = model.sites[site]!.prefix;
    const layout = buildLayout(run.scenario, (name) => name.startsWith(prefix));
    replay = prepareReplay(siteTrace(run.result.trace!, model.sites, site), layout, { endTime: runEnd(run.scenario) });
    bySite.set(site, replay);
  }
  return replay;
}

/** The run as its scene shows it: with the open site's replay (and its name) when a site of a network is open. */
export function useSceneRun(run: RunRecord | undefined): { run: RunRecord | undefined; siteName: string | null } {
  const open = useRegion();
  return useMemo(() => {
    if (!run || open.run !== run.id || open.site === null) return { run, siteName: null };
    const model = regionOf(run);
    if (!model || !model.sites[open.site]) return { run, siteName: null };
    return { run: { ...run, replay: siteReplay(run, model, open.site) }, siteName: model.sites[open.site]!.name };
  }, [run, open.run, open.site]);
}
