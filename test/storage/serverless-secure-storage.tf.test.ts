/**
 * Real Terraform, offline (test/terraform/): the stacks of serverless-secure-storage validated and planned at both ends.
 */
import {
  NetworkConnectivityConfig,
  NetworkSecurityPerimeter,
  ServerlessSecureStorage,
  ServerlessSecureStorageProps,
  StorageAccess,
} from '../../src';
import { planStack, validateStack } from '../terraform/harness';
import { armId, newStack } from '../util';

const SA = 'azurerm_storage_account';

const ACCOUNT = { name: 'stlake', resourceGroupName: 'rg-data', location: 'eastus2' };

function setup() {
  const t = newStack();
  const ncc = new NetworkConnectivityConfig(t.stack, 'Ncc', { name: 'ncc1', region: 'eastus2', accountProvider: t.account });
  let n = 0;
  // Guard tests build several constructs in one stack: unique default IDs.
  const make = (props: Partial<ServerlessSecureStorageProps>, id = `Lake${n++ || ''}`) =>
    new ServerlessSecureStorage(t.stack, id, { networkConnectivityConfig: ncc, ...props });
  return { ...t, ncc, make };
}
describe('with real Terraform', () => {
  test('every access model, workspace root storage and a shared profile validate and plan', () => {
    const { stack, make } = setup();
    const nsp = new NetworkSecurityPerimeter(stack, 'Nsp', { name: 'nsp-shared', resourceGroupName: 'rg', location: 'eastus2' });
    const shared = nsp.addProfile('Serverless', { name: 'serverless' });
    make({ storageAccount: { ...ACCOUNT, accessConnectorId: armId('Microsoft.Databricks/accessConnectors', 'ac'), preventDestroy: true } }, 'Pe');
    make({ storageAccount: { ...ACCOUNT, name: 'sttag' }, access: StorageAccess.SERVICE_TAG }, 'Tag');
    make({ storageAccount: { ...ACCOUNT, name: 'stboth' }, access: StorageAccess.PRIVATE_ENDPOINTS_AND_SERVICE_TAG, perimeterProfile: shared }, 'Both');
    make({ storageAccountId: armId('Microsoft.Storage/storageAccounts', 'dbroot'), workspaceRootStorage: true }, 'Root');
    expect(validateStack(stack)).toMatchObject({ valid: true, errors: '' });
    const plan = planStack(stack);
    expect(plan.resource_changes.filter((c: any) => c.type === SA)).toHaveLength(3);
  });
});
