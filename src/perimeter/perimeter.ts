import { TerraformProvider, TerraformResource, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { checkNspName } from './names';
import { NetworkSecurityPerimeterProfile, NetworkSecurityPerimeterProfileOptions } from './profile';
import { AzurermNetworkSecurityPerimeter } from '../bindings/azurerm-nsp/resources';
import { useChecks } from '../checks/pack';
import { checkArmId } from '../core/arm-resource-id';
import { NETWORK_SECURITY_PERIMETER } from '../core/azure-resource-types';
import { openCreationStackScope } from '../core/creation-stacks';
import { AzureRegions } from '../core/regions';

/** A network security perimeter, created here or imported. */
export interface INetworkSecurityPerimeter extends IConstruct {
  /** The perimeter's ARM ID. */
  readonly perimeterId: string;
  /**
   * The azurerm provider used for its profiles, rules and associations.
   * @default - the stack's default azurerm provider
   */
  readonly azurermProvider?: TerraformProvider;
  /** Adds a profile to the perimeter. */
  addProfile(id: string, options: NetworkSecurityPerimeterProfileOptions): NetworkSecurityPerimeterProfile;
}

/** Properties of a {@link NetworkSecurityPerimeter}. */
export interface NetworkSecurityPerimeterProps {
  /** Perimeter name (1-80 characters: letters, digits, `_`, `.`, `-`; starts with a letter or digit). */
  readonly name: string;
  /** Resource group of the perimeter. */
  readonly resourceGroupName: string;
  /** Azure region of the perimeter, Databricks region or not (a region of `AzureRegions` is normalised; others pass as given). */
  readonly location: string;
  /**
   * Tags.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * The azurerm provider.
   * @default - the stack's default azurerm provider
   */
  readonly azurermProvider?: TerraformProvider;
}

/** Attributes of an existing perimeter, for {@link NetworkSecurityPerimeter.fromPerimeterAttributes}. */
export interface NetworkSecurityPerimeterAttributes {
  /** The perimeter's ARM ID (`.../providers/Microsoft.Network/networkSecurityPerimeters/<name>`). */
  readonly perimeterId: string;
  /**
   * The azurerm provider for the profiles added to it.
   * @default - the stack's default azurerm provider
   */
  readonly azurermProvider?: TerraformProvider;
}

/**
 * An Azure network security perimeter (NSP). Profiles hold inbound/outbound access rules; resources
 * join the perimeter through an association to a profile, in an access mode.
 *
 * Uses our own azurerm NSP bindings: the stack admits azurerm from 4.58.0 (4.81.0 with associations),
 * instead of the prebuilt pin 4.55.0, which has no NSP resources.
 */
export class NetworkSecurityPerimeter extends Construct implements INetworkSecurityPerimeter {
  /** Imports an existing perimeter, to add profiles to it. */
  public static fromPerimeterAttributes(scope: Construct, id: string, attrs: NetworkSecurityPerimeterAttributes): INetworkSecurityPerimeter {
    return new ImportedPerimeter(scope, id, attrs);
  }

  /** The perimeter's ARM ID. */
  public readonly perimeterId: string;
  public readonly azurermProvider?: TerraformProvider;
  /** The underlying `azurerm_network_security_perimeter`. */
  public readonly resource: TerraformResource;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param props its configuration
   */
  constructor(scope: Construct, id: string, props: NetworkSecurityPerimeterProps) {
    super(scope, id);
    const stacks = openCreationStackScope(this);
    try {
      useChecks(this);
      checkNspName(this, 'name', props.name);
      this.azurermProvider = props.azurermProvider;
      const location = Token.isUnresolved(props.location) ? props.location : AzureRegions.tryFind(props.location)?.name ?? props.location;
      const resource = new AzurermNetworkSecurityPerimeter(this, 'Resource', {
        name: props.name,
        resourceGroupName: props.resourceGroupName,
        location,
        tags: props.tags,
        provider: props.azurermProvider,
      });
      this.resource = resource;
      this.perimeterId = resource.id;
    } finally {
      stacks.close();
    }
  }

  public addProfile(id: string, options: NetworkSecurityPerimeterProfileOptions): NetworkSecurityPerimeterProfile {
    return new NetworkSecurityPerimeterProfile(this, id, { ...options, perimeter: this });
  }
}

/** A perimeter created elsewhere. */
class ImportedPerimeter extends Construct implements INetworkSecurityPerimeter {
  public readonly perimeterId: string;
  public readonly azurermProvider?: TerraformProvider;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param attrs what is known of the existing object
   */
  constructor(scope: Construct, id: string, attrs: NetworkSecurityPerimeterAttributes) {
    super(scope, id);
    useChecks(this);
    // azurerm parses the perimeter ID case-sensitively (networksecurityperimeterprofiles.ValidateNetworkSecurityPerimeterID).
    checkArmId(this, 'perimeterId', attrs.perimeterId, NETWORK_SECURITY_PERIMETER, true);
    this.perimeterId = attrs.perimeterId;
    this.azurermProvider = attrs.azurermProvider;
  }

  public addProfile(id: string, options: NetworkSecurityPerimeterProfileOptions): NetworkSecurityPerimeterProfile {
    return new NetworkSecurityPerimeterProfile(this, id, { ...options, perimeter: this });
  }
}
