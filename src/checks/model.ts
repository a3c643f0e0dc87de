import { planProviders, planResources } from './plan-values';
import { isExpression, referencesIn, resourceAddressOf } from './references';
export { isExpression, referencesIn, resourceAddressOf, valueAt } from './references';
import { DatabricksAccountLimits } from '../core/account-limits';

/**
 * The one resource model the checks run on. Two inputs feed it: a synthesized stack (cdktf's Terraform
 * JSON, `cdk.tf.json`) and a Terraform plan (`terraform show -json <planfile>`). A rule is written once,
 * against this model.
 */

/** A Terraform resource or data source as the checks see it. */
export interface CheckedResource {
  /** Its address, e.g. `azurerm_storage_account.lake` or `data.azapi_resource_list.x`. */
  readonly address: string;
  /** The Terraform type. */
  readonly type: string;
  /** Its configuration values: references are `${...}` expressions in synthesized JSON; a plan holds known values only. */
  readonly values: { readonly [name: string]: any };
  /** Everything its configuration references, e.g. `azurerm_storage_account.lake.id`, `local.x`. */
  readonly references: readonly string[];
  /** The construct path, when the input is a cdktf stack (suppressions match it). */
  readonly path?: string;
  /** Not in the configuration: an existing resource a construct described (its settings are not known). */
  readonly external?: boolean;
  /** The provider configuration it uses, e.g. `azurerm` or `azurerm.other` (default: its type's prefix). */
  readonly provider?: string;
}

/** A provider configuration of the input: its key (`azurerm`, `azurerm.<alias>`) and its arguments. */
export interface CheckedProvider {
  readonly key: string;
  /** Its arguments as written (a plan gives constant values only). */
  readonly values: { readonly [name: string]: any };
}

/** An NCC as its construct knows it. */
export interface NccFacts {
  /** Its region (ARM name), when literal. */
  readonly region?: string;
  /** Its account limits, with the defaults filled in. */
  readonly limits: DatabricksAccountLimits;
}

/** Facts the constructs know and the Terraform JSON does not say (empty for a plan file). */
export interface CheckFacts {
  /** Literal IDs of the NCCs' legacy serverless subnets. */
  readonly serverlessSubnetIds: readonly string[];
  /** Addresses of private endpoint rules approved by hand (`ApprovalMode.MANUAL`), with what to approve. */
  readonly manualApprovals: ReadonlyMap<string, string>;
  /** What the NCCs of the stack declare, by address (created) or literal ID (imported): region and account limits. */
  readonly nccs: ReadonlyMap<string, NccFacts>;
  /** Service tags chosen for the service-tag path of a storage pattern, by construct path. */
  readonly serviceTagChoices: ReadonlyArray<{ readonly path: string; readonly tag: string }>;
}

const META = new Set(['//', 'depends_on', 'provider', 'lifecycle', 'count', 'for_each', 'provisioner', 'connection']);

/** The checks' view of one stack or plan. */
export class CheckModel {
  /** A synthesized stack: cdktf's Terraform JSON (with its `//` metadata, for construct paths). */
  public static fromTerraformJson(json: any, facts?: Partial<CheckFacts>, external: CheckedResource[] = []): CheckModel {
    const resources: CheckedResource[] = [...external];
    for (const [group, prefix] of [['resource', ''], ['data', 'data.']] as const) {
      for (const [type, byName] of Object.entries<any>(json?.[group] ?? {})) {
        for (const [name, body] of Object.entries<any>(byName ?? {})) {
          const values = Object.fromEntries(Object.entries<any>(body ?? {}).filter(([k]) => !META.has(k)));
          const provider = typeof body?.provider === 'string' ? body.provider : undefined;
          resources.push(lazyReferences({ address: `${prefix}${type}.${name}`, type, values, path: body?.['//']?.metadata?.path, provider }, body));
        }
      }
    }
    const locals = new Map(Object.entries<any>(json?.locals ?? {}).map(([name, value]) => [name, referencesIn(value)]));
    const providers: CheckedProvider[] = Object.entries<any>(json?.provider ?? {}).flatMap(([name, configs]) =>
      (Array.isArray(configs) ? configs : [configs]).map((c: any) => ({ key: c?.alias ? `${name}.${c.alias}` : name, values: c ?? {} })));
    const constraints = Object.fromEntries(
      Object.entries<any>(json?.terraform?.required_providers ?? {}).filter(([, r]) => typeof r?.version === 'string').map(([name, r]) => [name, r.version as string]),
    );
    return new CheckModel(resources, locals, facts, providers, constraints);
  }

  /**
   * A plan as `terraform show -json <planfile>` prints it: the planned values (values known only after
   * apply read as expressions, as in synthesized JSON, or as unset when the configuration does not set
   * them: `planValues`), the data sources read while planning, and the references of the configuration
   * (inside a module, as plan addresses of the module instance).
   */
  public static fromPlanJson(plan: any, facts?: Partial<CheckFacts>): CheckModel {
    const { providers, constraints } = planProviders(plan);
    return new CheckModel(planResources(plan), new Map(), facts, providers, constraints);
  }

  /**
   * Whether a JSON document is a plan (`terraform show -json`) rather than synthesized Terraform JSON. The
   * command checks more strictly what it is given (`inputKind` in cli.ts).
   */
  public static isPlanJson(json: any): boolean {
    return json !== null && typeof json === 'object' && ('planned_values' in json || 'resource_changes' in json);
  }

  public readonly resources: readonly CheckedResource[];
  public readonly facts: CheckFacts;
  /** The provider configurations of the input. */
  public readonly providers: readonly CheckedProvider[];
  /** The version constraints of `required_providers` (a plan: of the root module's provider configurations), by provider name. */
  public readonly constraints: { readonly [name: string]: string };
  private readonly locals: ReadonlyMap<string, string[]>;
  private readonly byType = new Map<string, CheckedResource[]>();
  private readonly byAddress = new Map<string, CheckedResource>();
  /** Resources by literal `id` (lowercased, as ARM compares IDs): existing accounts, and plans of existing resources. */
  private readonly byId = new Map<string, CheckedResource>();
  /** Per `<type> <attribute>`: the resources of the type, by the address of what that attribute points at. */
  private readonly referrerIndex = new Map<string, Map<string, CheckedResource[]>>();

  private constructor(
    resources: CheckedResource[],
    locals: ReadonlyMap<string, string[]>,
    facts: Partial<CheckFacts> = {},
    providers: CheckedProvider[] = [],
    constraints: { [name: string]: string } = {},
  ) {
    this.resources = resources;
    this.providers = providers;
    this.constraints = constraints;
    this.locals = locals;
    this.facts = {
      serverlessSubnetIds: facts.serverlessSubnetIds ?? [],
      manualApprovals: facts.manualApprovals ?? new Map(),
      nccs: facts.nccs ?? new Map(),
      serviceTagChoices: facts.serviceTagChoices ?? [],
    };
    for (const r of resources) {
      this.byAddress.set(r.address, r);
      const id = r.values.id;
      if (typeof id === 'string' && !isExpression(id)) {
        this.byId.set(id.toLowerCase(), r);
      }
      const list = this.byType.get(r.type) ?? [];
      list.push(r);
      this.byType.set(r.type, list);
    }
  }

  /** The managed resources of some types (data sources are left out). */
  public ofType(...types: string[]): CheckedResource[] {
    return types.flatMap((t) => this.byType.get(t) ?? []).filter((r) => !r.address.startsWith('data.'));
  }

  /** The managed resources and data sources of some types. */
  public withData(...types: string[]): CheckedResource[] {
    return types.flatMap((t) => this.byType.get(t) ?? []);
  }

  /** The resource at an address. */
  public get(address: string): CheckedResource | undefined {
    return this.byAddress.get(address);
  }

  /**
   * The addresses of the resources a resource references (through locals too), e.g.
   * `azurerm_storage_account.lake` for `${azurerm_storage_account.lake.id}`.
   */
  public referencedAddresses(resource: CheckedResource | readonly string[]): Set<string> {
    const out = new Set<string>();
    const seen = new Set<string>();
    const visit = (refs: readonly string[]) => {
      for (const ref of refs) {
        const local = /^local\.([A-Za-z0-9_-]+)/.exec(ref);
        if (local) {
          if (!seen.has(local[1])) {
            seen.add(local[1]);
            visit(this.locals.get(local[1]) ?? []);
          }
          continue;
        }
        const address = resourceAddressOf(ref);
        if (address) {
          out.add(address);
        }
      }
    };
    visit(Array.isArray(resource) ? resource : (resource as CheckedResource).references);
    return out;
  }

  /**
   * What an attribute of a resource points at: the resources it references (directly or through
   * locals), or the resource whose literal ID it holds (ARM IDs compare case-insensitively).
   */
  public targetsOf(resource: CheckedResource, attribute: string): CheckedResource[] {
    const value = resource.values[attribute];
    const out: CheckedResource[] = [];
    for (const address of this.addressesIn(value)) {
      const target = this.byAddress.get(address);
      if (target) {
        out.push(target);
      }
    }
    const byId = typeof value === 'string' && !isExpression(value) ? this.byId.get(value.toLowerCase()) : undefined;
    if (byId && !out.includes(byId)) {
      out.push(byId);
    }
    return out;
  }

  /** The resources of a type whose attribute points at a target (an index built once per type and attribute). */
  public referrers(target: CheckedResource, type: string, attribute: string): CheckedResource[] {
    const key = `${type} ${attribute}`;
    let index = this.referrerIndex.get(key);
    if (!index) {
      const built = new Map<string, CheckedResource[]>();
      for (const r of this.ofType(type)) {
        for (const t of this.targetsOf(r, attribute)) {
          const list = built.get(t.address) ?? [];
          list.push(r);
          built.set(t.address, list);
        }
      }
      index = built;
      this.referrerIndex.set(key, index);
    }
    return index.get(target.address) ?? [];
  }

  /** The references in one value (an attribute's), resolved to resource addresses. */
  public addressesIn(value: unknown): Set<string> {
    return this.referencedAddresses(referencesIn(value));
  }
}

/** A resource whose references are read from its body when first asked for (most rules never ask). */
function lazyReferences(resource: Omit<CheckedResource, 'references'>, body: unknown): CheckedResource {
  let references: string[] | undefined;
  return Object.defineProperty(resource, 'references', {
    enumerable: true,
    get: () => (references ??= referencesIn(body)),
  }) as CheckedResource;
}
