export * from './core';
export * from './catalog';
export * from './checks';
export * from './egress';
export * from './ncc';
export * from './perimeter';
export * from './private-link';
export * from './storage';
export * from './workspace';
// Our own L1 bindings (azapi, time, azurerm network security perimeter): a submodule, so the API leads with
// the constructs. `import { bindings } from 'cdktf-azure-databricks-serverless'`.
export * as bindings from './bindings';
