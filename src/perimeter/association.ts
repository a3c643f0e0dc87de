import { TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { NspAccessMode } from './access-mode';
import { checkNspName } from './names';
import type { INetworkSecurityPerimeterProfile } from './profile';
import { AzurermNetworkSecurityPerimeterAssociation } from '../bindings/azurerm-nsp/resources';
import { useChecks } from '../checks/pack';
import { appScoped } from '../core/app-registry';
import { armTypeOfResolved, checkArmId, checkIdReference } from '../core/arm-resource-id';
import { claimOnce } from '../core/claims';
import { openCreationStackScope } from '../core/creation-stacks';
import { resolveValue } from '../core/resolved-index';
import { invalidProp } from '../core/validation';

/** Options of an association. */
export interface NspAssociationOptions {
  /** ARM ID of the resource to associate (literal or token). */
  readonly resourceId: string;
  /**
   * Access mode.
   * @default NspAccessMode.LEARNING
   */
  readonly accessMode?: NspAccessMode;
  /**
   * Association name.
   * @default - the construct ID
   */
  readonly name?: string;
}

/** Properties of a {@link NetworkSecurityPerimeterAssociation}. */
export interface NetworkSecurityPerimeterAssociationProps extends NspAssociationOptions {
  /** The profile to associate the resource with. */
  readonly profile: INetworkSecurityPerimeterProfile;
}

/**
 * A resource associated with a perimeter profile (`azurerm_network_security_perimeter_association`).
 * A resource belongs to one perimeter: associating it twice in an app is an error at synth.
 */
export class NetworkSecurityPerimeterAssociation extends Construct {
  /** The access mode. */
  public readonly accessMode: NspAccessMode;
  /** ID of the associated resource. */
  public readonly resourceId: string;
  /** The profile. */
  public readonly profile: INetworkSecurityPerimeterProfile;
  /** The ARM type of the associated resource, when known at synth. */
  public readonly resourceType?: string;
  /** The underlying association resource. */
  public readonly resource: TerraformResource;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param props its configuration
   */
  constructor(scope: Construct, id: string, props: NetworkSecurityPerimeterAssociationProps) {
    super(scope, id);
    const stacks = openCreationStackScope(this);
    try {
      this.profile = props.profile;
      this.resourceId = props.resourceId;
      this.accessMode = props.accessMode ?? NspAccessMode.LEARNING;
      const name = props.name ?? id;
      const nameProp = props.name === undefined ? 'name (defaults to the construct ID)' : 'name';
      checkNspName(this, nameProp, name);
      // Azure names an association within its perimeter (.../networkSecurityPerimeters/<p>/resourceAssociations/<name>),
      // whatever the profile: two associations of one perimeter with one name are one Azure resource.
      if (!Token.isUnresolved(name)) {
        const names = appScoped(this, 'cdktf-azure-databricks-serverless/nsp-association-names', () => new Map<string, NetworkSecurityPerimeterAssociation>());
        const key = `${props.profile.perimeterKey}|${name.toLowerCase()}`;
        const other = names.get(key);
        if (other) {
          invalidProp(
            this,
            nameProp,
            name,
            `association ${other.node.path} of the same perimeter already has this name; Azure names associations per perimeter, not per profile, so both would be one resource`,
            'pass a distinct name for one of them',
          );
        }
        names.set(key, this);
      }
      const resolved = resolveValue(this, props.resourceId);
      if (Token.isUnresolved(props.resourceId)) {
        checkIdReference(this, 'resourceId', resolved);
      } else {
        checkArmId(this, 'resourceId', props.resourceId);
      }
      this.resourceType = armTypeOfResolved(resolved);

      useChecks(this);

      this.resource = new AzurermNetworkSecurityPerimeterAssociation(this, 'Resource', {
        name,
        networkSecurityPerimeterProfileId: props.profile.profileId,
        resourceId: props.resourceId,
        accessMode: this.accessMode.value,
        provider: props.profile.azurermProvider,
      });

      claimOnce(this, 'nsp-association', props.resourceId, {
        prop: 'resourceId',
        value: props.resourceId,
        problem: (where) =>
          `the resource is associated more than once (${where}); a resource belongs to exactly one network security perimeter, through one association`,
        fix: 'associate each resource once; put the rules it needs on that one profile',
      });
    } finally {
      stacks.close();
    }
  }
}
