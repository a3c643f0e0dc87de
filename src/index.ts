export * from './core';
export * from './ncc';
export * from './private-link';
