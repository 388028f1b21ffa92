/**
 * The resource kinds of the scenario language, in one table. Its order is the
 * order of the compiled model's resources (wards first, then staff, rooms,
 * devices, other resources), which the trace's resource indices, and so the
 * golden traces, follow: a new kind goes at the end. Everything that needs to
 * know what kinds there are reads this table: the schema, the reference
 * checks, the compiler, the figure catalogue, the state of today, the CLI's
 * event logs, sweep paths and the viewer's floor plan.
 */
import { z } from 'zod';
import type { ResourceKind, ResourceModel } from '../../sim-core/index.js';
import type { SectionId } from '../figure-catalogue.js';
import type { Scenario } from '../schema/scenario.js';
import { device } from './device.js';
import type { LayoutSpec, Problem, ResourceKindModule, TodayChange } from './kind.js';
import { pool } from './pool.js';
import { room } from './room.js';
import { staff } from './staff.js';
import { ward } from './ward.js';

export type { LayoutSpec, ResourceKindModule, SlotShape, TodayChange, ZoneKind } from './kind.js';

export const RESOURCE_KIND_MODULES = [ward, staff, room, device, pool] as const;

type Modules = (typeof RESOURCE_KIND_MODULES)[number];

/** The scenario's sections of resources, each a list of its kind that defaults to none. */
export const RESOURCE_SECTIONS = Object.fromEntries(RESOURCE_KIND_MODULES.map((m) => [m.section, z.array(m.schema).default([])])) as {
  [M in Modules as M['section']]: z.ZodDefault<z.ZodArray<M['schema']>>;
};

/** One resource as the scenario declares it: its module, the element and where it is. */
export interface DeclaredResource {
  module: ResourceKindModule;
  element: { id: string };
  /** Its path in the scenario: `wards[2]`. */
  path: string;
}

const modules: readonly ResourceKindModule[] = RESOURCE_KIND_MODULES;

/** Every resource of the scenario in the table's order: the order of the compiled model's resources. */
export function declaredResources(s: Pick<Scenario, Modules['section']>): DeclaredResource[] {
  const sections = s as unknown as Record<string, { id: string }[]>;
  return modules.flatMap((module) => sections[module.section]!.map((element, i) => ({ module, element, path: `${module.section}[${i}]` })));
}

/** The kernel's resource rows, each compiled by its kind's module. */
export function compileResources(s: Scenario): ResourceModel[] {
  return declaredResources(s).map((r) => r.module.compile(r.element));
}

/** How the viewer draws each resource, index for index with the compiled model's resources. */
export function resourceLayouts(s: Scenario): LayoutSpec[] {
  return declaredResources(s).map((r) => r.module.layout(r.element));
}

/** Resources share one namespace (steps name them alike): each id declared once. Returns what each id is: its kind's module. */
export function declareResources(s: Scenario, problem: Problem): Map<string, ResourceKindModule> {
  const kindOf = new Map<string, ResourceKindModule>();
  for (const { module, element, path } of declaredResources(s)) {
    const before = kindOf.get(element.id);
    if (before !== undefined) problem(`${path}.id`, `"${element.id}" is already used by ${before.noun}`);
    else kindOf.set(element.id, module);
  }
  return kindOf;
}

/** Each resource's own checks, by its kind's module. */
export function checkResources(s: Scenario, problem: Problem): void {
  for (const { module, element, path } of declaredResources(s)) module.check?.(element, path, problem);
}

/** What a resource that is none of them is not: "a ward, staff group, operating room, imaging device or resource". */
export function resourceNouns(): string {
  const nouns = modules.map((m) => m.noun.replace(/^an? /, ''));
  return `${modules[0]!.noun.match(/^an? /)![0]}${nouns.slice(0, -1).join(', ')} or ${nouns.at(-1)!}`;
}

/** The module whose elements compile to the kernel's `kind`. */
export function kindModuleOf(kind: ResourceKind): ResourceKindModule {
  const m = modules.find((x) => x.kinds.includes(kind));
  if (!m) throw new Error(`no scenario module compiles to the resource kind "${kind}"`);
  return m;
}

/** The report section of a kernel kind's figures. */
export function figureSectionOf(kind: ResourceKind): SectionId {
  return kindModuleOf(kind).figureSection;
}

/** Whether a state of today may make `change` to a resource of this kind. */
export function allowsToday(kind: ResourceKind, change: TodayChange): boolean {
  return modules.some((m) => m.kinds.includes(kind) && m.today === change);
}

/** Names people read for the scenario's resources, where the kind gives one. */
export function resourceNames(s: Scenario): Map<string, string> {
  const names = new Map<string, string>();
  for (const { module, element } of declaredResources(s)) {
    const name = module.plainName(element);
    if (name !== undefined) names.set(element.id, name);
  }
  return names;
}

/** Each resource id as an object type of an event log (OCEL): "ward", "operating room". */
export function eventLogTypes(s: Scenario): Map<string, string> {
  return new Map(declaredResources(s).map(({ module, element }) => [element.id, module.eventLogNoun]));
}

/** Singular nouns of the resource sections, so a sweep path's message reads "no ward with id …". */
export const RESOURCE_ELEMENT_NOUNS: Readonly<Record<string, string>> = Object.fromEntries(modules.map((m) => [m.section, m.element]));
