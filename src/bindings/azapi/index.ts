export { AzapiProvider, AzapiProviderConfig } from './provider';
export * from './resource-list';
export * from './update-resource';
