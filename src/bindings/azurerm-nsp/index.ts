
export * from './resources';
