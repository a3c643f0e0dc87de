export * from './storage-access';
export * from './serverless-secure-storage';
