import { Construct } from 'constructs';
import { AZURERM_NSP } from './version';
import { requireProvider } from '../../core/provider-requirements';
import { BindingResource } from '../base';
import { BindingMetaConfig } from '../meta';

/** Base of the NSP bindings: azurerm resource type, and the raised azurerm floor of the stack. */
abstract class AzurermNspResource extends BindingResource {
  constructor(scope: Construct, id: string, type: string, config: BindingMetaConfig, feature = 'network-security-perimeter') {
    super(scope, id, type, AZURERM_NSP, config);
    requireProvider(this, 'azurerm', feature);
  }

  /** The resource's ARM ID. */
  public get id(): string {
    return this.getStringAttribute('id');
  }
}

/** Configuration of {@link AzurermNetworkSecurityPerimeter}. */
export interface AzurermNetworkSecurityPerimeterConfig extends BindingMetaConfig {
  /** Perimeter name. */
  readonly name: string;
  /** Resource group name. */
  readonly resourceGroupName: string;
  /** Azure region. */
  readonly location: string;
  /**
   * Tags.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** `azurerm_network_security_perimeter` (azurerm >= 4.58.0). */
export class AzurermNetworkSecurityPerimeter extends AzurermNspResource {
  /** The Terraform type. */
  public static readonly tfResourceType = 'azurerm_network_security_perimeter';
  /** The configuration. */
  public readonly config: AzurermNetworkSecurityPerimeterConfig;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform address, so keep it stable
   * @param config its arguments, as Terraform names them in camelCase
   */
  constructor(scope: Construct, id: string, config: AzurermNetworkSecurityPerimeterConfig) {
    super(scope, id, AzurermNetworkSecurityPerimeter.tfResourceType, config);
    this.config = config;
  }
}

/** Configuration of {@link AzurermNetworkSecurityPerimeterProfile}. */
export interface AzurermNetworkSecurityPerimeterProfileConfig extends BindingMetaConfig {
  /** Profile name. */
  readonly name: string;
  /** ID of the perimeter. */
  readonly networkSecurityPerimeterId: string;
}

/** `azurerm_network_security_perimeter_profile` (azurerm >= 4.58.0). */
export class AzurermNetworkSecurityPerimeterProfile extends AzurermNspResource {
  /** The Terraform type. */
  public static readonly tfResourceType = 'azurerm_network_security_perimeter_profile';
  /** The configuration. */
  public readonly config: AzurermNetworkSecurityPerimeterProfileConfig;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform address, so keep it stable
   * @param config its arguments, as Terraform names them in camelCase
   */
  constructor(scope: Construct, id: string, config: AzurermNetworkSecurityPerimeterProfileConfig) {
    super(scope, id, AzurermNetworkSecurityPerimeterProfile.tfResourceType, config);
    this.config = config;
  }
}

/** Configuration of {@link AzurermNetworkSecurityPerimeterAccessRule}: exactly one of the four lists. */
export interface AzurermNetworkSecurityPerimeterAccessRuleConfig extends BindingMetaConfig {
  /** Rule name. */
  readonly name: string;
  /** ID of the profile. */
  readonly networkSecurityPerimeterProfileId: string;
  /** `Inbound` or `Outbound`. */
  readonly direction: string;
  /**
   * Inbound CIDR prefixes.
   * @default - none
   */
  readonly addressPrefixes?: string[];
  /**
   * Inbound subscriptions (`/subscriptions/<guid>`).
   * @default - none
   */
  readonly subscriptionIds?: string[];
  /**
   * Inbound service tags.
   * @default - none
   */
  readonly serviceTags?: string[];
  /**
   * Outbound FQDNs.
   * @default - none
   */
  readonly fqdns?: string[];
}

/** `azurerm_network_security_perimeter_access_rule` (azurerm >= 4.58.0). */
export class AzurermNetworkSecurityPerimeterAccessRule extends AzurermNspResource {
  /** The Terraform type. */
  public static readonly tfResourceType = 'azurerm_network_security_perimeter_access_rule';
  /** The configuration. */
  public readonly config: AzurermNetworkSecurityPerimeterAccessRuleConfig;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform address, so keep it stable
   * @param config its arguments, as Terraform names them in camelCase
   */
  constructor(scope: Construct, id: string, config: AzurermNetworkSecurityPerimeterAccessRuleConfig) {
    super(scope, id, AzurermNetworkSecurityPerimeterAccessRule.tfResourceType, config);
    this.config = config;
  }
}

/** Configuration of {@link AzurermNetworkSecurityPerimeterAssociation}. */
export interface AzurermNetworkSecurityPerimeterAssociationConfig extends BindingMetaConfig {
  /** Association name. */
  readonly name: string;
  /** ID of the profile. */
  readonly networkSecurityPerimeterProfileId: string;
  /** ID of the associated resource. */
  readonly resourceId: string;
  /** `Learning`, `Audit` or `Enforced`. */
  readonly accessMode: string;
}

/** `azurerm_network_security_perimeter_association` (azurerm >= 4.58.0). */
export class AzurermNetworkSecurityPerimeterAssociation extends AzurermNspResource {
  /** The Terraform type. */
  public static readonly tfResourceType = 'azurerm_network_security_perimeter_association';
  /** The configuration. */
  public readonly config: AzurermNetworkSecurityPerimeterAssociationConfig;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform address, so keep it stable
   * @param config its arguments, as Terraform names them in camelCase
   */
  constructor(scope: Construct, id: string, config: AzurermNetworkSecurityPerimeterAssociationConfig) {
    // Association create/update waits for Azure from 4.81.0 on.
    super(scope, id, AzurermNetworkSecurityPerimeterAssociation.tfResourceType, config, 'network-security-perimeter-association');
    this.config = config;
  }
}
