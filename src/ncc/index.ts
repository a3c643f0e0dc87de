export * from './network-connectivity-config';
export * from './workspace-binding';
