import { dependable, TerraformDataSource, TerraformElement, TerraformProvider, TerraformResource, TerraformResourceLifecycle, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import type { IPrivateEndpointRuleRef } from './rule-ref';
import { waitExpression } from './selection';
import { PrivateLinkTarget } from './targets';
import { DataAzapiResourceList } from '../bindings/azapi/resource-list';
import { TimeSleep } from '../bindings/time/sleep';
import { resolveValue } from '../core/resolved-index';
import { invalidProp } from '../core/validation';

/** The config of the target's `time_sleep`, mutable while rules are added. */
interface WaitConfig {
  createDuration: string;
  triggers: { [rule: string]: string };
  readonly provider: TerraformProvider;
  readonly lifecycle: TerraformResourceLifecycle;
}

/**
 * The private endpoint connections of one target resource, listed once for every rule on it that is
 * approved automatically (blob and dfs on one account share it): one `time_sleep` that waits only while
 * a rule may still be `CREATING`, and one `azapi_resource_list` read after it. On a steady-state plan
 * the wait has no change, so the list is read at plan time, once per target.
 *
 * Both belong to the first approval on the target (`<rule>/Approval/Wait` and `.../Lookup`).
 */
export class TargetConnections {
  /** The connections of the rule's target, created by the first approval on it. */
  public static of(
    approval: Construct,
    rule: IPrivateEndpointRuleRef,
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
      connections = new TargetConnections(approval, rule.resourceId, target, azapi, waitSeconds, time);
      byTarget.set(key, connections);
    }
    connections.addRule(approval, rule, waitSeconds);
    return connections;
  }

  /** The list of the target's connections. */
  public readonly lookup: DataAzapiResourceList;
  /** `data.azapi_resource_list.<id>.output.value`, the expression the selections read. */
  public readonly connections: string;
  /** How long the target waits while a rule is `CREATING` (0: never). */
  public readonly waitSeconds: number;
  /** The first approval on the target, which owns the wait and the lookup. */
  private readonly owner: Construct;
  /** `<rule fqn>.connection_state` of each rule, for use inside an expression. */
  private readonly states: string[] = [];
  /** The wait's config, written as rules are added (the binding reads it at synth): no token per rule. */
  private readonly waitConfig?: WaitConfig;

  private constructor(
    scope: Construct,
    targetResourceId: string,
    target: PrivateLinkTarget,
    azapi: TerraformProvider,
    waitSeconds: number,
    time: () => TerraformProvider,
  ) {
    this.owner = scope;
    this.waitSeconds = waitSeconds;
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
    if (waitSeconds > 0) {
      this.waitConfig = { createDuration: '', triggers: {}, provider: time(), lifecycle: { ignoreChanges: ['create_duration'] } };
      // Read after the wait, which references the rules (without a wait: after the rules themselves).
      this.lookup.dependsOn = [address(new TimeSleep(scope, 'Wait', this.waitConfig))];
    }
  }

  /**
   * Adds a rule approved on this target: the list is read after the rule exists (after the wait, when
   * there is one), and again whenever a rule of the target is replaced.
   */
  private addRule(scope: Construct, rule: IPrivateEndpointRuleRef, waitSeconds: number): void {
    if (waitSeconds !== this.waitSeconds) {
      invalidProp(
        scope,
        'waitSeconds',
        waitSeconds,
        `rules on one target share one wait, and ${this.owner.node.path} set it to ${this.waitSeconds}s`,
        `approve every rule on the target with the same waitSeconds (${this.waitSeconds})`,
      );
    }
    const fqn = rule.resource.fqn;
    if (this.waitConfig) {
      this.states.push(`${fqn}.connection_state`);
      this.waitConfig.createDuration = waitExpression(this.states, this.waitSeconds);
      // A replaced rule has a new endpoint: the wait is replaced, and waits again.
      this.waitConfig.triggers[rule.node.id] = `\${${fqn}.endpoint_name}`;
    } else {
      (this.lookup.dependsOn ??= []).push(dependable(rule.resource));
    }
  }
}

const REGISTRY = new WeakMap<TerraformStack, Map<string, TargetConnections>>();

/** Resolved target IDs by the string given, so the same token string is resolved once. */
const RESOLVED = new WeakMap<TerraformStack, Map<string, string>>();

/** A key for the target: the ID as synth writes it (two references to one attribute are one target), lowercased as ARM compares IDs. */
function targetKey(scope: Construct, resourceId: string): string {
  if (!Token.isUnresolved(resourceId)) {
    return resourceId.toLowerCase();
  }
  const stack = TerraformStack.of(scope);
  let cache = RESOLVED.get(stack);
  if (!cache) {
    cache = new Map();
    RESOLVED.set(stack, cache);
  }
  let key = cache.get(resourceId);
  if (key === undefined) {
    const resolved = resolveValue(scope, resourceId);
    key = (typeof resolved === 'string' ? resolved : JSON.stringify(resolved)).toLowerCase();
    cache.set(resourceId, key);
  }
  return key;
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
