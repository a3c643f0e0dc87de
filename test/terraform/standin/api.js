/*
 * The stand-in's fake Azure and Databricks APIs: what a real apply gets back that the configuration does
 * not say (IDs, endpoint names, the private endpoint connections a rule makes on its target, values an
 * API fills), and what a refresh reads. Each fact has its source next to it. The rest of a computed
 * value is a placeholder (server.js).
 *
 * The world (what exists in the fake cloud) is kept in files, per end, under STANDIN_WORLD_DIR
 * (<dir>/<end>/<kind>/<key>.json), so each end has its own cloud, a test can change it between runs
 * (someone rejects a connection, edits its description), and a test that moves one state from the oldest
 * end's providers to the newest end's (a provider upgrade) can give the newest end the same cloud
 * (harness copyWorld). Tests keep their keys apart (their own storage accounts, policy IDs), as with
 * fixtures. Handlers run one at a time (Node), so a read-modify-write of a file is atomic.
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const SUBSCRIPTION = '00000000-0000-0000-0000-0000000000aa';
/** The subscription Databricks creates serverless private endpoints in (a stranger's, to the target). */
const DATABRICKS_SUBSCRIPTION = '99999999-8888-7777-6666-555555555555';

function hex(text, length) {
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, length);
}

function uuid() {
  return crypto.randomUUID();
}

const isKnownString = (v) => typeof v === 'string';

/** The tenant of the fake subscription (managed identities report it). */
const TENANT = '00000000-0000-0000-0000-0000000000bb';

/** A GUID made from text (stable IDs of one object across runs and ends). */
function guidOf(text) {
  const h = hex(text, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Azure built-in role definition IDs (the same in every tenant; Learn, "Azure built-in roles"). */
const BUILT_IN_ROLES = {
  'storage blob data contributor': 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  'storage blob data reader': '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
  'storage queue data contributor': '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
  'eventgrid eventsubscription contributor': '428e0ff0-5e57-4d9c-a221-2c70d0e0a443',
};

/**
 * A Databricks workspace ID as the fake cloud makes them: 16 digits, odd and above 2^53 (a double does not
 * hold it exactly), from the workspace's identity.
 */
function workspaceIdOf(key) {
  return `${(9_100_000_000_000_000n + BigInt(`0x${hex(key, 12)}`)) | 1n}`;
}

class World {
  constructor(dir, end) {
    this.root = dir && end ? path.join(dir, end) : undefined;
  }

  file(kind, key) {
    return path.join(this.root, kind, `${hex(key.toLowerCase(), 24)}.json`);
  }

  get(kind, key) {
    if (!this.root) return undefined;
    const f = this.file(kind, key);
    return fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : undefined;
  }

  remove(kind, key) {
    if (!this.root) return;
    fs.rmSync(this.file(kind, key), { force: true });
  }

  put(kind, key, value) {
    if (!this.root) return;
    const f = this.file(kind, key);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(`${f}.tmp`, JSON.stringify({ key, ...value }, (k, v) => (typeof v === 'bigint' ? String(v) : v), 2));
    fs.renameSync(`${f}.tmp`, f);
  }
}

/** `/subscriptions/<sub>/resourceGroups/<rg>/providers/<ns>/<type>/<name>` for a resource of a resource group. */
function armId(rg, type, name) {
  return `/subscriptions/${SUBSCRIPTION}/resourceGroups/${rg}/providers/${type}/${name}`;
}

/** The connections type of a target, or undefined when the azapi type is not a private endpoint connection. */
function isConnectionsType(azapiType) {
  return isKnownString(azapiType) && /\/privateEndpointConnections@/i.test(azapiType);
}

/** A private endpoint connection as ARM lists it (`<target>/privateEndpointConnections/<name>`). */
function newConnection(target, endpointName) {
  const name = `${target.split('/').pop()}.${uuid()}`;
  return {
    id: `${target}/privateEndpointConnections/${name}`,
    name,
    type: `${target.split('/providers/').pop().split('/').slice(0, 2).join('/')}/privateEndpointConnections`,
    properties: {
      privateEndpoint: { id: `/subscriptions/${DATABRICKS_SUBSCRIPTION}/resourceGroups/databricks-serverless/providers/Microsoft.Network/privateEndpoints/${endpointName}` },
      privateLinkServiceConnectionState: { status: 'Pending', description: 'Databricks serverless private endpoint', actionsRequired: 'None' },
      provisioningState: 'Succeeded',
    },
  };
}

/** The rule state Databricks reports for a connection's status on the target. */
const RULE_STATE = { pending: 'PENDING', approved: 'ESTABLISHED', rejected: 'REJECTED', disconnected: 'DISCONNECTED' };

function endpointOf(connection) {
  const id = connection?.properties?.privateEndpoint?.id;
  return isKnownString(id) ? id.split('/').pop() : undefined;
}

/**
 * Server-set values of a created object, by type: `create(state, ctx)` fills what is still unknown (the
 * `unknown` test) and may record the object in the world; it returns diagnostics (API errors) or nothing.
 */
function createApi(world, end) {
  // The azurerm version an end serves: 5.x makes no data-plane call on a storage account (see below).
  const azurerm5 = end === 'azurerm5';
  const fillIf = (state, isUnknown, name, value) => {
    if (name in state && isUnknown(state[name])) state[name] = value;
  };

  const connectionsOf = (target) => world.get('connections', target);

  /** Databricks account ID of an account-level object: its own, else the provider's. */
  const accountIdOf = (state, ctx) => (isKnownString(state.account_id) ? state.account_id : ctx.providerConfig?.account_id || '11111111-2222-3333-4444-555555555555');

  const handlers = {
    azurerm_resource_group: {
      create: (s, u) => fillIf(s, u, 'id', `/subscriptions/${SUBSCRIPTION}/resourceGroups/${s.name}`),
    },
    azurerm_storage_account: {
      // azurerm 4.x calls the new account's data plane (queue properties) after creating it, unless the
      // provider sets features.storage.data_plane_available = false (storage_account_resource.go v4.55.0
      // Create/Read); an account that denies public access answers 403 to a runner outside its network,
      // and every stand-in runner is outside (hashicorp/terraform-provider-azurerm#33454). 5.x makes no call.
      create: (s, u, ctx) => {
        const closed = s.public_network_access_enabled === false || (Array.isArray(s.network_rules) && s.network_rules[0]?.default_action === 'Deny');
        const features = ctx.providerConfig?.features?.[0];
        if (!azurerm5 && closed && features?.storage?.[0]?.data_plane_available !== false) {
          return [error('retrieving queue properties',
            `stand-in: Storage Account "${s.name}": retrieving queue properties: unexpected status 403 (403 This request is not authorized to perform this operation.) ` +
            'with AuthorizationFailure (azurerm 4.x reads the data plane after create; set features { storage { data_plane_available = false } })')];
        }
        fillIf(s, u, 'id', armId(s.resource_group_name, 'Microsoft.Storage/storageAccounts', s.name));
        for (const service of ['blob', 'dfs', 'queue', 'table', 'file', 'web']) {
          fillIf(s, u, `primary_${service}_endpoint`, `https://${s.name}.${service}.core.windows.net/`);
          fillIf(s, u, `primary_${service}_host`, `${s.name}.${service}.core.windows.net`);
        }
        return undefined;
      },
    },
    azurerm_databricks_workspace: {
      create: (s, u) => {
        fillIf(s, u, 'id', armId(s.resource_group_name, 'Microsoft.Databricks/workspaces', s.name));
        // A workspace ID: 16 digits, here odd and above 2^53, which a double does not hold exactly.
        const wsId = workspaceIdOf(`${s.resource_group_name}/${s.name}`);
        fillIf(s, u, 'workspace_id', wsId);
        fillIf(s, u, 'workspace_url', `adb-${wsId}.${Number(wsId.slice(-2))}.azuredatabricks.net`);
        fillIf(s, u, 'managed_resource_group_name', `databricks-rg-${s.name}`);
        fillIf(s, u, 'managed_resource_group_id', `/subscriptions/${SUBSCRIPTION}/resourceGroups/${s.managed_resource_group_name}`);
      },
    },
    // An access connector's system-assigned identity: a service principal of the tenant, its IDs GUIDs
    // (azurerm flattens identity.principal_id and tenant_id from the response, databricks_access_connector_resource.go Read).
    azurerm_databricks_access_connector: {
      create: (s, u) => {
        fillIf(s, u, 'id', armId(s.resource_group_name, 'Microsoft.Databricks/accessConnectors', s.name));
        for (const identity of Array.isArray(s.identity) ? s.identity : []) {
          const system = /SystemAssigned/.test(String(identity.type));
          fillIf(identity, u, 'principal_id', system ? uuid() : null);
          fillIf(identity, u, 'tenant_id', system ? TENANT : null);
          fillIf(identity, u, 'identity_ids', []);
        }
      },
      update: (s, u) => {
        for (const identity of Array.isArray(s.identity) ? s.identity : []) {
          fillIf(identity, u, 'principal_id', /SystemAssigned/.test(String(identity.type)) ? uuid() : null);
          fillIf(identity, u, 'tenant_id', /SystemAssigned/.test(String(identity.type)) ? TENANT : null);
        }
      },
    },
    // A role assignment is named by a GUID; its ID is `<scope>/providers/Microsoft.Authorization/roleAssignments/<name>`,
    // its role_definition_id the subscription-scoped ID of the role named (role_assignment_resource.go Create/Read).
    azurerm_role_assignment: {
      create: (s, u) => {
        fillIf(s, u, 'name', uuid());
        fillIf(s, u, 'id', `${s.scope}/providers/Microsoft.Authorization/roleAssignments/${s.name}`);
        const role = BUILT_IN_ROLES[String(s.role_definition_name).toLowerCase()] ?? guidOf(`role ${s.role_definition_name}`);
        fillIf(s, u, 'role_definition_id', `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/${role}`);
        fillIf(s, u, 'skip_service_principal_aad_check', false);
        // Upstream Optional and not computed: unset stays null.
        for (const name of ['condition', 'condition_version', 'description', 'delegated_managed_identity_resource_id']) fillIf(s, u, name, null);
      },
    },
    azurerm_network_security_perimeter: {
      create: (s, u) => fillIf(s, u, 'id', armId(s.resource_group_name, 'Microsoft.Network/networkSecurityPerimeters', s.name)),
    },
    azurerm_network_security_perimeter_profile: {
      create: (s, u) => fillIf(s, u, 'id', `${s.network_security_perimeter_id}/profiles/${s.name}`),
    },
    azurerm_network_security_perimeter_access_rule: {
      create: (s, u) => fillIf(s, u, 'id', `${s.network_security_perimeter_profile_id}/accessRules/${s.name}`),
    },
    azurerm_network_security_perimeter_association: {
      create: (s, u) => fillIf(s, u, 'id', `${String(s.network_security_perimeter_profile_id).replace(/\/profiles\/[^/]+$/i, '')}/resourceAssociations/${s.name}`),
    },
    databricks_mws_network_connectivity_config: {
      create: (s, u, ctx) => {
        const id = uuid();
        fillIf(s, u, 'account_id', accountIdOf(s, ctx));
        fillIf(s, u, 'network_connectivity_config_id', id);
        fillIf(s, u, 'id', `${accountIdOf(s, ctx)}/${id}`);
      },
    },
    // Databricks creates the private endpoint in its own subscription; the target then holds a Pending
    // connection whose private endpoint ID ends with `/privateEndpoints/<endpoint_name>` (domain.md 3-4).
    // The provider returns while the rule is CREATING (1.99, and every version by default; the waiting
    // implementation of 1.121+ is opt-in). Endpoint names look like `databricks-<uuid>-pe-<8 hex>`.
    databricks_mws_ncc_private_endpoint_rule: {
      create: (s, u, ctx) => {
        const ruleId = uuid();
        const generated = u(s.endpoint_name);
        fillIf(s, u, 'rule_id', ruleId);
        fillIf(s, u, 'endpoint_name', `databricks-${uuid()}-pe-${hex(ruleId, 8)}`);
        fillIf(s, u, 'connection_state', 'CREATING');
        fillIf(s, u, 'account_id', accountIdOf(s, ctx));
        fillIf(s, u, 'id', `${s.network_connectivity_config_id}/${s.rule_id}`);
        // A test that gives the endpoint name by fixture drives the target's connections by fixture too.
        if (generated && isKnownString(s.resource_id) && isKnownString(s.endpoint_name)) {
          const target = connectionsOf(s.resource_id) ?? { target: s.resource_id, connections: [] };
          target.connections.push(newConnection(s.resource_id, s.endpoint_name));
          world.put('connections', s.resource_id, target);
        }
      },
      // Deleting a rule deactivates it; the connection entry can stay on the target (domain.md 3).
      delete: (s) => {
        const target = isKnownString(s.resource_id) ? connectionsOf(s.resource_id) : undefined;
        const c = target?.connections.find((x) => endpointOf(x)?.toLowerCase() === String(s.endpoint_name).toLowerCase());
        if (c) {
          c.properties.privateLinkServiceConnectionState.status = 'Disconnected';
          world.put('connections', s.resource_id, target);
        }
      },
      // A refresh reads the rule's state: the status of its connection on the target (EXPIRED if the world says so).
      read: (s) => {
        const target = isKnownString(s.resource_id) ? connectionsOf(s.resource_id) : undefined;
        const c = target?.connections.find((x) => endpointOf(x)?.toLowerCase() === String(s.endpoint_name).toLowerCase());
        if (c) {
          s.connection_state = c.expired ? 'EXPIRED' : RULE_STATE[String(c.properties.privateLinkServiceConnectionState.status).toLowerCase()] ?? s.connection_state;
        }
      },
    },
    databricks_mws_ncc_binding: {
      create: (s, u) => fillIf(s, u, 'id', `${s.network_connectivity_config_id}/${s.workspace_id}`),
    },
    // The account API fills `ingress.private_access` on every policy written without it (the value the
    // provider then reports: databricks/terraform-provider-databricks#5884; the Databricks security reference
    // architecture sets it explicitly for this reason, terraform-databricks-sra#243), and requires
    // `cross_workspace_access` in an ingress it is sent (terraform-databricks-sra#249). The provider copies the
    // whole response into state (resource_account_network_policy.go Create/Read/Update); a provider whose
    // schema has no `ingress` (before 1.113) drops it (the Go SDK ignores unknown keys).
    databricks_account_network_policy: {
      create: (s, u, ctx) => policyWrite(s, u, ctx),
      update: (s, u, ctx) => policyWrite(s, u, ctx),
      read: (s, ctx) => {
        let stored = world.get('policies', `${accountIdOf(s, ctx)}/${s.network_policy_id}`);
        // Every account has `default-policy`, reserved, with full access until someone changes it (provider doc
        // account_network_policy.md; Learn, "Manage network policies for serverless egress control").
        if (!stored && s.network_policy_id === 'default-policy') {
          stored = { response: { egress: { network_access: { restriction_mode: 'FULL_ACCESS' } }, ...('ingress' in s ? { ingress: filledIngress(null) } : {}) } };
        }
        if (stored) {
          s.account_id = accountIdOf(s, ctx);
          for (const [name, value] of Object.entries(stored.response)) if (name in s) s[name] = value;
        }
      },
    },
    // Unity Catalog (workspace-level API, one metastore per workspace here). The provider sets the ID to the
    // object's name (a grant's to `<securable>/<name>`, a binding's to `<workspace>|<type>|<name>`) and copies
    // the response's computed fields into state (catalog/resource_*.go Create/Read).
    databricks_storage_credential: {
      create: (s, u, ctx) => {
        const metastore = metastoreOf(s, ctx);
        fillIf(s, u, 'id', s.name);
        fillIf(s, u, 'storage_credential_id', uuid());
        ucCommon(s, u, ctx, metastore);
        for (const mi of Array.isArray(s.azure_managed_identity) ? s.azure_managed_identity : []) {
          fillIf(mi, u, 'credential_id', uuid());
          fillIf(mi, u, 'managed_identity_id', null); // a system-assigned identity: none
        }
        world.put('uc-credentials', `${metastore}/${s.name}`, { storage_credential_id: s.storage_credential_id, access_connector_id: s.azure_managed_identity?.[0]?.access_connector_id ?? null });
      },
      update: (s, u, ctx) => {
        const metastore = metastoreOf(s, ctx);
        world.put('uc-credentials', `${metastore}/${s.name}`, { storage_credential_id: s.storage_credential_id, access_connector_id: s.azure_managed_identity?.[0]?.access_connector_id ?? null });
      },
      delete: (s, ctx) => world.remove('uc-credentials', `${metastoreOf(s, ctx)}/${s.name}`),
    },
    databricks_external_location: {
      create: (s, u, ctx) => {
        const metastore = metastoreOf(s, ctx);
        fillIf(s, u, 'id', s.name);
        ucCommon(s, u, ctx, metastore);
        // The credential's ID, as the API reports it on the location.
        const credential = isKnownString(s.credential_name) ? world.get('uc-credentials', `${metastore}/${s.credential_name}`) : undefined;
        fillIf(s, u, 'credential_id', credential?.storage_credential_id ?? uuid());
        fillIf(s, u, 'browse_only', false);
        fillIf(s, u, 'enable_file_events', false);
        fillIf(s, u, 'fallback', false);
      },
    },
    databricks_catalog: {
      create: (s, u, ctx) => {
        fillIf(s, u, 'id', s.name);
        ucCommon(s, u, ctx, metastoreOf(s, ctx));
        fillIf(s, u, 'full_name', s.name);
        fillIf(s, u, 'securable_type', 'CATALOG');
        fillIf(s, u, 'catalog_type', 'MANAGED_CATALOG');
        fillIf(s, u, 'enable_predictive_optimization', 'INHERIT');
        fillIf(s, u, 'browse_only', false);
        // Managed storage of a catalog: a folder of its storage root named by the catalog's ID.
        fillIf(s, u, 'storage_location', isKnownString(s.storage_root) ? `${s.storage_root.replace(/\/$/, '')}/__unitystorage/catalogs/${uuid()}` : null);
        for (const name of ['connection_name', 'provider_name', 'share_name']) fillIf(s, u, name, null);
      },
    },
    databricks_workspace_binding: {
      create: (s, u) => {
        fillIf(s, u, 'securable_name', s.catalog_name);
        fillIf(s, u, 'id', `${s.workspace_id}|${s.securable_type}|${s.securable_name}`);
      },
    },
    databricks_grants: {
      create: (s, u) => {
        const securable = GRANT_SECURABLES.find((name) => isKnownString(s[name]));
        fillIf(s, u, 'id', securable ? `${securable}/${s[securable]}` : 'standin-id');
        for (const name of GRANT_SECURABLES.filter((n) => n !== securable)) fillIf(s, u, name, null);
      },
    },
    // azapi_resource PUTs the body to `<parent_id>/providers/<type>/<name>` (parse.NewResourceID), GETs it,
    // and sets `output` from the response (only the paths of response_export_values, azapi_resource.go
    // CreateUpdate/Read, common.go buildOutputFromBody). A create first GETs the ID: an existing resource
    // is "Resource already exists". The fake cloud keeps each response; types it does not know are echoed.
    azapi_resource: {
      create: (s, u, ctx) => azapiPut(s, u, ctx, true),
      update: (s, u, ctx) => azapiPut(s, u, ctx, false),
      read: (s, ctx) => {
        const stored = isKnownString(s.id) ? world.get('arm', s.id) : undefined;
        if (stored) s.output = ctx.dynamicValue(ctx.azapiOutput(s.response_export_values, ctx.providerConfig, stored.response));
      },
      delete: (s) => isKnownString(s.id) && world.remove('arm', s.id),
    },
    time_sleep: {
      create: (s, u) => fillIf(s, u, 'id', new Date().toISOString().replace(/\.\d+Z$/, 'Z')),
    },
    // azapi_update_resource GETs the resource, merges `body` into it and PUTs it
    // (azapi_update_resource.go Create/Update); a refresh merges the remote body into the shape of the
    // configured one (Read, utils.UpdateObject): drift of a key the body names shows as a change.
    azapi_update_resource: {
      create: (s, u, ctx) => approvalWrite(s, u, ctx, true),
      update: (s, u, ctx) => approvalWrite(s, u, ctx, false),
      read: (s) => {
        const found = findConnection(s.resource_id);
        const body = s.body && s.body[1];
        const state = found?.connection.properties.privateLinkServiceConnectionState;
        const want = body?.properties?.privateLinkServiceConnectionState;
        if (state && want) {
          for (const key of Object.keys(want)) if (key in state) want[key] = state[key];
        }
      },
    },
  };

  /** The metastore of a workspace-level object: one per workspace (provider host). */
  function metastoreOf(s, ctx) {
    return isKnownString(s.metastore_id) ? s.metastore_id : guidOf(`metastore ${isKnownString(ctx.providerConfig?.host) ? ctx.providerConfig.host : 'standin'}`);
  }

  /** What every Unity Catalog securable reports: its metastore, owner (the caller), isolation mode, timestamps. */
  function ucCommon(s, u, ctx, metastore) {
    const now = Date.now();
    fillIf(s, u, 'metastore_id', metastore);
    fillIf(s, u, 'owner', DEPLOYER);
    fillIf(s, u, 'isolation_mode', 'ISOLATION_MODE_OPEN');
    fillIf(s, u, 'created_at', now);
    fillIf(s, u, 'created_by', DEPLOYER);
    fillIf(s, u, 'updated_at', now);
    fillIf(s, u, 'updated_by', DEPLOYER);
    fillIf(s, u, 'api', null); // upstream Optional, not computed
  }

  /** The ARM PUT of an azapi_resource (see the handler). */
  function azapiPut(s, u, ctx, creating) {
    const body = ctx.plainDynamic(s.body) ?? {};
    const [type, apiVersion] = String(s.type).split('@');
    const id = `${s.parent_id}/providers/${type}/${s.name}`;
    if (creating && world.get('arm', id)) {
      return [error('Resource already exists', `stand-in: a resource with the ID "${id}" already exists - to be managed via Terraform this resource needs to be imported into the State.`)];
    }
    const refused = refusal(type, body);
    if (refused) {
      return [error('Failed to create/update resource', `creating/updating Resource: (ResourceId "${id}" / Api Version "${apiVersion}"): RESPONSE 400: 400 Bad Request, ${refused}`)];
    }
    const response = { ...body, id, name: s.name, type, ...(isKnownString(s.location) ? { location: s.location } : {}), ...(s.tags && typeof s.tags === 'object' ? { tags: s.tags } : {}) };
    if (/^Microsoft\.Databricks\/workspaces$/i.test(type)) {
      const previous = world.get('arm', id)?.response?.properties;
      const workspaceId = previous?.workspaceId ?? workspaceIdOf(id.toLowerCase());
      response.properties = {
        ...body.properties,
        provisioningState: 'Succeeded',
        workspaceId,
        workspaceUrl: previous?.workspaceUrl ?? `adb-${workspaceId}.${Number(workspaceId.slice(-2))}.azuredatabricks.net`,
        createdDateTime: previous?.createdDateTime ?? new Date().toISOString(),
      };
    }
    world.put('arm', id, { response });
    fillIf(s, u, 'id', id);
    if (u(s.output)) s.output = ctx.dynamicValue(ctx.azapiOutput(s.response_export_values, ctx.providerConfig, response));
    return undefined;
  }

  /**
   * What ARM refuses of a body, as a stand-in error text. A serverless workspace (computeMode Serverless) has
   * no classic compute plane: no managed resource group and no VNet injection (Learn, "Serverless workspaces";
   * this library's ServerlessWorkspace sends neither), so a body with managedResourceGroupId or parameters is
   * refused (the error code is the stand-in's).
   */
  function refusal(type, body) {
    if (!/^Microsoft\.Databricks\/workspaces$/i.test(type)) return undefined;
    const props = body.properties ?? {};
    if (String(props.computeMode).toLowerCase() !== 'serverless') return undefined;
    const extra = ['managedResourceGroupId', 'parameters'].filter((k) => props[k] !== undefined && props[k] !== null);
    return extra.length
      ? `ERROR CODE: InvalidServerlessWorkspaceProperties (stand-in): a workspace with computeMode Serverless takes no ${extra.map((k) => `properties.${k}`).join(' or ')} (no managed resource group, no VNet injection)`
      : undefined;
  }

  function policyWrite(s, u, ctx) {
    const ingress = s.ingress;
    if (ingress && typeof ingress === 'object' && !ingress.cross_workspace_access) {
      return [error('INVALID_PARAMETER_VALUE', 'cross_workspace_access is required in ingress (stand-in of the Databricks account API, per databricks/terraform-databricks-sra#249)')];
    }
    fillIf(s, u, 'account_id', accountIdOf(s, ctx));
    const response = {};
    if ('ingress' in s) {
      // Filled by the API; copied into state by the provider (see above).
      s.ingress = filledIngress(ingress);
      response.ingress = s.ingress;
    }
    response.egress = s.egress;
    world.put('policies', `${accountIdOf(s, ctx)}/${s.network_policy_id}`, { response });
    return undefined;
  }

  function filledIngress(ingress) {
    const filled = ingress && typeof ingress === 'object' ? { ...ingress } : { cross_workspace_access: null, public_access: null };
    if (!filled.private_access) filled.private_access = { restriction_mode: 'RESTRICTION_MODE_UNSPECIFIED', allow_rules: null, deny_rules: null };
    return filled;
  }

  function findConnection(resourceId) {
    if (!isKnownString(resourceId)) return undefined;
    const target = resourceId.replace(/\/privateEndpointConnections\/[^/]+$/i, '');
    const list = connectionsOf(target);
    const connection = list?.connections.find((c) => c.id.toLowerCase() === resourceId.toLowerCase());
    return list ? { list, target, connection } : undefined;
  }

  // Approving: only a Pending connection can be approved; Storage refuses to approve again a connection
  // that is Approved already (this project's README, "States and what the construct does"; the stand-in
  // applies it to storage accounts only, as the README says other services accept it).
  function approvalWrite(s, u, ctx, creating) {
    fillIf(s, u, 'id', s.resource_id);
    if (!isConnectionsType(s.type)) return undefined;
    const found = findConnection(s.resource_id);
    if (!found) return undefined; // a target the world does not hold: driven by fixtures
    if (!found.connection) {
      return [error('ResourceNotFound', `stand-in: ${s.resource_id} does not exist on the target (its connections: ${found.list.connections.map((c) => c.name).join(', ') || 'none'})`)];
    }
    const want = s.body && s.body[1]?.properties?.privateLinkServiceConnectionState;
    const state = found.connection.properties.privateLinkServiceConnectionState;
    if (want?.status === 'Approved' && state.status === 'Approved' && /^Microsoft\.Storage\//i.test(s.type)) {
      return [error('PrivateEndpointConnectionAlreadyApproved', `stand-in: ${s.resource_id} is Approved already, and a storage account refuses to approve it again (${creating ? 'create' : 'update'})`)];
    }
    if (want) Object.assign(state, want);
    world.put('connections', found.target, found.list);
    return undefined;
  }

  return {
    /** Fills server-set values of a new (or replaced) object; returns diagnostics of a refused call. */
    create(type, state, isUnknown, ctx) {
      return handlers[type]?.create?.(state, isUnknown, ctx);
    },
    update(type, state, isUnknown, ctx) {
      return handlers[type]?.update?.(state, isUnknown, ctx);
    },
    delete(type, state, ctx) {
      return handlers[type]?.delete?.(state, ctx);
    },
    /** What a refresh reads (the state with remote values); unchanged for types the world does not hold. */
    read(type, state, ctx) {
      handlers[type]?.read?.(state, ctx);
      return state;
    },
    /** The output of an azapi_resource_list of a target's private endpoint connections the world holds, else undefined. */
    listResponse(config) {
      if (!isConnectionsType(config.type) || !isKnownString(config.parent_id)) return undefined;
      const list = connectionsOf(config.parent_id);
      return list ? { value: list.connections.map(({ expired, ...c }) => c) } : undefined;
    },
  };
}

/** The securables of databricks_grants (catalog/permissions/permissions.go Mappings, v1.128.0). */
const GRANT_SECURABLES = [
  'catalog', 'credential', 'external_location', 'foreign_connection', 'function', 'mcp_service', 'metastore', 'model', 'model_provider_service',
  'model_service', 'pipeline', 'recipient', 'schema', 'secret', 'share', 'storage_credential', 'table', 'volume',
];

/** Who the Unity Catalog API reports as owner and creator of what the tests create. */
const DEPLOYER = 'deployer@example.com';

function error(summary, detail) {
  return { severity: 'ERROR', summary, detail, attribute: null };
}

module.exports = { World, createApi, SUBSCRIPTION, DATABRICKS_SUBSCRIPTION };
