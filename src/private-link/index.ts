export * from './sub-resource';
export * from './targets';
export * from './private-endpoint-rule';
export {
  ApprovalMode,
  PrivateEndpointApproval,
  PrivateEndpointApprovalOptions,
  PrivateEndpointApprovalProps,
} from './approval';
