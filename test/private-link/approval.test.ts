import { TerraformVariable } from 'cdktf';
import {
  ApprovalMode,
  bindings,
  NetworkConnectivityConfig,
  PrivateEndpointApproval,
  PrivateLinkSubResource,
  PrivateLinkTarget,
} from '../../src';

// The bindings are a submodule of the package, as a user imports them.
const { AzapiProvider, TimeProvider } = bindings;
import { addresses, armId, infos, newStack, only, ref, resolve, resources, STORAGE_ID, synth, VAULT_ID } from '../util';

const RULE = 'databricks_mws_ncc_private_endpoint_rule';
const LIST = 'azapi_resource_list';
const UPDATE = 'azapi_update_resource';

function setup() {
  const t = newStack();
  const ncc = new NetworkConnectivityConfig(t.stack, 'Ncc', { name: 'ncc1', region: 'eastus2', accountProvider: t.account });
  return { ...t, ncc };
}

describe('PrivateEndpointApproval (automatic)', () => {
  test('one lookup per target, one wait, selection and update per rule, wired by real references', () => {
    const { stack, ncc } = setup();
    const blob = ncc.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB });
    const dfs = ncc.addPrivateEndpointRule('Dfs', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.DFS });
    const approvals = [blob.approve(), dfs.approve()];
    const json = synth(stack);
    const ruleName = (id: string) => Object.keys(resources(json, RULE)).find((n) => n.startsWith(`Ncc_${id}_`))!;
    const ruleRef = (id: string, attribute: string) => `${RULE}.${ruleName(id)}.${attribute}`;
    const waitOf = (id: string) => Object.keys(json.resource.time_sleep).find((n) => n.startsWith(`Ncc_${id}_Approval_Wait_`))!;

    // One wait per rule: it waits only while its own rule may still be CREATING, and again only when its own rule is replaced.
    expect(Object.keys(json.resource.time_sleep).sort()).toEqual([waitOf('Blob'), waitOf('Dfs')].sort());
    for (const id of ['Blob', 'Dfs']) {
      expect(json.resource.time_sleep[waitOf(id)]).toEqual({
        create_duration: `\${length([for s in [${ruleRef(id, 'connection_state')}] : s if !contains(["PENDING", "ESTABLISHED"], coalesce(s, "CREATING"))]) > 0 ? "180s" : "0s"}`,
        triggers: { [id]: `\${${ruleRef(id, 'endpoint_name')}}` },
        provider: 'time',
        lifecycle: { ignore_changes: ['create_duration'] },
      });
    }
    // One lookup for the target, read after every wait of the target.
    const [lookupName, ...moreLookups] = Object.keys(json.data[LIST]);
    expect(moreLookups).toEqual([]);
    expect(json.data[LIST][lookupName]).toEqual({
      type: 'Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01',
      parent_id: STORAGE_ID,
      provider: 'azapi',
      // The list is asked for explicitly, so it arrives with azapi's default output disabled too.
      response_export_values: ['value'],
      depends_on: [`time_sleep.${waitOf('Blob')}`, `time_sleep.${waitOf('Dfs')}`],
    });

    // Per rule: its selection reads the one lookup with its own endpoint name; its update approves exactly one match.
    const updates = resources(json, UPDATE);
    expect(Object.keys(updates)).toHaveLength(2);
    for (const [i, id] of ['Blob', 'Dfs'].entries()) {
      const selectedName = Object.keys(json.locals).find((n) => n.startsWith(`Ncc_${id}_Approval_Selected`))!;
      expect(json.locals[selectedName]).toContain(`try(data.${LIST}.${lookupName}.output.value, [])`);
      expect(json.locals[selectedName]).toContain(`coalesce(${ruleRef(id, 'endpoint_name')})`);
      const update = Object.values<any>(updates).find((u) => u.resource_id.includes(selectedName));
      expect(update).toMatchObject({
        type: 'Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01',
        resource_id: `\${length(local.${selectedName}) == 1 ? local.${selectedName}[0].id : ""}`,
        provider: 'azapi',
      });
      expect(update.body.properties.privateLinkServiceConnectionState).toEqual({
        status: 'Approved',
        description: `Approved by cdktf-azure-databricks-serverless for Databricks NCC ${ref(json, 'databricks_mws_network_connectivity_config', 'network_connectivity_config_id')}, private endpoint \${${ruleRef(id, 'endpoint_name')}}`,
      });
      // Approved once, then left to the target's owner; approved anew only when its own rule is replaced.
      expect(update.lifecycle.ignore_changes).toEqual(['resource_id', 'body']);
      expect(update.lifecycle.replace_triggered_by).toEqual([`${ruleRef(id, 'endpoint_name')}`]);
      // The message's text is written once per stack (a local every approval formats with its own rule, endpoint,
      // count of matches and wait), not repeated on every approval.
      const message = 'cdktf-azure-databricks-serverless_approval-message';
      expect(json.locals[message]).toMatch(/expected exactly one Pending or Approved .* found %d after waiting up to %ds.*run terraform apply again.*ApprovalMode.MANUAL/);
      expect(update.lifecycle.precondition).toEqual([
        {
          condition: `\${length(local.${selectedName}) == 1}`,
          error_message: `\${format(local.${message}, "test/Ncc/${id}", coalesce(${ruleRef(id, 'endpoint_name')}, "(no endpoint name yet)"), length(local.${selectedName}), 180)}`,
        },
      ]);
      expect(approvals[i].lookup).toBe(approvals[0].lookup);
      const updateName = Object.keys(updates).find((n) => updates[n] === update);
      expect(resolve(stack, approvals[i].approval!.fqn)).toBe(`\${${UPDATE}.${updateName}}`);
    }
  });

  test('at most 3 Terraform objects per approved rule: the first rule on a target adds a wait, a lookup and an update; the next a wait and an update', () => {
    const count = (json: any) => addresses(json).length;
    const { stack, ncc } = setup();
    ncc.addPrivateEndpointRule('Other', { resourceId: armId('Microsoft.Storage/storageAccounts', 'stother'), subResource: PrivateLinkSubResource.BLOB });
    const before = count(synth(stack));
    ncc.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB }).approve();
    // The rule itself, plus three for its approval.
    expect(count(synth(stack)) - before).toBe(1 + 3);
    // A second rule on the same target adds its own wait and update (and the rule), and shares the lookup.
    const withOne = count(synth(stack));
    ncc.addPrivateEndpointRule('Dfs', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.DFS }).approve();
    expect(addresses(synth(stack)).filter((a) => a.startsWith('data.'))).toHaveLength(1);
    expect(count(synth(stack)) - withOne).toBe(1 + 2);
  });

  test('rules on different targets get their own lookups; references to one target by different tokens share one', () => {
    const { stack, ncc } = setup();
    const id = new TerraformVariable(stack, 'lake_id', { type: 'string' });
    ncc.addPrivateEndpointRule('Blob', { resourceId: id.stringValue, subResource: PrivateLinkSubResource.BLOB }).approve();
    ncc.addPrivateEndpointRule('Dfs', { resourceId: id.stringValue, subResource: PrivateLinkSubResource.DFS }).approve();
    ncc.addPrivateEndpointRule('Vault', { resourceId: VAULT_ID, subResource: PrivateLinkSubResource.KEY_VAULT }).approve();
    const lookups = Object.values<any>(synth(stack).data[LIST]).map((l) => l.parent_id).sort();
    expect(lookups).toEqual([VAULT_ID, '${var.lake_id}'].sort());
  });

  test('emits the azapi and time providers with their version constraints, once per stack', () => {
    const { stack, ncc } = setup();
    ncc.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB }).approve();
    ncc.addPrivateEndpointRule('Dfs', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.DFS }).approve();
    const json = synth(stack);
    expect(json.terraform.required_providers.azapi).toEqual({ source: 'azure/azapi', version: '>= 2.0.1, < 3.0.0' });
    expect(json.terraform.required_providers.time).toEqual({ source: 'hashicorp/time', version: '>= 0.9.0, < 1.0.0' });
    expect(json.provider.azapi).toHaveLength(1);
    expect(json.provider.time).toHaveLength(1);
    expect(Object.keys(resources(json, UPDATE))).toHaveLength(2);
  });

  test('uses providers the user passed or already declared', () => {
    const { stack, ncc } = setup();
    const azapi = new AzapiProvider(stack, 'az', { alias: 'data', subscriptionId: '00000000-1111-2222-3333-444444444444' });
    new TimeProvider(stack, 'mytime');
    ncc.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB }).approve({ azapiProvider: azapi });
    const json = synth(stack);
    expect(json.provider.azapi).toEqual([{ alias: 'data', subscription_id: '00000000-1111-2222-3333-444444444444' }]);
    expect(json.provider.time).toHaveLength(1);
    expect(only(json, UPDATE).provider).toBe('azapi.data');
  });

  test.each([
    [PrivateLinkSubResource.BLOB, 'Microsoft.Storage/storageAccounts', 'Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01'],
    [PrivateLinkSubResource.KEY_VAULT, 'Microsoft.KeyVault/vaults', 'Microsoft.KeyVault/vaults/privateEndpointConnections@2023-07-01'],
    [PrivateLinkSubResource.SQL_SERVER, 'Microsoft.Sql/servers', 'Microsoft.Sql/servers/privateEndpointConnections@2021-11-01'],
    [PrivateLinkSubResource.COSMOS_DB_SQL, 'Microsoft.DocumentDB/databaseAccounts', 'Microsoft.DocumentDB/databaseAccounts/privateEndpointConnections@2024-08-15'],
    [PrivateLinkSubResource.EVENT_HUBS_NAMESPACE, 'Microsoft.EventHub/namespaces', 'Microsoft.EventHub/namespaces/privateEndpointConnections@2024-01-01'],
    [PrivateLinkSubResource.SERVICE_BUS_NAMESPACE, 'Microsoft.ServiceBus/namespaces', 'Microsoft.ServiceBus/namespaces/privateEndpointConnections@2024-01-01'],
    [PrivateLinkSubResource.SEARCH_SERVICE, 'Microsoft.Search/searchServices', 'Microsoft.Search/searchServices/privateEndpointConnections@2023-11-01'],
    [PrivateLinkSubResource.CONTAINER_REGISTRY, 'Microsoft.ContainerRegistry/registries', 'Microsoft.ContainerRegistry/registries/privateEndpointConnections@2023-07-01'],
    [PrivateLinkSubResource.MYSQL_SERVER, 'Microsoft.DBforMySQL/flexibleServers', 'Microsoft.DBforMySQL/flexibleServers/privateEndpointConnections@2023-06-30'],
    [PrivateLinkSubResource.POSTGRESQL_SERVER, 'Microsoft.DBforPostgreSQL/flexibleServers', 'Microsoft.DBforPostgreSQL/flexibleServers/privateEndpointConnections@2024-08-01'],
  ])('target %#: a %s rule on %s approves %s', (sub, resourceType, connectionsType) => {
    for (const literal of [true, false]) {
      const { stack, ncc } = setup();
      const resourceId = literal ? armId(resourceType, 'target1') : new TerraformVariable(stack, 'id', { type: 'string' }).stringValue;
      ncc.addPrivateEndpointRule('Rule', { resourceId, subResource: sub }).approve();
      const json = synth(stack);
      expect(only(json, UPDATE).type).toBe(connectionsType);
      expect(Object.values<any>(json.data[LIST]).every((l) => l.type === connectionsType)).toBe(true);
    }
  });

  test('a Private Link Service target (domain names) approves on the PLS', () => {
    const { stack, ncc } = setup();
    const pls = armId('Microsoft.Network/privateLinkServices', 'pls');
    ncc.addPrivateEndpointRule('Pls', { resourceId: pls, domainNames: ['db.internal.example.com'] }).approve();
    const json = synth(stack);
    expect(only(json, UPDATE).type).toBe('Microsoft.Network/privateLinkServices/privateEndpointConnections@2024-03-01');
    expect(Object.values<any>(json.data[LIST])[0].parent_id).toBe(pls);
  });

  test('a custom target type is used as given', () => {
    const { stack, ncc } = setup();
    ncc
      .addPrivateEndpointRule('Web', { resourceId: armId('Microsoft.Web/sites', 'app'), subResource: PrivateLinkSubResource.custom('sites') })
      .approve({ targetType: PrivateLinkTarget.custom('Microsoft.Web/sites', '2023-12-01') });
    expect(only(synth(stack), UPDATE).type).toBe('Microsoft.Web/sites/privateEndpointConnections@2023-12-01');
  });

  test('waitSeconds 0 never waits: the lookup reads right after the rules exist', () => {
    const { stack, ncc } = setup();
    ncc.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB }).approve({ waitSeconds: 0 });
    ncc.addPrivateEndpointRule('Dfs', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.DFS }).approve({ waitSeconds: 0 });
    const json = synth(stack);
    expect(Object.values<any>(json.data[LIST]).map((l) => l.depends_on)).toEqual([Object.keys(resources(json, RULE)).map((n) => `${RULE}.${n}`)]);
    expect(json.resource.time_sleep).toBeUndefined();
    expect(json.provider.time).toBeUndefined();
  });

  test('rules on one target may wait differently: each waits on its own, and the lookup follows every wait', () => {
    const { stack, ncc } = setup();
    ncc.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB }).approve({ waitSeconds: 300 });
    ncc.addPrivateEndpointRule('Dfs', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.DFS }).approve({ waitSeconds: 0 });
    const json = synth(stack);
    const waits = Object.values<any>(json.resource.time_sleep).map((w) => w.create_duration);
    expect(waits).toEqual([expect.stringContaining('? "300s" : "0s"')]);
    const dfsRule = Object.keys(json.resource[RULE]).find((n) => n.startsWith('Ncc_Dfs_'));
    expect((Object.values<any>(json.data[LIST])[0]).depends_on).toEqual([`time_sleep.${Object.keys(json.resource.time_sleep)[0]}`, `${RULE}.${dfsRule}`]);
  });
});

describe('PrivateEndpointApproval guards', () => {
  test('a type the table does not know needs targetType', () => {
    const { ncc } = setup();
    const rule = ncc.addPrivateEndpointRule('Web', { resourceId: armId('Microsoft.Web/sites', 'app'), subResource: PrivateLinkSubResource.custom('sites') });
    expect(() => rule.approve()).toThrow(
      /Approval: invalid targetType \(not set\): Microsoft.Web\/sites is not in the approval table. Fix: pass targetType: PrivateLinkTarget.custom\("Microsoft.Web\/sites"/,
    );
  });

  test('a token resource ID with a custom sub-resource needs targetType', () => {
    const { stack, ncc } = setup();
    const id = new TerraformVariable(stack, 'id', { type: 'string' }).stringValue;
    const rule = ncc.addPrivateEndpointRule('Web', { resourceId: id, subResource: PrivateLinkSubResource.custom('sites') });
    expect(() => rule.approve()).toThrow(/the target type cannot be derived.*Fix: pass targetType/);
  });

  test('targetType is compared with a literal resource ID case-insensitively, as ARM compares types', () => {
    const { stack, ncc } = setup();
    const rule = ncc.addPrivateEndpointRule('Blob', { resourceId: armId('microsoft.storage/STORAGEACCOUNTS', 'st'), subResource: PrivateLinkSubResource.BLOB });
    expect(() => rule.approve({ targetType: PrivateLinkTarget.STORAGE_ACCOUNT })).not.toThrow();
    expect(only(synth(stack), UPDATE).type).toBe('Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01');
  });

  test('targetType that contradicts a literal resource ID is an error', () => {
    const { ncc } = setup();
    const rule = ncc.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB });
    expect(() => rule.approve({ targetType: PrivateLinkTarget.KEY_VAULT })).toThrow(
      /invalid targetType "Microsoft.KeyVault\/vaults": the rule's resource ID is a Microsoft.Storage\/storageAccounts/,
    );
  });

  test.each([[-1], [1.5], [3601]])('rejects waitSeconds %j', (waitSeconds) => {
    const { ncc } = setup();
    const rule = ncc.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB });
    expect(() => rule.approve({ waitSeconds })).toThrow(/invalid waitSeconds .*expected a whole number of seconds from 0 to 3600/);
  });

  test('approve() twice on one rule is an error', () => {
    const { ncc } = setup();
    const rule = ncc.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB });
    rule.approve();
    expect(() => rule.approve()).toThrow(/a rule has one approval/);
  });

  test('PrivateLinkTarget.custom validates its input', () => {
    expect(() => PrivateLinkTarget.custom('sites', '2023-01-01')).toThrow(/invalid resourceType "sites"/);
    expect(() => PrivateLinkTarget.custom('Microsoft.Web/sites', 'latest')).toThrow(/invalid apiVersion "latest"/);
  });
});

describe('PrivateEndpointApproval (manual)', () => {
  test('emits nothing on the Azure side, says what to approve, exposes target and endpoint name', () => {
    const { stack, ncc } = setup();
    const rule = ncc.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB });
    const approval = rule.approve({ mode: ApprovalMode.MANUAL });
    const json = synth(stack);
    expect(json.data).toBeUndefined();
    expect(resources(json, UPDATE)).toEqual({});
    expect(json.resource.time_sleep).toBeUndefined();
    expect(json.terraform.required_providers.azapi).toBeUndefined();
    expect(approval.targetResourceId).toBe(STORAGE_ID);
    expect(resolve(stack, approval.endpointName)).toBe(ref(json, RULE, 'endpoint_name'));
    expect(approval.targetType).toBe(PrivateLinkTarget.STORAGE_ACCOUNT);
    expect(infos(stack)).toEqual([
      expect.stringMatching(new RegExp(`Manual approval: approve on ${STORAGE_ID.replace(/\//g, '\\/')} the Pending private endpoint connection whose private endpoint ID ends with "/privateEndpoints/<endpoint_name>" of rule test/Ncc/Blob`)),
    ]);
  });

  test('can be created directly', () => {
    const { stack, ncc } = setup();
    const rule = ncc.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB });
    new PrivateEndpointApproval(stack, 'Direct', { rule, mode: ApprovalMode.MANUAL });
    expect(infos(stack)).toHaveLength(1);
  });
});

describe('PrivateLinkTarget table', () => {
  test('every well-known sub-resource has a target type to approve on', () => {
    const S = PrivateLinkSubResource;
    const subs = [S.BLOB, S.DFS, S.FILE, S.QUEUE, S.TABLE, S.WEB, S.SQL_SERVER, S.KEY_VAULT, S.COSMOS_DB_SQL, S.COSMOS_DB_MONGODB,
      S.COSMOS_DB_CASSANDRA, S.COSMOS_DB_GREMLIN, S.COSMOS_DB_TABLE, S.EVENT_HUBS_NAMESPACE, S.SERVICE_BUS_NAMESPACE, S.SEARCH_SERVICE,
      S.CONTAINER_REGISTRY, S.MYSQL_SERVER, S.POSTGRESQL_SERVER];
    for (const sub of subs) {
      for (const type of sub.resourceTypes) {
        expect(PrivateLinkTarget.fromResourceType(type)!.resourceType).toBe(type);
      }
    }
    expect(PrivateLinkTarget.fromResourceType('microsoft.keyvault/VAULTS')).toBe(PrivateLinkTarget.KEY_VAULT);
  });
});
