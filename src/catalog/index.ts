export * from './storage-credential';
export * from './external-location';
export * from './catalog';
export type { UnityCatalogGrant } from './privileges';
