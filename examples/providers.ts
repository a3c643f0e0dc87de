import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { TerraformStack, TerraformVariable } from 'cdktf';

/**
 * The providers every example stack uses: azurerm (Entra ID for storage data-plane calls, since the
 * library turns shared-key access off) and an account-level Databricks provider whose account ID is a
 * Terraform variable. Returns the account-level provider.
 */
export function exampleProviders(stack: TerraformStack): DatabricksProvider {
  new AzurermProvider(stack, 'azurerm', { features: [{}], storageUseAzuread: true });
  const accountId = new TerraformVariable(stack, 'databricks_account_id', {
    type: 'string',
    description: 'Azure Databricks account ID (account console, top right)',
  });
  return new DatabricksProvider(stack, 'databricks-account', {
    alias: 'account',
    host: 'https://accounts.azuredatabricks.net',
    accountId: accountId.stringValue,
  });
}
