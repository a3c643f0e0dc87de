import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { TerraformStack, TerraformVariable } from 'cdktf';

/**
 * The azurerm provider as the library's storage accounts need it: Entra ID for storage data-plane calls
 * (the library turns shared-key access off), and no data-plane calls from azurerm 4.x on accounts that
 * deny public access (a runner outside their network gets 403; 5.x makes none and accepts the setting).
 */
export function exampleAzurerm(stack: TerraformStack): AzurermProvider {
  return new AzurermProvider(stack, 'azurerm', { features: [{ storage: [{ dataPlaneAvailable: false }] }], storageUseAzuread: true });
}

/**
 * The providers every example stack uses: azurerm (exampleAzurerm) and an account-level Databricks
 * provider whose account ID is a Terraform variable. Returns the account-level provider.
 */
export function exampleProviders(stack: TerraformStack): DatabricksProvider {
  exampleAzurerm(stack);
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
