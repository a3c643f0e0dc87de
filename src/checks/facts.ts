import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { CheckedResource, CheckFacts, NccFacts } from './model';
import { DatabricksAccountLimits } from '../core/account-limits';
import { resolveValue } from '../core/resolved-index';

/** What the constructs of one stack tell the checks that its Terraform JSON does not say. */
class StackFacts {
  public readonly serverlessSubnetIds: string[] = [];
  public readonly manualApprovals: Array<{ rule: TerraformResource; message: string }> = [];
  public readonly nccs: Array<{ key: TerraformResource | string; region?: string; limits: DatabricksAccountLimits }> = [];
  public readonly serviceTagChoices: Array<{ path: string; tag: string }> = [];
  public readonly existingAccounts: Array<{ scope: IConstruct; id: string; values: { [name: string]: any } }> = [];

  /** The facts with addresses and references as synth writes them. */
  public resolve(stack: TerraformStack): { facts: CheckFacts; external: CheckedResource[] } {
    const address = (r: TerraformResource) => `${r.terraformResourceType}.${r.friendlyUniqueId}`;
    const facts: CheckFacts = {
      serverlessSubnetIds: this.serverlessSubnetIds,
      manualApprovals: new Map(this.manualApprovals.map((m) => [address(m.rule), m.message])),
      nccs: new Map<string, NccFacts>(this.nccs.map((n) => [typeof n.key === 'string' ? String(resolveValue(stack, n.key)) : address(n.key), { region: n.region, limits: n.limits }])),
      serviceTagChoices: this.serviceTagChoices,
    };
    const external = this.existingAccounts.map((a): CheckedResource => {
      const id = resolveValue(stack, a.id);
      const values = resolveValue(stack, { ...a.values, id }) as { [name: string]: any };
      return { address: `existing:${String(id)}`, type: 'azurerm_storage_account', values, references: [], path: a.scope.node.path, external: true };
    });
    return { facts, external };
  }
}

const FACTS = new WeakMap<TerraformStack, StackFacts>();

/** The facts of a construct's stack. */
export function factsOf(scope: IConstruct): StackFacts {
  const stack = TerraformStack.of(scope);
  let facts = FACTS.get(stack);
  if (!facts) {
    facts = new StackFacts();
    FACTS.set(stack, facts);
  }
  return facts;
}

/** The facts of a stack, resolved (empty when no construct recorded any). */
export function resolvedFacts(stack: TerraformStack): { facts: CheckFacts; external: CheckedResource[] } {
  return (FACTS.get(stack) ?? new StackFacts()).resolve(stack);
}
