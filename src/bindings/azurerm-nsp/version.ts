import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { BindingProviderSpec } from '../base';

/**
 * The azurerm version range the network security perimeter bindings need: the NSP resources exist
 * from 4.58 and `service_tags` on access rules from 4.61; 4.x stays compatible.
 */
export const AZURERM_NSP_VERSION_CONSTRAINT = '>= 4.61.0, < 5.0.0';

/** azurerm as the NSP bindings declare it. */
export const AZURERM_NSP: BindingProviderSpec = { name: 'azurerm', source: 'hashicorp/azurerm', versionConstraint: AZURERM_NSP_VERSION_CONSTRAINT };

const raised = new WeakSet<TerraformStack>();

/**
 * Replaces the prebuilt exact azurerm pin (4.55.0, which has no NSP resources) in the stack's
 * `required_providers` with {@link AZURERM_NSP_VERSION_CONSTRAINT}. Once per stack.
 */
export function requireAzurermForNsp(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (raised.has(stack)) {
    return;
  }
  raised.add(stack);
  stack.addOverride('terraform.required_providers.azurerm.version', AZURERM_NSP_VERSION_CONSTRAINT);
  stack.addOverride('terraform.required_providers.azurerm.source', 'hashicorp/azurerm');
}
