export * from './azapi';
export * from './time';
