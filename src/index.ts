export * from './core';
export * from './bindings';
export * from './ncc';
export * from './private-link';
