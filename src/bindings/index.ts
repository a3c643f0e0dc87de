export type { BindingMetaConfig } from './meta';
export * from './azapi';
export * from './azurerm-nsp';
export * from './time';
