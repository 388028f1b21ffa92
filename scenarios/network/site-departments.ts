/**
 * Each site's resources cost to that site's departments. Some kinds compile to
 * a department of their own (an imaging device's is "imaging"), which a merged
 * network would otherwise pool across sites: in a network of two or more sites,
 * a resource whose name carries a site's prefix gets that prefix on its
 * department too, so cost by department, and so cost by site, keeps them apart.
 */
import type { ResourceModel } from '../../sim-core/index.js';
import type { NetworkSectionSpec } from './network-section.js';

export function withSiteDepartments(resources: ResourceModel[], network: NetworkSectionSpec | undefined): ResourceModel[] {
  if (network === undefined || network.sites.length < 2) return resources;
  return resources.map((r) => {
    const site = network.sites.find((s) => s.prefix !== '' && r.name.startsWith(s.prefix));
    return site === undefined || r.department.startsWith(site.prefix) ? r : { ...r, department: site.prefix + r.department };
  });
}
