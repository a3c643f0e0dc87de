/**
 * The regular expressions the library checks literal inputs with, each written once.
 */

/** A GUID such as a subscription or tenant ID. */
export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const LABELS = '([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}';

/** A fully qualified domain name: labels of letters, digits and inner hyphens, a top-level domain of letters; no scheme, port or wildcard. */
export const DNS_NAME = new RegExp(`^(?=.{1,253}$)${LABELS}$`);

/** A fully qualified domain name that may start with one `*.` wildcard label. */
export const DNS_NAME_OR_WILDCARD = new RegExp(`^(?=.{1,253}$)(\\*\\.)?${LABELS}$`);

/** An ARM resource provider namespace such as `Microsoft.Storage`. */
export const ARM_NAMESPACE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;

/** One type segment of an ARM resource type or ID, such as `storageAccounts`. */
export const ARM_TYPE_SEGMENT = /^[A-Za-z][A-Za-z0-9]*$/;

/** An ARM resource type: a namespace and one or more type segments (`Microsoft.Sql/servers/databases`). */
export const ARM_RESOURCE_TYPE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+(\/[A-Za-z][A-Za-z0-9]*)+$/;

/** An ARM API version (`2024-01-01` or `2024-01-01-preview`). */
export const ARM_API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;
