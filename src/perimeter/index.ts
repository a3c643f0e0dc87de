export * from './service-tag';
export * from './access-mode';
export {
  INetworkSecurityPerimeter,
  INetworkSecurityPerimeterProfile,
  NetworkSecurityPerimeter,
  NetworkSecurityPerimeterAssociation,
  NetworkSecurityPerimeterAssociationProps,
  NetworkSecurityPerimeterProfile,
  NetworkSecurityPerimeterProfileBase,
  NetworkSecurityPerimeterProfileOptions,
  NetworkSecurityPerimeterProfileProps,
  NetworkSecurityPerimeterProps,
  NspAssociationOptions,
} from './perimeter';
