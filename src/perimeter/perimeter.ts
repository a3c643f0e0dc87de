import { Lazy, TerraformProvider, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { NspAccessMode } from './access-mode';
import { ServiceTag } from './service-tag';
import {
  AzurermNetworkSecurityPerimeter,
  AzurermNetworkSecurityPerimeterAccessRule,
  AzurermNetworkSecurityPerimeterAssociation,
  AzurermNetworkSecurityPerimeterProfile,
} from '../bindings/azurerm-nsp/resources';
import { requireAzurermForNsp } from '../bindings/azurerm-nsp/version';
import { appScoped } from '../core/app-registry';
import { armTypeOfResolved, parseArmResourceId } from '../core/arm-resource-id';
import { AzureRegions } from '../core/regions';
import { ResolvedEntry, ResolvedIndex, resolveValue } from '../core/resolved-index';
import { describeInvalid, invalidProp, isUnresolved, warn } from '../core/validation';

/** Elements (prefixes, subscriptions, tags, FQDNs) Azure allows in the rules of one profile. */
export const MAX_RULE_ELEMENTS_PER_PROFILE = 200;

const NSP_NAME = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9_.-]{0,78}[a-zA-Z0-9_])$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const FQDN = /^(?=.{1,253}$)(\*\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const STORAGE = 'microsoft.storage/storageaccounts';

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

/** Properties of a {@link NetworkSecurityPerimeter}. */
export interface NetworkSecurityPerimeterProps {
  /** Perimeter name (1-80 characters: letters, digits, `_`, `.`, `-`; starts with a letter or digit). */
  readonly name: string;
  /** Resource group of the perimeter. */
  readonly resourceGroupName: string;
  /** Azure region of the perimeter (a Databricks region name is normalised; others pass as given). */
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
 * An Azure network security perimeter (NSP). Profiles hold inbound/outbound access rules; resources
 * join the perimeter through an association to a profile, in an access mode.
 *
 * Uses our own azurerm NSP bindings: the stack's `required_providers.azurerm` becomes
 * `>= 4.61.0, < 5.0.0` instead of the prebuilt pin 4.55.0, which has no NSP resources.
 */
export class NetworkSecurityPerimeter extends Construct implements INetworkSecurityPerimeter {
  /** Imports an existing perimeter by ARM ID, to add profiles to it. */
  public static fromPerimeterId(
    scope: Construct,
    id: string,
    perimeterId: string,
    azurermProvider?: TerraformProvider,
  ): INetworkSecurityPerimeter {
    class Import extends Construct implements INetworkSecurityPerimeter {
      public readonly perimeterId = perimeterId;
      public readonly azurermProvider = azurermProvider;
      constructor() {
        super(scope, id);
        checkArmId(this, 'perimeterId', perimeterId, 'Microsoft.Network/networkSecurityPerimeters');
      }
      public addProfile(profileId: string, options: NetworkSecurityPerimeterProfileOptions): NetworkSecurityPerimeterProfile {
        return new NetworkSecurityPerimeterProfile(this, profileId, { ...options, perimeter: this });
      }
    }
    return new Import();
  }

  /** The perimeter's ARM ID. */
  public readonly perimeterId: string;
  public readonly azurermProvider?: TerraformProvider;
  /** The underlying `azurerm_network_security_perimeter`. */
  public readonly resource: AzurermNetworkSecurityPerimeter;

  constructor(scope: Construct, id: string, props: NetworkSecurityPerimeterProps) {
    super(scope, id);
    checkName(this, 'name', props.name);
    this.azurermProvider = props.azurermProvider;
    const location = Token.isUnresolved(props.location) ? props.location : AzureRegions.tryFind(props.location)?.name ?? props.location;
    this.resource = new AzurermNetworkSecurityPerimeter(this, 'Resource', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location,
      tags: props.tags,
      provider: props.azurermProvider,
    });
    this.perimeterId = this.resource.id;
  }

  public addProfile(id: string, options: NetworkSecurityPerimeterProfileOptions): NetworkSecurityPerimeterProfile {
    return new NetworkSecurityPerimeterProfile(this, id, { ...options, perimeter: this });
  }
}

/** What created and imported profiles share: rules and associations. */
export abstract class NetworkSecurityPerimeterProfileBase extends Construct implements INetworkSecurityPerimeterProfile {
  public abstract readonly profileId: string;
  public abstract readonly perimeterKey: string;
  public abstract readonly azurermProvider?: TerraformProvider;
  private readonly serviceTags: string[] = [];
  private readonly addressPrefixes: string[] = [];
  private readonly subscriptionIds: string[] = [];
  private readonly fqdns: string[] = [];
  private readonly rules = new Map<string, AzurermNetworkSecurityPerimeterAccessRule>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
    requireAzurermForNsp(this);
    this.node.addValidation({
      validate: () => {
        const count = this.serviceTags.length + this.addressPrefixes.length + this.subscriptionIds.length + this.fqdns.length;
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

  /** The Terraform rules this profile owns, by kind (`serviceTags`, `addressPrefixes`, `subscriptionIds`, `fqdns`). */
  public get accessRules(): AzurermNetworkSecurityPerimeterAccessRule[] {
    return [...this.rules.values()];
  }

  /** How many inbound elements (service tags, prefixes, subscriptions) this app put in the profile's rules. */
  public get inboundRuleElements(): number {
    return this.serviceTags.length + this.addressPrefixes.length + this.subscriptionIds.length;
  }

  public allowInboundServiceTags(...tags: ServiceTag[]): void {
    this.add('serviceTags', 'inbound-service-tags', 'Inbound', this.serviceTags, tags.map((t) => t.name));
  }

  public allowInboundAddressPrefixes(...prefixes: string[]): void {
    for (const p of prefixes) {
      if (!isUnresolved(p) && !isCidr(p)) {
        invalidProp(this, 'inboundAddressPrefixes', p, 'not an IPv4 or IPv6 CIDR prefix', 'use a prefix such as "203.0.113.0/24"');
      }
    }
    this.add('addressPrefixes', 'inbound-address-prefixes', 'Inbound', this.addressPrefixes, prefixes);
  }

  public allowInboundSubscriptions(...subscriptionIds: string[]): void {
    const normalised = subscriptionIds.map((s) => {
      if (isUnresolved(s)) {
        return s;
      }
      const guid = s.replace(/^\/subscriptions\//i, '');
      if (!GUID.test(guid)) {
        invalidProp(this, 'inboundSubscriptionIds', s, 'not a subscription ID', 'use "/subscriptions/<guid>" or the bare subscription GUID');
      }
      return `/subscriptions/${guid}`;
    });
    this.add('subscriptionIds', 'inbound-subscriptions', 'Inbound', this.subscriptionIds, normalised);
  }

  public allowOutboundFqdns(...fqdns: string[]): void {
    for (const f of fqdns) {
      if (!isUnresolved(f) && !FQDN.test(f)) {
        invalidProp(this, 'outboundFqdns', f, 'not a fully qualified domain name', 'use a name such as "login.microsoftonline.com"');
      }
    }
    this.add('fqdns', 'outbound-fqdns', 'Outbound', this.fqdns, fqdns);
  }

  public associate(id: string, options: NspAssociationOptions): NetworkSecurityPerimeterAssociation {
    return new NetworkSecurityPerimeterAssociation(this, id, { ...options, profile: this });
  }

  private add(kind: string, name: string, direction: string, list: string[], values: string[]): void {
    for (const v of values) {
      if (!list.includes(v)) {
        list.push(v);
      }
    }
    if (this.rules.has(kind)) {
      return;
    }
    const values$ = Lazy.listValue({ produce: () => list });
    this.rules.set(
      kind,
      new AzurermNetworkSecurityPerimeterAccessRule(this, `Rule-${name}`, {
        name,
        networkSecurityPerimeterProfileId: this.profileId,
        direction,
        serviceTags: kind === 'serviceTags' ? values$ : undefined,
        addressPrefixes: kind === 'addressPrefixes' ? values$ : undefined,
        subscriptionIds: kind === 'subscriptionIds' ? values$ : undefined,
        fqdns: kind === 'fqdns' ? values$ : undefined,
        provider: this.azurermProvider,
      }),
    );
  }

  /** Adds the rules given as options. */
  protected addRulesFrom(options: NetworkSecurityPerimeterProfileOptions): void {
    if (options.inboundServiceTags?.length) this.allowInboundServiceTags(...options.inboundServiceTags);
    if (options.inboundAddressPrefixes?.length) this.allowInboundAddressPrefixes(...options.inboundAddressPrefixes);
    if (options.inboundSubscriptionIds?.length) this.allowInboundSubscriptions(...options.inboundSubscriptionIds);
    if (options.outboundFqdns?.length) this.allowOutboundFqdns(...options.outboundFqdns);
  }
}

/**
 * A profile of a network security perimeter: its access rules (one Terraform rule per kind, as Azure
 * requires) and the resources associated with it.
 */
export class NetworkSecurityPerimeterProfile extends NetworkSecurityPerimeterProfileBase {
  /** Imports an existing profile by ARM ID, to add rules and associations to it. */
  public static fromProfileId(
    scope: Construct,
    id: string,
    profileId: string,
    azurermProvider?: TerraformProvider,
  ): INetworkSecurityPerimeterProfile {
    class Import extends NetworkSecurityPerimeterProfileBase {
      public readonly profileId = profileId;
      public readonly perimeterKey: string;
      public readonly azurermProvider = azurermProvider;
      constructor() {
        super(scope, id);
        checkArmId(this, 'profileId', profileId, 'Microsoft.Network/networkSecurityPerimeters/profiles');
        // The perimeter is the profile ID without its last two segments.
        this.perimeterKey = Token.isUnresolved(profileId)
          ? `imported:${this.node.path}`
          : profileId.split('/').slice(0, -2).join('/').toLowerCase();
      }
    }
    return new Import();
  }

  public readonly profileId: string;
  public readonly perimeterKey: string;
  public readonly azurermProvider?: TerraformProvider;
  /** The perimeter. */
  public readonly perimeter: INetworkSecurityPerimeter;
  /** The underlying `azurerm_network_security_perimeter_profile`. */
  public readonly resource: AzurermNetworkSecurityPerimeterProfile;

  constructor(scope: Construct, id: string, props: NetworkSecurityPerimeterProfileProps) {
    super(scope, id);
    checkName(this, 'name', props.name);
    this.perimeter = props.perimeter;
    this.azurermProvider = props.perimeter.azurermProvider;
    this.perimeterKey = perimeterKeyOf(props.perimeter);
    this.resource = new AzurermNetworkSecurityPerimeterProfile(this, 'Resource', {
      name: props.name,
      networkSecurityPerimeterId: props.perimeter.perimeterId,
      provider: this.azurermProvider,
    });
    this.profileId = this.resource.id;
    this.addRulesFrom(props);
  }
}

interface AssociationEntry extends ResolvedEntry {
  readonly perimeterKey: string;
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
  public readonly resource: AzurermNetworkSecurityPerimeterAssociation;

  constructor(scope: Construct, id: string, props: NetworkSecurityPerimeterAssociationProps) {
    super(scope, id);
    this.profile = props.profile;
    this.resourceId = props.resourceId;
    this.accessMode = props.accessMode ?? NspAccessMode.LEARNING;
    const name = props.name ?? id;
    checkName(this, props.name === undefined ? 'name (defaults to the construct ID)' : 'name', name);
    if (!Token.isUnresolved(props.resourceId)) {
      checkArmId(this, 'resourceId', props.resourceId);
    }
    this.resourceType = armTypeOfResolved(resolveValue(this, props.resourceId));

    if (this.accessMode === NspAccessMode.ENFORCED && this.resourceType?.toLowerCase() === STORAGE) {
      warn(
        this,
        'Storage account associated in Enforced mode: Databricks requires Learning (Transition) mode for serverless access through the ' +
          'AzureDatabricksServerless service tag, and Enforced also blocks trusted-service access (and public access the firewall allows). ' +
          'Use NspAccessMode.LEARNING unless you have verified every client of this account against the perimeter.',
      );
    }

    this.resource = new AzurermNetworkSecurityPerimeterAssociation(this, 'Resource', {
      name,
      networkSecurityPerimeterProfileId: props.profile.profileId,
      resourceId: props.resourceId,
      accessMode: this.accessMode.value,
      provider: props.profile.azurermProvider,
    });

    const index = appScoped(this, 'cdktf-azure-databricks-serverless/nsp-associations', () => new ResolvedIndex<AssociationEntry>());
    const entry: AssociationEntry = { construct: this, value: props.resourceId, perimeterKey: props.profile.perimeterKey };
    index.add(entry);
    this.node.addValidation({
      validate: () => {
        const others = index.sameValue(entry).filter((e) => e !== entry);
        if (others.length === 0) {
          return [];
        }
        const where = [entry, ...others].map((e) => e.construct.node.path).join(', ');
        return [
          describeInvalid(
            'resourceId',
            props.resourceId,
            `the resource is associated more than once (${where}); a resource belongs to exactly one network security perimeter, through one association`,
            'associate each resource once; put the rules it needs on that one profile',
          ),
        ];
      },
    });
  }
}

function perimeterKeyOf(perimeter: INetworkSecurityPerimeter): string {
  return Token.isUnresolved(perimeter.perimeterId) ? `construct:${perimeter.node.path}` : perimeter.perimeterId.toLowerCase();
}

function checkName(scope: IConstruct, prop: string, name: string): void {
  if (!Token.isUnresolved(name) && !NSP_NAME.test(name)) {
    invalidProp(
      scope,
      prop,
      name,
      'perimeter, profile, rule and association names are 1-80 characters of letters, digits, "_", "." and "-", starting with a letter or digit and not ending with "." or "-"',
      'use a name such as "nsp-data-eastus2"',
    );
  }
}

function checkArmId(scope: IConstruct, prop: string, id: string, expectedType?: string): void {
  if (Token.isUnresolved(id)) {
    return;
  }
  const parsed = parseArmResourceId(id);
  if (typeof parsed === 'string') {
    invalidProp(scope, prop, id, `not a well-formed Azure resource ID: ${parsed}`, 'pass the full resource ID or a reference such as resource.id');
  }
  if (expectedType && parsed.resourceType.toLowerCase() !== expectedType.toLowerCase()) {
    invalidProp(scope, prop, id, `expected the ID of a ${expectedType}, got a ${parsed.resourceType}`, `pass the ID of the ${expectedType.split('/').pop()}`);
  }
}

function isCidr(value: string): boolean {
  const [ip, bits, ...rest] = value.split('/');
  if (rest.length > 0 || bits === undefined || !/^\d{1,3}$/.test(bits)) {
    return false;
  }
  const n = Number(bits);
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) {
    return n <= 32 && ip.split('.').every((o) => Number(o) <= 255);
  }
  return ip.includes(':') && /^[0-9a-fA-F:.]+$/.test(ip) && n <= 128;
}
