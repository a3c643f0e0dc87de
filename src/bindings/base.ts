import { Aspects, IAspect, TerraformDataSource, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { BindingMetaConfig } from './meta';
import { requireProvider } from '../core/provider-requirements';
import { ProviderName } from '../core/provider-versions';

/** A Terraform provider the library has its own bindings for. */
export interface BindingProviderSpec {
  /** Local name in `required_providers` and the provider's Terraform type, e.g. `azapi`. */
  readonly name: ProviderName;
  /** Registry source, e.g. `azure/azapi`. */
  readonly source: string;
  /** The version constraint the bindings need. */
  readonly versionConstraint: string;
}

/** Config keys that are meta-arguments, not attributes. */
const META_KEYS = new Set(['provider', 'dependsOn', 'lifecycle', 'alias']);

/**
 * A binding's configuration as Terraform attributes: top-level keys in snake_case (`resourceGroupName`
 * -> `resource_group_name`, or as `renames` says), values as given (maps such as `tags` or a free-form
 * `body` keep their keys), meta-arguments left out.
 */
export function terraformAttributes(config: object, renames: Renames = {}): { [name: string]: any } {
  const out: { [name: string]: any } = {};
  for (const [key, value] of Object.entries(config)) {
    if (!META_KEYS.has(key)) {
      out[renames[key] ?? key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = value;
    }
  }
  return out;
}

function generatorMetadata(spec: BindingProviderSpec) {
  return { providerName: spec.name, providerVersionConstraint: spec.versionConstraint };
}

/** The element config of a binding: its Terraform type, its provider's constraint and its meta-arguments. */
function elementConfig(type: string, spec: BindingProviderSpec, config: BindingMetaConfig) {
  return {
    terraformResourceType: type,
    terraformGeneratorMetadata: generatorMetadata(spec),
    provider: config.provider,
    dependsOn: config.dependsOn,
    lifecycle: config.lifecycle,
  };
}

/** Renames of config keys whose snake_case form is not the Terraform name (e.g. `resourceType` -> `type`). */
export type Renames = { [key: string]: string };

/**
 * Base of the library's resource bindings: the Terraform type, the provider's version constraint and
 * the meta-arguments; attributes are the config's keys in snake_case. A binding declares its config
 * interface, its type and the attributes it reads.
 *
 * @internal
 */
export abstract class BindingResource extends TerraformResource {
  private readonly attributes: () => { [name: string]: any };

  protected constructor(scope: Construct, id: string, type: string, spec: BindingProviderSpec, config: BindingMetaConfig, renames?: Renames) {
    super(scope, id, elementConfig(type, spec, config));
    this.attributes = () => terraformAttributes(config, renames);
    requireProvider(this, spec.name);
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return this.attributes();
  }
}

/**
 * Base of the library's data source bindings (see {@link BindingResource}).
 *
 * @internal
 */
export abstract class BindingDataSource extends TerraformDataSource {
  private readonly attributes: () => { [name: string]: any };

  protected constructor(scope: Construct, id: string, type: string, spec: BindingProviderSpec, config: BindingMetaConfig, renames?: Renames) {
    super(scope, id, elementConfig(type, spec, config));
    this.attributes = () => terraformAttributes(config, renames);
    requireProvider(this, spec.name);
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return this.attributes();
  }
}

const defaults = new WeakMap<TerraformStack, Map<string, TerraformProvider>>();

/**
 * Base of the library's provider bindings: source and version constraint, the alias, and
 * registration as the stack's default provider of its type when un-aliased.
 *
 * @internal
 */
export abstract class BindingProvider extends TerraformProvider {
  private readonly bindingConfig: object;
  private _alias?: string;

  protected constructor(scope: Construct, id: string, spec: BindingProviderSpec, config: { readonly alias?: string }) {
    super(scope, id, {
      terraformResourceType: spec.name,
      terraformGeneratorMetadata: generatorMetadata(spec),
      terraformProviderSource: spec.source,
    });
    this.bindingConfig = config;
    this._alias = config.alias;
    registerDefaultProvider(this, config.alias);
    requireProvider(this, spec.name);
  }

  /** The provider alias. */
  public get alias(): string | undefined {
    return this._alias;
  }

  public set alias(value: string | undefined) {
    this._alias = value;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return { alias: this._alias, ...terraformAttributes(this.bindingConfig) };
  }
}

/** Records an un-aliased provider as the stack's default for its type. */
function registerDefaultProvider(provider: TerraformProvider, alias: string | undefined): void {
  if (alias !== undefined) {
    return;
  }
  const stack = TerraformStack.of(provider);
  let byType = defaults.get(stack);
  if (!byType) {
    byType = new Map();
    defaults.set(stack, byType);
  }
  if (!byType.has(provider.terraformResourceType)) {
    byType.set(provider.terraformResourceType, provider);
  }
}

/**
 * The stack's default (un-aliased) provider of a type for the library's resources: one of the library's
 * providers already registered, or one created with `create`. O(1) per call. A provider that the stack
 * declares otherwise (another binding, e.g. generated with `cdktf get`), before or after, is found at
 * synth: the created one is then removed, so the stack has exactly one default configuration of the type
 * (Terraform rejects two). Resources refer to an un-aliased provider by its type alone, so they then use
 * the stack's own. An aliased provider never becomes the default.
 */
export function defaultProvider<T extends TerraformProvider>(scope: Construct, type: string, create: (stack: TerraformStack) => T): T {
  const stack = TerraformStack.of(scope);
  const existing = defaults.get(stack)?.get(type);
  if (existing) {
    return existing as T;
  }
  const created = create(stack);
  Aspects.of(stack).add(new OneDefaultProvider(stack, created));
  return created;
}

/** At synth: removes a provider the library created when the stack has another un-aliased one of its type. */
class OneDefaultProvider implements IAspect {
  constructor(private readonly stack: TerraformStack, private readonly created: TerraformProvider) {}

  public visit(node: IConstruct): void {
    if (node !== this.stack) {
      return;
    }
    const type = this.created.terraformResourceType;
    const others = this.stack.node
      .findAll()
      .filter((c) => c !== this.created && TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === type && c.alias === undefined);
    if (others.length > 0) {
      this.created.node.scope!.node.tryRemoveChild(this.created.node.id);
    }
  }
}
