import { Lazy, TerraformProvider, TerraformResource, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AccessRuleKind, ACCESS_RULE_KINDS, MAX_RULE_ELEMENTS_PER_PROFILE, normaliseRuleValues } from './access-rules';
import { NetworkSecurityPerimeterAssociation, NspAssociationOptions } from './association';
import { checkNspName } from './names';
import type { INetworkSecurityPerimeter } from './perimeter';
import { ServiceTag } from './service-tag';
import { AzurermNetworkSecurityPerimeterAccessRule, AzurermNetworkSecurityPerimeterProfile } from '../bindings/azurerm-nsp/resources';
import { useChecks } from '../checks/pack';
import { checkArmId } from '../core/arm-resource-id';
import { NETWORK_SECURITY_PERIMETER_PROFILE } from '../core/azure-resource-types';
import { openCreationStackScope } from '../core/creation-stacks';
import { requireProvider } from '../core/provider-requirements';
import { describeInvalid } from '../core/validation';

/** A perimeter profile, created here or imported: rules and associations hang off it. */
export interface INetworkSecurityPerimeterProfile extends IConstruct {
  /** The profile's ARM ID. */
  readonly profileId: string;
  /** A stable key of the perimeter the profile belongs to (to tell perimeters apart at synth). */
  readonly perimeterKey: string;
  /**
   * The azurerm provider.
   * @default - the stack's default azurerm provider
   */
  readonly azurermProvider?: TerraformProvider;
  /** Allows inbound traffic from service tags (one `service_tags` rule per profile). */
  allowInboundServiceTags(...tags: ServiceTag[]): void;
  /** Allows inbound traffic from CIDR prefixes (one `address_prefixes` rule per profile). */
  allowInboundAddressPrefixes(...prefixes: string[]): void;
  /** Allows inbound traffic from subscriptions (one `subscription_ids` rule per profile). */
  allowInboundSubscriptions(...subscriptionIds: string[]): void;
  /** Allows outbound traffic to FQDNs (one `fqdns` rule per profile). */
  allowOutboundFqdns(...fqdns: string[]): void;
  /** Associates a resource with this profile. */
  associate(id: string, options: NspAssociationOptions): NetworkSecurityPerimeterAssociation;
}

/** Options of a perimeter profile. Rules can also be added later with the `allow*` methods. */
export interface NetworkSecurityPerimeterProfileOptions {
  /** Profile name (same rules as the perimeter name). */
  readonly name: string;
  /**
   * Inbound service tags, e.g. `ServiceTag.databricksServerless('eastus2')`.
   * @default - none
   */
  readonly inboundServiceTags?: ServiceTag[];
  /**
   * Inbound CIDR prefixes.
   * @default - none
   */
  readonly inboundAddressPrefixes?: string[];
  /**
   * Inbound subscriptions (`/subscriptions/<guid>` or a bare GUID).
   * @default - none
   */
  readonly inboundSubscriptionIds?: string[];
  /**
   * Outbound FQDNs.
   * @default - none
   */
  readonly outboundFqdns?: string[];
}

/** Properties of a {@link NetworkSecurityPerimeterProfile}. */
export interface NetworkSecurityPerimeterProfileProps extends NetworkSecurityPerimeterProfileOptions {
  /** The perimeter. */
  readonly perimeter: INetworkSecurityPerimeter;
}

/** Attributes of an existing profile, for {@link NetworkSecurityPerimeterProfile.fromProfileAttributes}. */
export interface NetworkSecurityPerimeterProfileAttributes {
  /** The profile's ARM ID (`.../networkSecurityPerimeters/<perimeter>/profiles/<name>`). */
  readonly profileId: string;
  /**
   * The azurerm provider for the rules and associations added to it.
   * @default - the stack's default azurerm provider
   */
  readonly azurermProvider?: TerraformProvider;
}

/** What created and imported profiles share: rules and associations. */
abstract class NetworkSecurityPerimeterProfileBase extends Construct implements INetworkSecurityPerimeterProfile {
  public abstract readonly profileId: string;
  public abstract readonly perimeterKey: string;
  public abstract readonly azurermProvider?: TerraformProvider;
  /** Values of each kind this app allowed, and the one Terraform rule that holds them. */
  private readonly rules = new Map<AccessRuleKind, { values: string[]; rule: AzurermNetworkSecurityPerimeterAccessRule }>();

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   */
  constructor(scope: Construct, id: string) {
    super(scope, id);
    useChecks(this);
    requireProvider(this, 'azurerm', 'network-security-perimeter');
    this.node.addValidation({
      validate: () => {
        const count = [...this.rules.values()].reduce((n, r) => n + r.values.length, 0);
        return count > MAX_RULE_ELEMENTS_PER_PROFILE
          ? [
            describeInvalid(
              'access rules',
              `${count} elements`,
              `a profile holds at most ${MAX_RULE_ELEMENTS_PER_PROFILE} rule elements (prefixes, subscriptions, service tags and FQDNs together)`,
              'aggregate CIDR prefixes, prefer one regional service tag over many prefixes, or split the resources over more profiles',
            ),
          ]
          : [];
      },
    });
  }

  /** The Terraform rules this profile owns, one per kind, in the order they were first added. */
  public get accessRules(): TerraformResource[] {
    return [...this.rules.values()].map((r) => r.rule);
  }

  /** How many inbound elements (service tags, prefixes, subscriptions) this app put in the profile's rules. */
  public get inboundRuleElements(): number {
    return [...this.rules.entries()].filter(([kind]) => kind.direction === 'Inbound').reduce((n, [, r]) => n + r.values.length, 0);
  }

  public allowInboundServiceTags(...tags: ServiceTag[]): void {
    this.add(ACCESS_RULE_KINDS.serviceTags, tags.map((t) => t.name));
  }

  public allowInboundAddressPrefixes(...prefixes: string[]): void {
    this.add(ACCESS_RULE_KINDS.addressPrefixes, prefixes);
  }

  public allowInboundSubscriptions(...subscriptionIds: string[]): void {
    this.add(ACCESS_RULE_KINDS.subscriptionIds, subscriptionIds);
  }

  public allowOutboundFqdns(...fqdns: string[]): void {
    this.add(ACCESS_RULE_KINDS.fqdns, fqdns);
  }

  public associate(id: string, options: NspAssociationOptions): NetworkSecurityPerimeterAssociation {
    return new NetworkSecurityPerimeterAssociation(this, id, { ...options, profile: this });
  }

  /** Adds the rules given as options. */
  protected addRulesFrom(options: NetworkSecurityPerimeterProfileOptions): void {
    if (options.inboundServiceTags?.length) this.allowInboundServiceTags(...options.inboundServiceTags);
    if (options.inboundAddressPrefixes?.length) this.allowInboundAddressPrefixes(...options.inboundAddressPrefixes);
    if (options.inboundSubscriptionIds?.length) this.allowInboundSubscriptions(...options.inboundSubscriptionIds);
    if (options.outboundFqdns?.length) this.allowOutboundFqdns(...options.outboundFqdns);
  }

  /**
   * Adds values to the kind's rule, creating the rule on first use; values are emitted once each. No
   * values add nothing: Azure rejects a rule with an empty list.
   */
  private add(kind: AccessRuleKind, values: string[]): void {
    const normalised = normaliseRuleValues(this, kind, values);
    if (normalised.length === 0) {
      return;
    }
    let entry = this.rules.get(kind);
    if (!entry) {
      const list: string[] = [];
      const rule = new AzurermNetworkSecurityPerimeterAccessRule(this, `Rule-${kind.ruleName}`, {
        name: kind.ruleName,
        networkSecurityPerimeterProfileId: this.profileId,
        direction: kind.direction,
        [kind.attribute]: Lazy.listValue({ produce: () => list }),
        provider: this.azurermProvider,
      });
      entry = { values: list, rule };
      this.rules.set(kind, entry);
    }
    for (const v of normalised) {
      if (!entry.values.includes(v)) {
        entry.values.push(v);
      }
    }
  }
}

/**
 * A profile of a network security perimeter: its access rules (one Terraform rule per kind, as Azure
 * requires) and the resources associated with it.
 */
export class NetworkSecurityPerimeterProfile extends NetworkSecurityPerimeterProfileBase {
  /** Imports an existing profile, to add rules and associations to it. */
  public static fromProfileAttributes(
    scope: Construct,
    id: string,
    attrs: NetworkSecurityPerimeterProfileAttributes,
  ): INetworkSecurityPerimeterProfile {
    return new ImportedProfile(scope, id, attrs);
  }

  public readonly profileId: string;
  public readonly perimeterKey: string;
  public readonly azurermProvider?: TerraformProvider;
  /** The perimeter. */
  public readonly perimeter: INetworkSecurityPerimeter;
  /** The underlying `azurerm_network_security_perimeter_profile`. */
  public readonly resource: TerraformResource;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param props its configuration
   */
  constructor(scope: Construct, id: string, props: NetworkSecurityPerimeterProfileProps) {
    super(scope, id);
    const stacks = openCreationStackScope(this);
    try {
      useChecks(this);
      checkNspName(this, 'name', props.name);
      this.perimeter = props.perimeter;
      this.azurermProvider = props.perimeter.azurermProvider;
      this.perimeterKey = Token.isUnresolved(props.perimeter.perimeterId)
        ? `construct:${props.perimeter.node.path}`
        : props.perimeter.perimeterId.toLowerCase();
      const resource = new AzurermNetworkSecurityPerimeterProfile(this, 'Resource', {
        name: props.name,
        networkSecurityPerimeterId: props.perimeter.perimeterId,
        provider: this.azurermProvider,
      });
      this.resource = resource;
      this.profileId = resource.id;
      this.addRulesFrom(props);
    } finally {
      stacks.close();
    }
  }
}

/** A profile created elsewhere. */
class ImportedProfile extends NetworkSecurityPerimeterProfileBase {
  public readonly profileId: string;
  public readonly perimeterKey: string;
  public readonly azurermProvider?: TerraformProvider;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param attrs what is known of the existing object
   */
  constructor(scope: Construct, id: string, attrs: NetworkSecurityPerimeterProfileAttributes) {
    super(scope, id);
    useChecks(this);
    // azurerm parses the profile ID case-sensitively (networksecurityperimeteraccessrules.ValidateProfileID).
    checkArmId(this, 'profileId', attrs.profileId, NETWORK_SECURITY_PERIMETER_PROFILE, true);
    this.profileId = attrs.profileId;
    this.azurermProvider = attrs.azurermProvider;
    // The perimeter is the profile ID without its last two segments.
    this.perimeterKey = Token.isUnresolved(attrs.profileId)
      ? `imported:${this.node.path}`
      : attrs.profileId.split('/').slice(0, -2).join('/').toLowerCase();
  }
}
