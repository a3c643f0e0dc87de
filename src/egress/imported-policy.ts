import { TerraformProvider, Token } from 'cdktf';
import { Construct } from 'constructs';
import { EgressPolicyAssignment, EgressPolicyAssignmentOptions } from './assignment';
import type { EgressStorageDestination } from './destinations';
import { IServerlessEgressPolicy, POLICY_ID, ServerlessEgressPolicyAttributes } from './props';
import { checkAccountProvider } from '../core/account-provider';
import { invalidProp } from '../core/validation';

/** A policy managed elsewhere: it can be applied to workspaces, not changed. */
export class ImportedEgressPolicy extends Construct implements IServerlessEgressPolicy {
  public readonly networkPolicyId: string;
  public readonly accountProvider?: TerraformProvider;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param attrs what is known of the existing object
   */
  constructor(scope: Construct, id: string, attrs: ServerlessEgressPolicyAttributes) {
    super(scope, id);
    if (!Token.isUnresolved(attrs.networkPolicyId) && !POLICY_ID.test(attrs.networkPolicyId)) {
      invalidProp(this, 'networkPolicyId', attrs.networkPolicyId, 'a policy ID is 1-32 letters, digits, "_", "." and "-"', 'pass the ID of the existing policy');
    }
    this.networkPolicyId = attrs.networkPolicyId;
    this.accountProvider = attrs.accountProvider;
    checkAccountProvider(this, attrs.accountProvider);
  }

  public applyTo(id: string, options: EgressPolicyAssignmentOptions): EgressPolicyAssignment {
    return new EgressPolicyAssignment(this, id, {
      ...options,
      networkPolicyId: this.networkPolicyId,
      policyPath: this.node.path,
      accountProvider: this.accountProvider,
    });
  }

  public allowDomains(...domains: string[]): void {
    this.managedElsewhere('allowedDomains', domains);
  }

  public allowStorage(destination: EgressStorageDestination): void {
    this.managedElsewhere('allowedStorage', destination.storageAccountName);
  }

  public blockDomains(...domains: string[]): void {
    this.managedElsewhere('blockedDomains', domains);
  }

  public allowWorkspaces(...workspaceIds: string[]): void {
    this.managedElsewhere('allowedWorkspaces', workspaceIds);
  }

  private managedElsewhere(prop: string, value: unknown): never {
    return invalidProp(
      this,
      prop,
      value,
      `policy ${this.networkPolicyId} is imported: its destinations are managed where it was created`,
      'add the destination there, or manage the policy here (new ServerlessEgressPolicy, or ServerlessEgressPolicy.adoptDefaultPolicy for default-policy)',
    );
  }
}
