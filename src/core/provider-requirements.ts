import { Aspects, IAspect, TerraformProvider, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { constraintFor, onlyBelow, PROVIDER_RANGES, ProviderName } from './provider-versions';
import { ValidationError } from './validation';
import { parseConstraint, unsatisfiable } from './version-constraints';

/**
 * App context key for a pipeline's own provider ranges, combined with the library's:
 * `{ "azurerm": ">= 4.81.0, < 5.0.0" }` in `cdktf.json` `context`, or `new App({ context })`.
 */
export const PROVIDER_VERSIONS_CONTEXT = 'cdktf-azure-databricks-serverless:providerVersions';

const NAMES = Object.keys(PROVIDER_RANGES) as ProviderName[];

/**
 * What the library needs of each provider in one stack, written to the stack's `required_providers` at
 * synth (an aspect, so it sees the whole stack and the user's own constraints): every provider of the
 * four that the stack declares or the library uses gets the library's range, combined with the
 * stack's own constraint (a `terraform.required_providers.<name>.version` override, or the context
 * key), replacing the exact pins of the prebuilt bindings.
 */
class StackProviderRequirements implements IAspect {
  private readonly features = new Map<ProviderName, Set<string>>();
  /** The stack's own constraint, as first read; and what this aspect wrote, to tell them apart on a later synth. */
  private readonly own = new Map<ProviderName, string | undefined>();
  private readonly written = new Map<ProviderName, string>();

  constructor(private readonly stack: TerraformStack) {}

  public require(name: ProviderName, feature?: string): void {
    let set = this.features.get(name);
    if (!set) {
      set = new Set();
      this.features.set(name, set);
    }
    if (feature) {
      set.add(feature);
    }
  }

  public visit(node: IConstruct): void {
    if (node !== this.stack) {
      return;
    }
    const declared = new Set(
      this.stack.node.findAll().filter((c): c is TerraformProvider => TerraformProvider.isTerraformProvider(c)).map((p) => p.terraformResourceType),
    );
    for (const name of NAMES) {
      if (!this.features.has(name) && !declared.has(name)) {
        continue;
      }
      const own = this.ownConstraint(name);
      const ours = constraintFor(name, [...(this.features.get(name) ?? [])].filter((f) => !this.olderForm(name, f)));
      const combined = own && own !== ours ? `${own}, ${ours}` : ours;
      const conflict = unsatisfiable(combined);
      if (conflict) {
        throw new ValidationError(
          this.stack.node.path,
          `${name} provider version constraint`,
          own,
          `the stack's constraint and the library's ${JSON.stringify(ours)} cannot both hold (${conflict})`,
          `widen your constraint to admit a version in ${JSON.stringify(ours)} ` +
            `(set in terraform.required_providers.${name}.version or the ${PROVIDER_VERSIONS_CONTEXT} context), or drop the feature that needs it; ` +
            'the README section "Provider versions" gives the reason for each bound.',
        );
      }
      this.stack.addOverride(`terraform.required_providers.${name}.version`, combined);
      this.written.set(name, combined);
      // The full source (the prebuilt azurerm binding writes the short "azurerm"), unless the stack set its own.
      if (requiredProviderOverride(this.stack, name, 'source') === undefined) {
        this.stack.addOverride(`terraform.required_providers.${name}.source`, PROVIDER_RANGES[name].source);
      }
    }
  }

  /**
   * Whether a feature is emitted in its older form in this stack: its floor has `unlessBelow` and the
   * stack's own constraint admits only versions below it.
   */
  public olderForm(name: ProviderName, feature: string): boolean {
    const below = PROVIDER_RANGES[name].features[feature]?.unlessBelow;
    return below !== undefined && onlyBelow(this.ownConstraint(name), below.version);
  }

  /** The stack's own constraint: its override (unless it is what we wrote on an earlier synth), else the context. */
  private ownConstraint(name: ProviderName): string | undefined {
    const override = requiredProviderOverride(this.stack, name, 'version');
    if (typeof override === 'string' && override !== this.written.get(name)) {
      this.own.set(name, override);
    } else if (!this.own.has(name)) {
      this.own.set(name, contextConstraint(this.stack, name));
    }
    const own = this.own.get(name);
    const parsed = own === undefined ? undefined : parseConstraint(own);
    if (typeof parsed === 'string') {
      throw new ValidationError(this.stack.node.path, `${name} provider version constraint`, own, parsed,
        'write a Terraform version constraint such as ">= 4.81.0, < 5.0.0"');
    }
    return own;
  }
}

/**
 * The stack's override of `terraform.required_providers.<name>.<key>` (`stack.addOverride`). cdktf keeps
 * overrides in the stack's `rawOverrides` and offers no getter; cdktf 0.21 is the last release.
 */
function requiredProviderOverride(stack: TerraformStack, name: ProviderName, key: 'version' | 'source'): unknown {
  return (stack as any).rawOverrides?.terraform?.required_providers?.[name]?.[key];
}

function contextConstraint(stack: TerraformStack, name: ProviderName): string | undefined {
  let value = stack.node.tryGetContext(PROVIDER_VERSIONS_CONTEXT);
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new ValidationError(stack.node.path, `context ${PROVIDER_VERSIONS_CONTEXT}`, value, 'not a JSON object',
        'give an object such as {"azurerm": ">= 4.81.0, < 5.0.0"}');
    }
  }
  const constraint = value?.[name];
  return typeof constraint === 'string' ? constraint : undefined;
}

const requirements = new WeakMap<TerraformStack, StackProviderRequirements>();

/**
 * Records that a construct's stack emits resources of a provider (and uses a feature that may raise
 * its floor). O(1); the stack's `required_providers` are written once per synth.
 */
export function requireProvider(scope: IConstruct, name: ProviderName, feature?: string): void {
  requirementsOf(scope).require(name, feature);
}

function requirementsOf(scope: IConstruct): StackProviderRequirements {
  const stack = TerraformStack.of(scope);
  let req = requirements.get(stack);
  if (!req) {
    req = new StackProviderRequirements(stack);
    requirements.set(stack, req);
    Aspects.of(stack).add(req);
  }
  return req;
}

/**
 * Whether a construct's stack gets a feature in its older form (see `FeatureBound.unlessBelow`): its own
 * constraint for the provider admits only versions below the feature's `unlessBelow`. Read at synth.
 */
export function usesOlderForm(scope: IConstruct, name: ProviderName, feature: string): boolean {
  return requirementsOf(scope).olderForm(name, feature);
}
