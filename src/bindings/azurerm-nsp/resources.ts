import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { BindingMetaConfig } from '../meta';
import { AZURERM_NSP_VERSION_CONSTRAINT, requireAzurermForNsp } from './version';

/** Base of the NSP bindings: azurerm resource type, and the raised azurerm constraint on the stack. */
abstract class AzurermNspResource extends TerraformResource {
  constructor(scope: Construct, id: string, type: string, config: BindingMetaConfig) {
    super(scope, id, {
      terraformResourceType: type,
      terraformGeneratorMetadata: { providerName: 'azurerm', providerVersionConstraint: AZURERM_NSP_VERSION_CONSTRAINT },
      provider: config.provider,
      dependsOn: config.dependsOn,
      lifecycle: config.lifecycle,
    });
    requireAzurermForNsp(this);
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

/** `azurerm_network_security_perimeter` (azurerm >= 4.58). */
export class AzurermNetworkSecurityPerimeter extends AzurermNspResource {
  /** The Terraform type. */
  public static readonly tfResourceType = 'azurerm_network_security_perimeter';
  /** The configuration. */
  public readonly config: AzurermNetworkSecurityPerimeterConfig;

  constructor(scope: Construct, id: string, config: AzurermNetworkSecurityPerimeterConfig) {
    super(scope, id, AzurermNetworkSecurityPerimeter.tfResourceType, config);
    this.config = config;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return { name: c.name, resource_group_name: c.resourceGroupName, location: c.location, tags: c.tags };
  }
}

/** Configuration of {@link AzurermNetworkSecurityPerimeterProfile}. */
export interface AzurermNetworkSecurityPerimeterProfileConfig extends BindingMetaConfig {
  /** Profile name. */
  readonly name: string;
  /** ID of the perimeter. */
  readonly networkSecurityPerimeterId: string;
}

/** `azurerm_network_security_perimeter_profile` (azurerm >= 4.58). */
export class AzurermNetworkSecurityPerimeterProfile extends AzurermNspResource {
  /** The Terraform type. */
  public static readonly tfResourceType = 'azurerm_network_security_perimeter_profile';
  /** The configuration. */
  public readonly config: AzurermNetworkSecurityPerimeterProfileConfig;

  constructor(scope: Construct, id: string, config: AzurermNetworkSecurityPerimeterProfileConfig) {
    super(scope, id, AzurermNetworkSecurityPerimeterProfile.tfResourceType, config);
    this.config = config;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return { name: this.config.name, network_security_perimeter_id: this.config.networkSecurityPerimeterId };
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
   * Inbound service tags (azurerm >= 4.61).
   * @default - none
   */
  readonly serviceTags?: string[];
  /**
   * Outbound FQDNs.
   * @default - none
   */
  readonly fqdns?: string[];
}

/** `azurerm_network_security_perimeter_access_rule` (azurerm >= 4.58; `service_tags` >= 4.61). */
export class AzurermNetworkSecurityPerimeterAccessRule extends AzurermNspResource {
  /** The Terraform type. */
  public static readonly tfResourceType = 'azurerm_network_security_perimeter_access_rule';
  /** The configuration. */
  public readonly config: AzurermNetworkSecurityPerimeterAccessRuleConfig;

  constructor(scope: Construct, id: string, config: AzurermNetworkSecurityPerimeterAccessRuleConfig) {
    super(scope, id, AzurermNetworkSecurityPerimeterAccessRule.tfResourceType, config);
    this.config = config;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      name: c.name,
      network_security_perimeter_profile_id: c.networkSecurityPerimeterProfileId,
      direction: c.direction,
      address_prefixes: c.addressPrefixes,
      subscription_ids: c.subscriptionIds,
      service_tags: c.serviceTags,
      fqdns: c.fqdns,
    };
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

/** `azurerm_network_security_perimeter_association` (azurerm >= 4.58). */
export class AzurermNetworkSecurityPerimeterAssociation extends AzurermNspResource {
  /** The Terraform type. */
  public static readonly tfResourceType = 'azurerm_network_security_perimeter_association';
  /** The configuration. */
  public readonly config: AzurermNetworkSecurityPerimeterAssociationConfig;

  constructor(scope: Construct, id: string, config: AzurermNetworkSecurityPerimeterAssociationConfig) {
    super(scope, id, AzurermNetworkSecurityPerimeterAssociation.tfResourceType, config);
    this.config = config;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      name: c.name,
      network_security_perimeter_profile_id: c.networkSecurityPerimeterProfileId,
      resource_id: c.resourceId,
      access_mode: c.accessMode,
    };
  }
}
