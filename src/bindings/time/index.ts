export * from './provider';
export * from './sleep';
