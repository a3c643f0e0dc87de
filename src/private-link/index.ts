export * from './sub-resource';
export * from './targets';
export * from './private-endpoint-rule';
export { ApprovalMode, PrivateEndpointApproval } from './approval';
export type { PrivateEndpointApprovalOptions, PrivateEndpointApprovalProps } from './approval';
