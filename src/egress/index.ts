export * from './modes';
export { CrossWorkspaceIngress, IngressEnforcement, PrivateIngress, PublicIngress } from './ingress';
export type { ServerlessIngressOptions } from './ingress';
export { ServerlessEgressPolicy } from './policy';
export type { IServerlessEgressPolicy, ServerlessEgressPolicyAttributes, ServerlessEgressPolicyOptions, ServerlessEgressPolicyProps } from './props';
export { EgressPolicyAssignment } from './assignment';
export type { EgressPolicyAssignmentOptions, EgressPolicyAssignmentProps } from './assignment';
export type { EgressStorageDestination } from './destinations';
