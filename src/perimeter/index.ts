export * from './service-tag';
export * from './access-mode';
export {
  NetworkSecurityPerimeter,
  NetworkSecurityPerimeterAssociation,
  NetworkSecurityPerimeterProfile,
  NetworkSecurityPerimeterProfileBase,
} from './perimeter';
export type {
  INetworkSecurityPerimeter,
  INetworkSecurityPerimeterProfile,
  NetworkSecurityPerimeterAssociationProps,
  NetworkSecurityPerimeterProfileOptions,
  NetworkSecurityPerimeterProfileProps,
  NetworkSecurityPerimeterProps,
  NspAssociationOptions,
} from './perimeter';
