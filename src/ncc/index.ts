export * from './network-connectivity-config';
export * from './workspace-binding';
export * from './private-endpoint-rule';
