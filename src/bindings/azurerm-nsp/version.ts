import { constraintFor } from '../../core/provider-versions';
import { BindingProviderSpec } from '../base';

/** azurerm as the NSP bindings declare it (the stack's constraint is written by `requireProvider`). */
export const AZURERM_NSP: BindingProviderSpec = {
  name: 'azurerm',
  source: 'hashicorp/azurerm',
  versionConstraint: constraintFor('azurerm', ['network-security-perimeter']),
};
