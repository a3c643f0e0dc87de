export * from './serverless-workspace';
