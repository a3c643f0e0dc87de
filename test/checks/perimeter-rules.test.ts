import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { AccountNetworkPolicy } from '@cdktf/provider-databricks/lib/account-network-policy';
import { WorkspaceNetworkOption } from '@cdktf/provider-databricks/lib/workspace-network-option';
import { TerraformStack, Token } from 'cdktf';
import { l1Account } from './helpers';
import {
  AzurermNetworkSecurityPerimeter,
  AzurermNetworkSecurityPerimeterAccessRule,
  AzurermNetworkSecurityPerimeterAssociation,
  AzurermNetworkSecurityPerimeterProfile,
} from '../../src/bindings/azurerm-nsp/resources';
import { ServerlessEgressPolicy } from '../../src/egress/policy';
import { armId, findingsOn, newStack, ruleFindings, STORAGE_ID, VAULT_ID } from '../util';

/** A hand-written perimeter with one profile; `tags` become one inbound service-tag rule. */
function perimeter(stack: TerraformStack, id: string, tags: string[] = []) {
  const nsp = new AzurermNetworkSecurityPerimeter(stack, `${id}Nsp`, { name: `nsp-${id.toLowerCase()}`, resourceGroupName: 'rg', location: 'eastus2' });
  const profile = new AzurermNetworkSecurityPerimeterProfile(stack, `${id}Profile`, { name: 'p', networkSecurityPerimeterId: nsp.id });
  if (tags.length) {
    new AzurermNetworkSecurityPerimeterAccessRule(stack, `${id}Tags`, { name: 'tags', networkSecurityPerimeterProfileId: profile.id, direction: 'Inbound', serviceTags: tags });
  }
  const associate = (name: string, resourceId: string, accessMode: string) =>
    new AzurermNetworkSecurityPerimeterAssociation(stack, `${id}${name}`, { name: name.toLowerCase(), networkSecurityPerimeterProfileId: profile.id, resourceId, accessMode });
  return { profile, associate };
}

describe('associations of storage accounts', () => {
  test('ADBS-TAG-PATH-MODE: the serverless tag path associated in Enforced or Audit; Learning, or another resource, is fine', () => {
    const { stack } = newStack();
    const p = perimeter(stack, 'Tag', ['AzureDatabricksServerless.EastUS2']);
    p.associate('Enforced', l1Account(stack, 'A').id, 'Enforced');
    p.associate('Audit', l1Account(stack, 'B').id, 'Audit');
    p.associate('Learning', l1Account(stack, 'C').id, 'Learning');
    p.associate('Vault', VAULT_ID, 'Enforced');
    expect(findingsOn(stack, 'ADBS-TAG-PATH-MODE')).toEqual(['test/TagEnforced', 'test/TagAudit']);
    // Without the serverless tag in the profile, the mode is not the tag path's business.
    const { stack: other } = newStack();
    perimeter(other, 'Plain', ['Storage.EastUS2']).associate('Enforced', STORAGE_ID, 'Enforced');
    expect(findingsOn(other, 'ADBS-TAG-PATH-MODE')).toEqual([]);
  });

  test('ADBS-ENFORCED-STORAGE: a literal storage account ID in Enforced mode too; Audit is not', () => {
    const { stack } = newStack();
    const p = perimeter(stack, 'P');
    p.associate('Enforced', STORAGE_ID, 'Enforced');
    p.associate('Audit', armId('Microsoft.Storage/storageAccounts', 'staudit'), 'Audit');
    expect(findingsOn(stack, 'ADBS-ENFORCED-STORAGE')).toEqual(['test/PEnforced']);
  });

  test('ADBS-REOPENED-ACCOUNT: a closed account in Learning mode with a profile that has inbound rules', () => {
    const { stack } = newStack();
    const withRules = perimeter(stack, 'Rules', ['AzureDatabricksServerless.EastUS2']);
    withRules.associate('Closed', l1Account(stack, 'Closed').id, 'Learning');
    withRules.associate('ClosedEnforced', l1Account(stack, 'ClosedEnforced').id, 'Enforced');
    withRules.associate('Public', l1Account(stack, 'Public', { publicNetworkAccessEnabled: true }).id, 'Learning');
    perimeter(stack, 'Empty').associate('Closed', l1Account(stack, 'Closed2').id, 'Learning');
    expect(findingsOn(stack, 'ADBS-REOPENED-ACCOUNT')).toEqual(['test/RulesClosed']);
    expect(ruleFindings(stack, 'ADBS-REOPENED-ACCOUNT')[0]).toMatch(/^Private-endpoints-only account associated in Learning mode with a profile that has inbound rules/);
  });

  test('ADBS-ROOT-STORAGE-PERIMETER: an account in a workspace\'s managed resource group, by reference or by name', () => {
    const { stack } = newStack();
    const ws = new DatabricksWorkspace(stack, 'Ws', { name: 'ws', resourceGroupName: 'rg', location: 'eastus2', sku: 'premium', managedResourceGroupName: 'rg-ws-managed' });
    const p = perimeter(stack, 'P');
    p.associate('ByRef', `${ws.managedResourceGroupId}/providers/Microsoft.Storage/storageAccounts/dbstorageabc`, 'Learning');
    p.associate('ByName', armId('Microsoft.Storage/storageAccounts', 'dbstoragexyz', 'rg-ws-managed'), 'Learning');
    p.associate('Default', armId('Microsoft.Storage/storageAccounts', 'dbstorage123', 'databricks-rg-ws-a1b2c3'), 'Learning');
    p.associate('Fine', STORAGE_ID, 'Learning');
    expect(findingsOn(stack, 'ADBS-ROOT-STORAGE-PERIMETER')).toEqual(['test/PByRef', 'test/PByName', 'test/PDefault']);
  });
});

describe('ADBS-GLOBAL-TAG', () => {
  test('an access rule with the global serverless tag; the regional tag is fine', () => {
    const { stack } = newStack();
    perimeter(stack, 'Global', ['AzureDatabricksServerless']);
    perimeter(stack, 'Regional', ['AzureDatabricksServerless.EastUS2']);
    expect(findingsOn(stack, 'ADBS-GLOBAL-TAG')).toEqual(['test/GlobalTags']);
  });
});

describe('serverless egress', () => {
  const ACCOUNT_ID = '11111111-2222-3333-4444-555555555555';

  test('ADBS-WORKSPACE-EGRESS: no network policy, or a policy in full access, is an info; a restricted one is not', () => {
    const { stack, account } = newStack();
    const ws = (id: string) => new DatabricksWorkspace(stack, id, { name: id.toLowerCase(), resourceGroupName: 'rg', location: 'eastus2', sku: 'premium' });
    const restricted = new AccountNetworkPolicy(stack, 'Restricted', {
      accountId: ACCOUNT_ID,
      networkPolicyId: 'np-restricted',
      egress: { networkAccess: { restrictionMode: 'RESTRICTED_ACCESS', allowedInternetDestinations: [{ destination: 'pypi.org', internetDestinationType: 'DNS_NAME' }] } },
      provider: account,
    });
    const full = new AccountNetworkPolicy(stack, 'Full', { accountId: ACCOUNT_ID, networkPolicyId: 'np-full', egress: { networkAccess: { restrictionMode: 'FULL_ACCESS' } }, provider: account });
    ws('None');
    new WorkspaceNetworkOption(stack, 'OptionA', { workspaceId: Token.asNumber(ws('Open').workspaceId), networkPolicyId: full.networkPolicyId, provider: account });
    new WorkspaceNetworkOption(stack, 'OptionB', { workspaceId: Token.asNumber(ws('Closed').workspaceId), networkPolicyId: restricted.networkPolicyId, provider: account });
    expect(findingsOn(stack, 'ADBS-WORKSPACE-EGRESS')).toEqual(['test/None', 'test/Open']);
    expect(ruleFindings(stack, 'ADBS-WORKSPACE-EGRESS')).toEqual([
      expect.stringMatching(/^Workspace test\/None has no network policy in this stack/),
      expect.stringMatching(/^Workspace test\/Open has a network policy in full access/),
    ]);
  });

  test('ADBS-EGRESS-EMPTY on a hand-written policy; our policy with a destination is fine', () => {
    const { stack, account } = newStack();
    new AccountNetworkPolicy(stack, 'Empty', { accountId: ACCOUNT_ID, networkPolicyId: 'np-empty', egress: { networkAccess: { restrictionMode: 'RESTRICTED_ACCESS' } }, provider: account });
    new ServerlessEgressPolicy(stack, 'Ours', { networkPolicyId: 'np-ours', accountProvider: account, allowedDomains: ['pypi.org'] });
    new ServerlessEgressPolicy(stack, 'StorageOnly', { networkPolicyId: 'np-storage', accountProvider: account, allowedStorage: [{ storageAccountName: 'stlake' }] });
    expect(findingsOn(stack, 'ADBS-EGRESS-EMPTY')).toEqual(['test/Empty']);
  });
});
