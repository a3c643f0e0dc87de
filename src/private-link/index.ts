export * from './sub-resource';
export * from './private-endpoint-rule';
