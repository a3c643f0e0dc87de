export { TimeProvider } from './provider';
export type { TimeProviderConfig } from './provider';
export * from './sleep';
