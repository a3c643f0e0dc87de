import { ADLS_BLOB_DFS } from './adls-blob-dfs';
import { AZURERM4_DATA_PLANE } from './azurerm4-data-plane';
import { EGRESS_DRY_RUN } from './egress-dry-run';
import { EGRESS_EMPTY } from './egress-empty';
import { ENFORCED_STORAGE } from './enforced-storage';
import { FOREIGN_TAG } from './foreign-tag';
import { GLOBAL_TAG } from './global-tag';
import { INGRESS_PUBLIC_OPEN, DENY_COVERS_ALLOW } from './ingress';
import { LEGACY_SUBNETS } from './legacy-subnets';
import { LIMIT_ENDPOINTS } from './limit-endpoints';
import { LIMIT_NCCS } from './limit-nccs';
import { LIMIT_WORKSPACES } from './limit-workspaces';
import { MANUAL_APPROVAL } from './manual-approval';
import { REOPENED_ACCOUNT } from './reopened-account';
import { ROOT_STORAGE_PERIMETER } from './root-storage-perimeter';
import { STORAGE_AZUREAD } from './storage-azuread';
import { STORAGE_HTTP } from './storage-http';
import { STORAGE_OPEN } from './storage-open';
import { STORAGE_PUBLIC_BLOB } from './storage-public-blob';
import { STORAGE_SHARED_KEY } from './storage-shared-key';
import { STORAGE_TLS } from './storage-tls';
import { TAG_PATH_MODE } from './tag-path-mode';
import { UC_CONNECTOR_FIREWALL } from './uc-connector-firewall';
import { UC_CONNECTOR_ROLE } from './uc-connector-role';
import { UC_UNREACHABLE_LOCATION } from './uc-unreachable-location';
import { UNAPPROVED_RULE } from './unapproved-rule';
import { WORKSPACE_EGRESS } from './workspace-egress';
import { WORKSPACE_NO_NCC } from './workspace-no-ncc';
import { ValidationError } from '../../core/validation';
import { CheckRule } from '../rule';

/** Every rule of the pack, in the order the README's table lists them. */
export const ALL_RULES: readonly CheckRule[] = [
  LEGACY_SUBNETS,
  ROOT_STORAGE_PERIMETER,
  UNAPPROVED_RULE,
  MANUAL_APPROVAL,
  TAG_PATH_MODE,
  ENFORCED_STORAGE,
  REOPENED_ACCOUNT,
  GLOBAL_TAG,
  FOREIGN_TAG,
  ADLS_BLOB_DFS,
  STORAGE_OPEN,
  STORAGE_TLS,
  STORAGE_SHARED_KEY,
  STORAGE_HTTP,
  STORAGE_PUBLIC_BLOB,
  AZURERM4_DATA_PLANE,
  STORAGE_AZUREAD,
  WORKSPACE_NO_NCC,
  WORKSPACE_EGRESS,
  EGRESS_EMPTY,
  EGRESS_DRY_RUN,
  INGRESS_PUBLIC_OPEN,
  DENY_COVERS_ALLOW,
  UC_CONNECTOR_ROLE,
  UC_UNREACHABLE_LOCATION,
  UC_CONNECTOR_FIREWALL,
  LIMIT_NCCS,
  LIMIT_WORKSPACES,
  LIMIT_ENDPOINTS,
];

/** The error for a rule ID that names no rule (undefined when it names one). */
export function unknownRule(where: string, prop: string, id: string): ValidationError | undefined {
  return ALL_RULES.some((r) => r.id === id) ? undefined : new ValidationError(where, prop, id, 'no such rule', `use one of ${ALL_RULES.map((r) => r.id).join(', ')}`);
}

/** The error for a suppression reason too short to say anything (undefined when it is a reason). */
export function missingReason(where: string, ruleId: string, reason: unknown): ValidationError | undefined {
  return typeof reason === 'string' && reason.trim().length >= 10
    ? undefined
    : new ValidationError(where, 'reason', reason, 'a suppression needs a reason (10 characters or more)', `say why ${ruleId} does not apply here`);
}
