export * from './service-tag';
export * from './access-mode';
export { NetworkSecurityPerimeter } from './perimeter';
export type { INetworkSecurityPerimeter, NetworkSecurityPerimeterAttributes, NetworkSecurityPerimeterProps } from './perimeter';
export { NetworkSecurityPerimeterProfile } from './profile';
export type {
  INetworkSecurityPerimeterProfile,
  NetworkSecurityPerimeterProfileAttributes,
  NetworkSecurityPerimeterProfileOptions,
  NetworkSecurityPerimeterProfileProps,
} from './profile';
export { NetworkSecurityPerimeterAssociation } from './association';
export type { NetworkSecurityPerimeterAssociationProps, NspAssociationOptions } from './association';
