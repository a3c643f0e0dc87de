export * from './serverless-secure-storage';
export * from './storage-access';
export type { ServerlessSecureStorageProps, ServerlessStorageAccountOptions } from './props';
