import { IConstruct } from 'constructs';
import { DNS_NAME_OR_WILDCARD, GUID } from '../core/patterns';
import { invalidProp, isUnresolved } from '../core/validation';

/** Elements (prefixes, subscriptions, tags, FQDNs) Azure allows in the rules of one profile. */
export const MAX_RULE_ELEMENTS_PER_PROFILE = 200;

/**
 * A kind of perimeter access rule. Azure wants exactly one list per rule, so a profile has at most one
 * Terraform rule per kind, holding every value of that kind.
 */
export interface AccessRuleKind {
  /** The rule's name in Azure (also the suffix of its construct ID, `Rule-<name>`). */
  readonly ruleName: string;
  /** `Inbound` or `Outbound`. */
  readonly direction: string;
  /** The binding's list attribute the values go to. */
  readonly attribute: 'serviceTags' | 'addressPrefixes' | 'subscriptionIds' | 'fqdns';
  /** The option/prop name, for messages. */
  readonly prop: string;
  /** Checks one literal value (tokens are never passed) and returns the value to emit. */
  readonly normalise: (scope: IConstruct, value: string) => string;
}

/** The kinds, in the order their rules are listed. */
export const ACCESS_RULE_KINDS = {
  serviceTags: {
    ruleName: 'inbound-service-tags',
    direction: 'Inbound',
    attribute: 'serviceTags',
    prop: 'inboundServiceTags',
    normalise: (_scope, tag) => tag, // a ServiceTag checked its name
  },
  addressPrefixes: {
    ruleName: 'inbound-address-prefixes',
    direction: 'Inbound',
    attribute: 'addressPrefixes',
    prop: 'inboundAddressPrefixes',
    normalise: (scope, prefix) => {
      if (!isCidr(prefix)) {
        invalidProp(scope, 'inboundAddressPrefixes', prefix, 'not an IPv4 or IPv6 CIDR prefix', 'use a prefix such as "203.0.113.0/24"');
      }
      return prefix;
    },
  },
  subscriptionIds: {
    ruleName: 'inbound-subscriptions',
    direction: 'Inbound',
    attribute: 'subscriptionIds',
    prop: 'inboundSubscriptionIds',
    normalise: (scope, id) => {
      const guid = id.replace(/^\/subscriptions\//i, '');
      if (!GUID.test(guid)) {
        invalidProp(scope, 'inboundSubscriptionIds', id, 'not a subscription ID', 'use "/subscriptions/<guid>" or the bare subscription GUID');
      }
      return `/subscriptions/${guid}`;
    },
  },
  fqdns: {
    ruleName: 'outbound-fqdns',
    direction: 'Outbound',
    attribute: 'fqdns',
    prop: 'outboundFqdns',
    normalise: (scope, fqdn) => {
      if (!DNS_NAME_OR_WILDCARD.test(fqdn)) {
        invalidProp(scope, 'outboundFqdns', fqdn, 'not a fully qualified domain name', 'use a name such as "login.microsoftonline.com"');
      }
      return fqdn;
    },
  },
} satisfies { [attribute: string]: AccessRuleKind };

/** Checks and normalises the literal values of a kind; tokens pass unchanged. */
export function normaliseRuleValues(scope: IConstruct, kind: AccessRuleKind, values: string[]): string[] {
  return values.map((v) => (isUnresolved(v) ? v : kind.normalise(scope, v)));
}

/**
 * Whether a value is a CIDR prefix as azurerm checks it (`validation.IsCIDR`, Go's `net.ParseCIDR`):
 * an IPv4 address of four decimal octets (0-255, no leading zeros) with a prefix length up to 32, or an
 * IPv6 address (hex groups of 1-4 digits, at most one `::`, optionally ending in an IPv4 address) with a
 * prefix length up to 128.
 */
export function isCidr(value: string): boolean {
  const [ip, bits, ...rest] = value.split('/');
  if (rest.length > 0 || bits === undefined || !/^(0|[1-9]\d{0,2})$/.test(bits)) {
    return false;
  }
  const n = Number(bits);
  return isIPv4(ip) ? n <= 32 : isIPv6(ip) && n <= 128;
}

function isIPv4(ip: string): boolean {
  const octets = ip.split('.');
  return octets.length === 4 && octets.every((o) => /^(0|[1-9]\d{0,2})$/.test(o) && Number(o) <= 255);
}

function isIPv6(ip: string): boolean {
  const halves = ip.split('::');
  if (halves.length > 2) {
    return false;
  }
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  const all = groups.flat();
  // An embedded IPv4 address may end the address and counts as two groups.
  let count = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!isIPv4(last) || (halves.length === 2 && groups[1].length === 0)) {
      return false;
    }
    count += 1;
    all.pop();
  }
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) {
    return false;
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}
