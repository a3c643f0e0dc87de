import { TerraformProvider } from 'cdktf';
import { IConstruct } from 'constructs';
import type { EgressPolicyAssignment, EgressPolicyAssignmentOptions } from './assignment';
import type { EgressStorageDestination } from './destinations';
import type { ServerlessIngressOptions } from './ingress';
import type { EgressAccess, EgressEnforcement } from './modes';

/** The account's reserved policy, which every workspace without an assignment uses. */
export const DEFAULT_POLICY_ID = 'default-policy';
/** What the API accepts as a policy ID. */
export const POLICY_ID = /^[a-zA-Z0-9_.-]{1,32}$/;

/** A serverless egress (network) policy of the Databricks account, created here, adopted or imported. */
export interface IServerlessEgressPolicy extends IConstruct {
  /** The policy's ID (`network_policy_id`). */
  readonly networkPolicyId: string;
  /**
   * The account-level Databricks provider.
   * @default - the stack's default `databricks` provider
   */
  readonly accountProvider?: TerraformProvider;
  /**
   * Applies the policy to a workspace (`databricks_workspace_network_option`). A workspace has one
   * policy: giving it two anywhere in the app is an error.
   */
  applyTo(id: string, options: EgressPolicyAssignmentOptions): EgressPolicyAssignment;
  /** Allows internet destinations (fully qualified domain names, no wildcards). */
  allowDomains(...domains: string[]): void;
  /** Allows a storage account (one destination per service). */
  allowStorage(destination: EgressStorageDestination): void;
  /**
   * Blocks internet destinations (fully qualified domain names) even where the policy would otherwise let
   * them through. Raises the stack's databricks floor to 1.114.0 (`blocked_internet_destinations`).
   */
  blockDomains(...domains: string[]): void;
  /**
   * Allows other Databricks workspaces as destinations (their numeric IDs). Raises the stack's databricks
   * floor to 1.118.0 (`allowed_databricks_destinations`).
   */
  allowWorkspaces(...workspaceIds: string[]): void;
}

/** Options of a network policy this app manages. */
export interface ServerlessEgressPolicyOptions {
  /**
   * The Databricks account ID, written as `account_id`: databricks provider 1.99-1.112 fail after apply
   * ("inconsistent result") when it is not set.
   * @default - the `accountId` of `accountProvider` (or of the stack's default `databricks` provider)
   */
  readonly accountId?: string;
  /**
   * Account-level Databricks provider (host `https://accounts.azuredatabricks.net` and `account_id`).
   * @default - the stack's default `databricks` provider, which must then be account-level
   */
  readonly accountProvider?: TerraformProvider;
  /**
   * What serverless compute may reach.
   * @default EgressAccess.RESTRICTED
   */
  readonly access?: EgressAccess;
  /**
   * Block what the policy does not allow, or only log it.
   * @default EgressEnforcement.ENFORCED
   */
  readonly enforcement?: EgressEnforcement;
  /**
   * Internet destinations: fully qualified domain names, no wildcards.
   * @default - none
   */
  readonly allowedDomains?: string[];
  /**
   * Storage accounts.
   * @default - none (Unity Catalog external locations are allowed automatically)
   */
  readonly allowedStorage?: EgressStorageDestination[];
  /**
   * Internet destinations to block (fully qualified domain names, no wildcards), enforced by a restricted
   * policy; none may also be allowed. Raises the databricks floor to 1.114.0.
   * @default - none
   */
  readonly blockedDomains?: string[];
  /**
   * Other workspaces serverless compute may reach (numeric workspace IDs, literal or tokens). Raises the
   * databricks floor to 1.118.0.
   * @default - none
   */
  readonly allowedWorkspaces?: string[];
  /**
   * Context-based ingress rules: public IP allow and block lists, registered private endpoints, other
   * workspaces, enforced or in dry run. The policy is one object with both directions, so this construct
   * writes both. Raises the databricks floor to 1.116.0.
   * @default - ingress as open as a policy without ingress settings (public and private access allowed), cross-workspace access refused
   */
  readonly ingress?: ServerlessIngressOptions;
}

/** Properties of a {@link ServerlessEgressPolicy}. */
export interface ServerlessEgressPolicyProps extends ServerlessEgressPolicyOptions {
  /**
   * The policy's ID: 1-32 letters, digits, `_`, `.`, `-`. `default-policy` is reserved: use
   * `ServerlessEgressPolicy.adoptDefaultPolicy` for it.
   */
  readonly networkPolicyId: string;
}

/** Attributes of an existing policy, for {@link ServerlessEgressPolicy.fromPolicyAttributes}. */
export interface ServerlessEgressPolicyAttributes {
  /** The policy's ID. */
  readonly networkPolicyId: string;
  /**
   * The account-level Databricks provider.
   * @default - the stack's default `databricks` provider
   */
  readonly accountProvider?: TerraformProvider;
}
