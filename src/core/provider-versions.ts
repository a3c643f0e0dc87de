/**
 * The one place that owns the provider versions the library admits in what it synthesizes. Each
 * bound carries its reason (the README's "Provider versions" section says the same). Floors are only
 * as high as a feature a stack uses, or a bug fixed in it, requires; ceilings are the next major that
 * has not been checked; known-bad versions are excluded. Nothing emitted is an exact pin.
 */

import { unsatisfiable } from './version-constraints';

/** The providers the library emits resources of. */
export type ProviderName = 'azurerm' | 'databricks' | 'azapi' | 'time';

/** A version bound and why it is there. */
export interface VersionBound {
  readonly version: string;
  readonly reason: string;
}

/**
 * A feature's floor. With `unlessBelow`, a stack whose own constraint admits only versions below that
 * version does not get the floor: the feature is then emitted in its older form (see the reason).
 */
export interface FeatureBound extends VersionBound {
  readonly unlessBelow?: VersionBound;
}

/** The admitted range of one provider. */
export interface ProviderRange {
  /** Registry source. */
  readonly source: string;
  /** The lowest version admitted in every stack. */
  readonly floor: VersionBound;
  /** The first version not admitted (the next unchecked major). */
  readonly ceiling: VersionBound;
  /** Versions never admitted. */
  readonly excluded: readonly VersionBound[];
  /** Floors raised by features: a stack that uses the feature admits only this version or newer. */
  readonly features: { readonly [feature: string]: FeatureBound };
}

export const PROVIDER_RANGES: { readonly [name in ProviderName]: ProviderRange } = {
  azurerm: {
    source: 'hashicorp/azurerm',
    floor: {
      version: '4.55.0',
      reason: 'the prebuilt @cdktf/provider-azurerm 14.23.1 bindings were generated from 4.55.0, the oldest schema the library is checked against',
    },
    ceiling: {
      version: '6.0.0',
      reason: '5.x is checked: every azurerm attribute the library and its examples emit exists at v5.2.0, and the NSP types are unchanged from 4.58.0 to 5.2.0',
    },
    excluded: [],
    features: {
      'network-security-perimeter': {
        version: '4.58.0',
        reason: 'azurerm_network_security_perimeter, _profile and _access_rule (with service_tags) first shipped in 4.58.0',
      },
      'network-security-perimeter-association': {
        version: '4.81.0',
        reason: 'before 4.81.0 the association create/update did not wait for Azure to finish (hashicorp/terraform-provider-azurerm#32742), so a failed association could be recorded as created',
      },
    },
  },
  databricks: {
    source: 'databricks/databricks',
    floor: {
      version: '1.99.0',
      reason: 'the prebuilt @cdktf/provider-databricks 15.16.1 bindings were generated from 1.99.0, the oldest schema the library is checked against',
    },
    ceiling: { version: '2.0.0', reason: '1.x is checked up to 1.132.0 (the newest generated schema; the provider source read for plan behaviour goes to 1.128.0); 2.0 would be a new major' },
    excluded: [
      {
        version: '1.114.0',
        reason:
          'regression in resources a stack using this library typically holds next to it, none of which the library emits: state of databricks_library, ' +
          'databricks_share and databricks_quality_monitor written by 1.114.0 cannot be read by 1.115.0 without a manual edit (#5582, reverted in 1.115.0, #5669), ' +
          'and account-level data sources (databricks_service_principal(s), databricks_mws_workspaces, databricks_mws_credentials) fail (#5664, #5672)',
      },
    ],
    features: {
      'network-policy': {
        version: '1.116.0',
        reason:
          'the account API fills ingress.private_access on every network policy written without it, and the provider (1.113.0 and later) then fails the apply with ' +
          '"inconsistent result" (databricks/terraform-provider-databricks#5884), so a policy writes its whole ingress; cross_workspace_access, which the API requires ' +
          'in an ingress, first exists in 1.116.0 (1.113-1.115 know ingress but not all of it: no policy converges there)',
        unlessBelow: {
          version: '1.113.0',
          reason: 'before 1.113.0 the provider has no ingress and drops what the API fills, so a stack that admits only those versions gets the policy without ingress',
        },
      },
      'network-ingress': {
        version: '1.116.0',
        reason:
          'ingress rules (ingress, ingress_dry_run of databricks_account_network_policy) need the whole ingress, and cross_workspace_access, which the API ' +
          'requires in an ingress, first exists in 1.116.0; unlike a policy without ingress rules there is no form for older versions',
      },
      'egress-blocked-domains': {
        version: '1.114.0',
        reason: 'egress.network_access.blocked_internet_destinations of databricks_account_network_policy first exists in 1.114.0 (1.114.0 itself is excluded)',
      },
      'egress-workspace-destinations': {
        version: '1.118.0',
        reason: 'egress.network_access.allowed_databricks_destinations (workspace IDs) of databricks_account_network_policy first exists in 1.118.0',
      },
      'private-link-service-rule': {
        version: '1.106.0',
        reason: 'updating domain_names of a private endpoint rule fails at apply before 1.106.0 (databricks/terraform-provider-databricks#5306, fixed by #5326)',
      },
    },
  },
  azapi: {
    source: 'azure/azapi',
    floor: {
      version: '2.0.1',
      reason: 'the privateEndpointConnections API versions of the approval table are in azapi\'s embedded type data from 2.0.1 on, and azapi_resource_list/azapi_update_resource have the attributes the library uses',
    },
    ceiling: { version: '3.0.0', reason: '2.x is checked up to 2.12.0; no 3.x exists' },
    excluded: [],
    features: {
      'serverless-workspace': {
        version: '2.9.0',
        reason:
          'a serverless-only workspace is Microsoft.Databricks/workspaces@2026-01-01 (computeMode, first in 2025-10-01-preview), which azapi\'s embedded ' +
          'type data has from 2.9.0 on; older versions refuse the API version under their default schema validation',
      },
    },
  },
  time: {
    source: 'hashicorp/time',
    floor: { version: '0.9.0', reason: 'time_sleep has the same schema (create_duration, triggers) from 0.9.0 to 0.14.0' },
    ceiling: { version: '1.0.0', reason: '0.x is checked up to 0.14.0' },
    excluded: [],
    features: {},
  },
};

function newer(a: string, b: string): string {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if (pa[i] !== pb[i]) {
      return pa[i] > pb[i] ? a : b;
    }
  }
  return a;
}

/** Whether a constraint admits only versions below a version (so a feature's `unlessBelow` applies). */
export function onlyBelow(constraint: string | undefined, version: string): boolean {
  return constraint !== undefined && unsatisfiable(constraint, `>= ${version}`) !== undefined;
}

/** The floor for a set of features of a provider: the highest of the base floor and the features' floors. */
export function floorFor(name: ProviderName, features: Iterable<string> = []): VersionBound {
  const range = PROVIDER_RANGES[name];
  let floor = range.floor;
  for (const feature of features) {
    const bound = range.features[feature];
    if (!bound) {
      throw new Error(`internal: unknown ${name} feature ${feature} (src/core/provider-versions.ts)`);
    }
    if (newer(bound.version, floor.version) === bound.version && bound.version !== floor.version) {
      floor = bound;
    }
  }
  return floor;
}

/** The library's constraint for a provider given the features a stack uses, e.g. `>= 1.99.0, != 1.114.0, < 2.0.0`. */
export function constraintFor(name: ProviderName, features: Iterable<string> = []): string {
  const range = PROVIDER_RANGES[name];
  const floor = floorFor(name, features).version;
  const excluded = range.excluded.filter((x) => newer(x.version, floor) === x.version).map((x) => `!= ${x.version}`);
  return [`>= ${floor}`, ...excluded, `< ${range.ceiling.version}`].join(', ');
}
