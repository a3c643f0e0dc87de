export { AzapiProvider } from './provider';
export type { AzapiProviderConfig } from './provider';
export * from './resource-list';
export * from './update-resource';
