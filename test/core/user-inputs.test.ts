import { NetworkConnectivityConfig, NetworkSecurityPerimeter } from '../../src';
import { newStack, SUB, synth } from '../util';

/** Settings a user writes in their own stack, which the library must keep. */
describe('what the user wrote, kept', () => {
  test('a provider source of the stack (a registry mirror) is kept; the library writes only the version range', () => {
    const { stack } = newStack();
    stack.addOverride('terraform.required_providers.databricks.source', 'registry.example.internal/databricks/databricks');
    new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2' });
    expect(synth(stack).terraform.required_providers).toEqual({
      azurerm: { source: 'hashicorp/azurerm', version: '>= 4.55.0, < 6.0.0' },
      databricks: { source: 'registry.example.internal/databricks/databricks', version: '>= 1.99.0, != 1.114.0, < 2.0.0' },
    });
  });
});

describe('IDs that azurerm parses case-sensitively', () => {
  const perimeterId = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityPerimeters/nsp-shared`;
  test.each([perimeterId.replace('/providers/', '/Providers/'), perimeterId.replace('/providers/', '/PROVIDERS/')])('%s is refused: "providers" is matched exactly', (id) => {
    const { stack } = newStack();
    expect(() => NetworkSecurityPerimeter.fromPerimeterAttributes(stack, 'P', { perimeterId: id })).toThrow(
      /invalid perimeterId .*the provider matches this ID case-sensitively and expects the segments "subscriptions", "resourceGroups", "providers"/,
    );
  });
});
