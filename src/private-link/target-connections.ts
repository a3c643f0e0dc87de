import { dependable, TerraformDataSource, TerraformElement, TerraformProvider, TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { IPrivateEndpointRuleRef, RuleAttribute, ruleAttribute } from './rule-ref';
import { waitExpression } from './selection';
import { PrivateLinkTarget } from './targets';
import { DataAzapiResourceList } from '../bindings/azapi/resource-list';
import { TimeSleep } from '../bindings/time/sleep';
import { resolveString } from '../core/resolved-index';
import { invalidProp } from '../core/validation';

/**
 * The private endpoint connections of one target resource, listed once for every rule on it that is
 * approved automatically (blob and dfs on one account share the list): one `azapi_resource_list`, read
 * after every rule of the target exists. Each rule waits on its own (`time_sleep`, only while it may still
 * be `CREATING`), so a rule added to the target, or one replaced, replaces nothing that another rule's
 * approval depends on: the list is read again at that apply, and the other approvals keep what they
 * approved (see PrivateEndpointApproval). On a steady-state plan no wait has a change, so the list is
 * read at plan time, once per target.
 *
 * The list belongs to the first approval on the target (`<rule>/Approval/Lookup`); each wait to its
 * rule's approval (`<rule>/Approval/Wait`).
 */
export class TargetConnections {
  /** The connections of the rule's target (created by the first approval on it), after the rule's wait. */
  public static of(
    approval: Construct,
    rule: IPrivateEndpointRuleRef,
    endpointName: RuleAttribute,
    target: PrivateLinkTarget,
    azapi: TerraformProvider,
    waitSeconds: number,
    time: () => TerraformProvider,
  ): TargetConnections {
    const stack = TerraformStack.of(approval);
    let byTarget = REGISTRY.get(stack);
    if (!byTarget) {
      byTarget = new Map();
      REGISTRY.set(stack, byTarget);
    }
    const key = `${targetKey(approval, rule.resourceId)}|${target.connectionsType}|${azapi.node.path}`;
    let connections = byTarget.get(key);
    if (!connections) {
      connections = new TargetConnections(approval, rule.resourceId, target, azapi);
      byTarget.set(key, connections);
    }
    connections.addRule(approval, rule, endpointName, waitSeconds, time);
    return connections;
  }

  /** The list of the target's connections. */
  public readonly lookup: DataAzapiResourceList;
  /** `data.azapi_resource_list.<id>.output.value`, the expression the selections read. */
  public readonly connections: string;

  private constructor(scope: Construct, targetResourceId: string, target: PrivateLinkTarget, azapi: TerraformProvider) {
    this.lookup = new DataAzapiResourceList(scope, 'Lookup', {
      resourceType: target.connectionsType,
      parentId: targetResourceId,
      // Asked for explicitly: with the provider's default output disabled, `output` would be empty.
      responseExportValues: ['value'],
      provider: azapi,
    });
    // The wait and the lookup are this library's own elements in one scope: they are referenced by their
    // addresses, without a token each (every cdktf token captures a stack trace).
    this.connections = `${address(this.lookup)}.output.value`;
    this.lookup.dependsOn = [];
  }

  /**
   * Adds a rule approved on this target: the list is read after the rule exists, and after the rule's
   * own wait when it has one (`waitSeconds` > 0) while the rule is `CREATING`. The wait is replaced (and
   * waits again) only when its own rule is replaced (a new endpoint name).
   */
  private addRule(scope: Construct, rule: IPrivateEndpointRuleRef, endpoint: RuleAttribute, waitSeconds: number, time: () => TerraformProvider) {
    if (waitSeconds > 0) {
      const state = ruleAttribute(scope, rule, 'connection_state', () => rule.connectionState);
      const wait = new TimeSleep(scope, 'Wait', {
        createDuration: waitExpression([state.expression], waitSeconds),
        triggers: { [rule.node.id]: endpoint.value },
        provider: time(),
        lifecycle: { ignoreChanges: ['create_duration'] },
      });
      this.lookup.dependsOn!.push(address(wait));
    } else {
      const resource = rule.node.defaultChild;
      if (!resource || !TerraformResource.isTerraformResource(resource)) {
        invalidProp(scope, 'waitSeconds', 0, `rule ${rule.node.path} has no Terraform resource as its default child to read the connections after`, 'wait (waitSeconds > 0), or give the rule its resource as default child');
      }
      this.lookup.dependsOn!.push(dependable(resource as TerraformResource));
    }
  }
}

const REGISTRY = new WeakMap<TerraformStack, Map<string, TargetConnections>>();

/** A key for the target: the ID as synth writes it (two references to one attribute are one target), lowercased as ARM compares IDs. */
function targetKey(scope: Construct, resourceId: string): string {
  if (!Token.isUnresolved(resourceId)) {
    return resourceId.toLowerCase();
  }
  // Resolved once per stack (the rule resolved the same string already).
  const resolved = resolveString(scope, resourceId);
  return (typeof resolved === 'string' ? resolved : JSON.stringify(resolved)).toLowerCase();
}

/**
 * The address of one of the library's own elements (`time_sleep.<id>`, `data.<type>.<id>`, `local.<id>`),
 * for references from elements of the same stack. Unlike `fqn` it makes no token; only for elements
 * whose logical ID nothing overrides.
 */
export function address(element: TerraformElement): string {
  if (TerraformDataSource.isTerraformDataSource(element)) {
    return `data.${element.terraformResourceType}.${element.friendlyUniqueId}`;
  }
  if (TerraformResource.isTerraformResource(element)) {
    return `${element.terraformResourceType}.${element.friendlyUniqueId}`;
  }
  return `local.${element.friendlyUniqueId}`;
}
