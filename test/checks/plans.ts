import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { CheckModel } from '../../src/checks/model';
import { runRules } from '../../src/checks/report';
import { ALL_RULES } from '../../src/checks/rules';
import { newStack, TestStack } from '../util';

/** A test stack whose azurerm provider also uses Entra ID for storage data-plane calls (no ADBS-STORAGE-AZUREAD). */
export function entraStack(id?: string): TestStack {
  const test = newStack(id);
  (test.stack.node.findChild('azurerm') as AzurermProvider).storageUseAzuread = true;
  return test;
}

/** A resource of a hand-written plan: its planned values, what is unknown until apply, and its configuration. */
export interface PlannedResource {
  readonly address: string;
  readonly values?: Record<string, unknown>;
  /** `after_unknown` of its change. */
  readonly unknown?: Record<string, unknown>;
  /** Its configuration expressions (`{ constant_value }`, `{ references }`, blocks as lists); none: not in the configuration. */
  readonly expressions?: Record<string, unknown>;
  readonly mode?: 'managed' | 'data';
}

/** The type of a plan address (`module.a.azurerm_x.y` -> `azurerm_x`). */
function typeOf(address: string): string {
  return address.replace(/^(module\.[^.]+\.)*(data\.)?/, '').split('.')[0];
}

/**
 * A plan as `terraform show -json` prints it, written by hand: root-module resources with `after_unknown`
 * and configuration expressions, and provider configurations (expressions by key).
 */
export function handPlan(resources: PlannedResource[], providers: Record<string, Record<string, unknown>> = {}, constraint = '>= 4.55.0, < 6.0.0'): any {
  const name = (r: PlannedResource) => r.address.split('.').pop();
  return {
    format_version: '1.2',
    planned_values: {
      root_module: {
        resources: resources.map((r) => ({ address: r.address, mode: r.mode ?? (r.address.startsWith('data.') ? 'data' : 'managed'), type: typeOf(r.address), name: name(r), values: r.values ?? {} })),
      },
    },
    resource_changes: resources.map((r) => ({ address: r.address, type: typeOf(r.address), change: { actions: ['create'], after_unknown: r.unknown ?? {} } })),
    configuration: {
      provider_config: Object.fromEntries(Object.entries(providers).map(([key, expressions]) => [key, { name: key.split('.')[0], version_constraint: constraint, expressions }])),
      root_module: {
        resources: resources.filter((r) => r.expressions).map((r) => ({ address: r.address, type: typeOf(r.address), name: name(r), provider_config_key: 'azurerm', expressions: r.expressions })),
      },
    },
  };
}

/** The azurerm provider as the README recommends it, as a plan's configuration writes it. */
export const ENTRA_AZURERM = {
  features: [{ storage: [{ data_plane_available: { constant_value: false } }] }],
  storage_use_azuread: { constant_value: true },
};

/** `<rule> <address>` of every finding of the pack on a plan, in report order. */
export function planFindings(plan: any, facts?: Parameters<typeof CheckModel.fromPlanJson>[1]): string[] {
  return runRules('plan', CheckModel.fromPlanJson(plan, facts), ALL_RULES).findings.map((f) => `${f.ruleId} ${f.address}`);
}

/** The messages of one rule's findings on a plan. */
export function planMessages(plan: any, ruleId: string): string[] {
  return runRules('plan', CheckModel.fromPlanJson(plan), ALL_RULES).findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);
}

/** A constant configuration expression. */
export function constant(value: unknown): { constant_value: unknown } {
  return { constant_value: value };
}

/** A configuration expression that references something (known only after apply when the plan says so). */
export function refs(...references: string[]): { references: string[] } {
  return { references };
}

/** A configured value known only after apply (the plan shows it unknown; the configuration references something). */
export const later = (...references: string[]) => ({ later: references });
/** A value the configuration does not set and the provider computes (Optional+Computed): unknown in the plan. */
export const COMPUTED = { computed: true };

/** A resource of a plan from its settings: known values (constants), `later(...)` and `COMPUTED`. */
export function res(address: string, settings: Record<string, unknown>): PlannedResource {
  const values: Record<string, unknown> = {};
  const unknown: Record<string, unknown> = {};
  const expressions: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(settings)) {
    const v = s as any;
    if (v === COMPUTED) {
      unknown[name] = true;
    } else if (v && typeof v === 'object' && 'later' in v) {
      unknown[name] = true;
      expressions[name] = refs(...v.later);
    } else if (v && typeof v === 'object' && 'unknown' in v && 'value' in v) {
      values[name] = v.value; // a block with parts unknown: { value, unknown, expressions }
      unknown[name] = v.unknown;
      expressions[name] = v.expressions;
    } else {
      values[name] = v;
      expressions[name] = constant(v);
    }
  }
  return { address, values, unknown, expressions };
}

/** A storage account, closed and hardened unless the settings say otherwise. */
export function account(name: string, settings: Record<string, unknown> = {}): PlannedResource {
  return res(`azurerm_storage_account.${name}`, {
    name,
    public_network_access_enabled: false,
    shared_access_key_enabled: false,
    min_tls_version: 'TLS1_2',
    allow_nested_items_to_be_public: false,
    https_traffic_only_enabled: true,
    is_hns_enabled: false,
    network_rules: { value: [{ default_action: 'Deny' }], unknown: [{}], expressions: [{ default_action: constant('Deny') }] },
    ...settings,
  });
}

