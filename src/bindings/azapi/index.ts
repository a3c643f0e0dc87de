export * from './provider';
export * from './resource-list';
export * from './update-resource';
export * from './resource';
