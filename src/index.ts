export * from './core';
export * from './bindings';
export * from './checks';
export * from './egress';
export * from './ncc';
export * from './perimeter';
export * from './private-link';
export * from './storage';
