export { TimeProvider, TimeProviderConfig } from './provider';
export * from './sleep';
