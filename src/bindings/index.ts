export * from './meta';
export * from './azapi';
export * from './azurerm-nsp';
export * from './time';
