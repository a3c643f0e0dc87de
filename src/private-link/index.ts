export * from './sub-resource';
export * from './targets';
export type { IPrivateEndpointRuleRef } from './rule-ref';
export { ApprovalMode, PrivateEndpointApproval } from './approval';
export type { PrivateEndpointApprovalOptions, PrivateEndpointApprovalProps } from './approval';
