import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { NetworkConnectivityConfig, PrivateLinkSubResource } from '../../src';
import { AzapiProvider } from '../../src/bindings/azapi/provider';
import { TimeProvider } from '../../src/bindings/time/provider';
import { validateStack } from '../terraform/harness';
import { newStack, STORAGE_ID, synth, VAULT_ID } from '../util';

/** An azapi or time provider of another binding (as `cdktf get` would generate), not the library's. */
class ForeignProvider extends TerraformProvider {
  constructor(scope: Construct, id: string, type: string, source: string, private readonly settings: { [key: string]: any } = {}) {
    super(scope, id, { terraformResourceType: type, terraformProviderSource: source, terraformGeneratorMetadata: { providerName: type, providerVersion: '9.9.9' } });
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return this.settings;
  }
}

function approvedRules(t: ReturnType<typeof newStack>) {
  const ncc = new NetworkConnectivityConfig(t.stack, 'Ncc', { name: 'ncc1', region: 'eastus2', accountProvider: t.account });
  ncc.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB }).approve();
  ncc.addPrivateEndpointRule('Vault', { resourceId: VAULT_ID, subResource: PrivateLinkSubResource.KEY_VAULT }).approve();
}

describe('the library\'s default azapi and time providers', () => {
  test('without any, one of each is created for the stack', () => {
    const t = newStack();
    approvedRules(t);
    const json = synth(t.stack);
    expect(json.provider.azapi).toEqual([{}]);
    expect(json.provider.time).toEqual([{}]);
  });

  test.each([['before'], ['after']])('an un-aliased provider of another binding declared %s the approvals is the only default', (when) => {
    const t = newStack();
    const declare = () => {
      new ForeignProvider(t.stack, 'my-azapi', 'azapi', 'azure/azapi', { subscription_id: '00000000-1111-2222-3333-444444444444' });
      new ForeignProvider(t.stack, 'my-time', 'time', 'hashicorp/time');
    };
    if (when === 'before') declare();
    approvedRules(t);
    if (when === 'after') declare();
    const json = synth(t.stack);
    expect(json.provider.azapi).toEqual([{ subscription_id: '00000000-1111-2222-3333-444444444444' }]);
    expect(json.provider.time).toEqual([{}]);
    expect(Object.values<any>(json.resource.azapi_update_resource).map((u) => u.provider)).toEqual(['azapi', 'azapi']);
    // The library's range still applies to the stack's own provider.
    expect(json.terraform.required_providers.azapi).toEqual({ source: 'azure/azapi', version: '>= 2.0.1, < 3.0.0' });
    // Synthesizing twice changes nothing, and Terraform accepts the configuration.
    expect(synth(t.stack).provider).toEqual(json.provider);
    expect(validateStack(t.stack).errors).toBe('');
  });

  test('the library\'s own provider declared after the approvals replaces the one it created', () => {
    const t = newStack();
    approvedRules(t);
    new AzapiProvider(t.stack, 'mine', { tenantId: '99999999-1111-2222-3333-444444444444' });
    new TimeProvider(t.stack, 'mytime');
    const json = synth(t.stack);
    expect(json.provider.azapi).toEqual([{ tenant_id: '99999999-1111-2222-3333-444444444444' }]);
    expect(json.provider.time).toHaveLength(1);
  });

  test('an aliased provider never becomes the default: approvals without azapiProvider get an un-aliased one', () => {
    const t = newStack();
    new AzapiProvider(t.stack, 'other-subscription', { alias: 'other', subscriptionId: '00000000-9999-2222-3333-444444444444' });
    approvedRules(t);
    const json = synth(t.stack);
    expect(json.provider.azapi).toEqual([{ alias: 'other', subscription_id: '00000000-9999-2222-3333-444444444444' }, {}]);
    const lookups = Object.values<any>(json.data.azapi_resource_list);
    const users = [...lookups, ...Object.values<any>(json.resource.azapi_update_resource)].map((e) => e.provider);
    expect(users).toEqual(['azapi', 'azapi', 'azapi', 'azapi']);
  });
});
