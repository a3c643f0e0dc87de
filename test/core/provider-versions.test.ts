import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { App, Testing, TerraformStack } from 'cdktf';
import {
  NetworkConnectivityConfig,
  NetworkSecurityPerimeter,
  PrivateLinkSubResource,
  ServerlessSecureStorage,
  ServiceTag,
  StorageAccess,
} from '../../src';
import { PROVIDER_VERSIONS_CONTEXT } from '../../src/core/provider-requirements';
import { constraintFor, PROVIDER_RANGES } from '../../src/core/provider-versions';
import { unsatisfiable } from '../../src/core/version-constraints';
import { armId, newStack, STORAGE_ID, synth } from '../util';

const DATABRICKS = { source: 'databricks/databricks', version: '>= 1.99.0, != 1.114.0, < 2.0.0' };
const AZURERM = { source: 'hashicorp/azurerm', version: '>= 4.55.0, < 6.0.0' };
const AZAPI = { source: 'azure/azapi', version: '>= 2.0.1, < 3.0.0' };
const TIME = { source: 'hashicorp/time', version: '>= 0.9.0, < 1.0.0' };

function requiredProviders(stack: TerraformStack) {
  return synth(stack).terraform.required_providers;
}

describe('provider version ranges in what the library synthesizes', () => {
  test('the prebuilt exact pins become the ranges, for every provider of a stack that uses the library', () => {
    const { stack } = newStack();
    new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2' });
    // azurerm is only declared (AzurermProvider in newStack), not used by the library: its pin is replaced too.
    expect(requiredProviders(stack)).toEqual({ azurerm: AZURERM, databricks: DATABRICKS });
  });

  test('a stack without the library keeps its providers as they are', () => {
    const stack = new TerraformStack(Testing.app(), 'plain');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    expect(requiredProviders(stack)).toEqual({ azurerm: { source: 'azurerm', version: '4.55.0' } });
  });

  test('floors rise per feature used: perimeters 4.58.0, associations 4.81.0, Private Link Service rules 1.106.0', () => {
    const perimeterOnly = newStack();
    new NetworkSecurityPerimeter(perimeterOnly.stack, 'Nsp', { name: 'nsp', resourceGroupName: 'rg', location: 'eastus2' }).addProfile('P', {
      name: 'p',
      inboundServiceTags: [ServiceTag.databricksServerless('eastus2')],
    });
    expect(requiredProviders(perimeterOnly.stack).azurerm).toEqual({ source: 'hashicorp/azurerm', version: '>= 4.58.0, < 6.0.0' });

    const associated = newStack();
    new NetworkSecurityPerimeter(associated.stack, 'Nsp', { name: 'nsp', resourceGroupName: 'rg', location: 'eastus2' })
      .addProfile('P', { name: 'p' })
      .associate('sa', { resourceId: STORAGE_ID });
    expect(requiredProviders(associated.stack).azurerm).toEqual({ source: 'hashicorp/azurerm', version: '>= 4.81.0, < 6.0.0' });

    const pls = newStack();
    const ncc = new NetworkConnectivityConfig(pls.stack, 'Ncc', { name: 'ncc1', region: 'eastus2' });
    ncc.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB });
    expect(requiredProviders(pls.stack).databricks).toEqual(DATABRICKS);
    ncc.addPrivateEndpointRule('Pls', { resourceId: armId('Microsoft.Network/privateLinkServices', 'pls'), domainNames: ['db.example.com'] });
    expect(requiredProviders(pls.stack).databricks).toEqual({ source: 'databricks/databricks', version: '>= 1.106.0, != 1.114.0, < 2.0.0' });
  });

  test('the flagship pattern with approvals declares all four providers, none pinned exactly', () => {
    const { stack } = newStack();
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2' });
    new ServerlessSecureStorage(stack, 'Lake', {
      networkConnectivityConfig: ncc,
      access: StorageAccess.PRIVATE_ENDPOINTS_AND_SERVICE_TAG,
      storageAccount: { name: 'stlake', resourceGroupName: 'rg', location: 'eastus2' },
    });
    expect(requiredProviders(stack)).toEqual({
      azapi: AZAPI,
      azurerm: { source: 'hashicorp/azurerm', version: '>= 4.81.0, < 6.0.0' },
      databricks: DATABRICKS,
      time: TIME,
    });
  });

  test('a constraint the stack sets itself is combined with the library\'s, on every synth', () => {
    const { stack } = newStack();
    new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2' });
    stack.addOverride('terraform.required_providers.databricks.version', '~> 1.120');
    const expected = { source: 'databricks/databricks', version: '~> 1.120, >= 1.99.0, != 1.114.0, < 2.0.0' };
    expect(requiredProviders(stack).databricks).toEqual(expected);
    expect(requiredProviders(stack).databricks).toEqual(expected);
    // Changed between syntheses: the new constraint is the stack's.
    stack.addOverride('terraform.required_providers.databricks.version', '>= 1.128.0');
    expect(requiredProviders(stack).databricks.version).toBe('>= 1.128.0, >= 1.99.0, != 1.114.0, < 2.0.0');
  });

  test('a pipeline sets its own ranges through the app context', () => {
    const app = new App({ context: { [PROVIDER_VERSIONS_CONTEXT]: { azurerm: '>= 4.81.0, < 5.0.0' } }, outdir: Testing.app().outdir });
    const stack = new TerraformStack(app, 'ctx');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    new DatabricksProvider(stack, 'databricks', { host: 'https://accounts.azuredatabricks.net' });
    new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2' });
    expect(requiredProviders(stack).azurerm.version).toBe('>= 4.81.0, < 5.0.0, >= 4.55.0, < 6.0.0');
    expect(requiredProviders(stack).databricks).toEqual(DATABRICKS);

    // As a JSON string (e.g. from the command line), and malformed.
    const asText = (context: string) => {
      const s = new TerraformStack(new App({ context: { [PROVIDER_VERSIONS_CONTEXT]: context }, outdir: Testing.app().outdir }), 'ctx');
      new DatabricksProvider(s, 'databricks', { host: 'https://accounts.azuredatabricks.net' });
      new NetworkConnectivityConfig(s, 'Ncc', { name: 'ncc1', region: 'eastus2' });
      return s;
    };
    expect(requiredProviders(asText('{"databricks": ">= 1.121.0"}')).databricks.version).toBe('>= 1.121.0, >= 1.99.0, != 1.114.0, < 2.0.0');
    expect(() => synth(asText('databricks>=1.121'))).toThrow(/invalid context cdktf-azure-databricks-serverless:providerVersions "databricks>=1.121": not a JSON object\. Fix: give an object such as/);
  });

  test('a stack constraint that cannot hold with the library\'s fails at synth, naming both and the fix', () => {
    const { stack } = newStack();
    new NetworkSecurityPerimeter(stack, 'Nsp', { name: 'nsp', resourceGroupName: 'rg', location: 'eastus2' })
      .addProfile('P', { name: 'p' })
      .associate('sa', { resourceId: STORAGE_ID });
    stack.addOverride('terraform.required_providers.azurerm.version', '~> 4.70.0');
    expect(() => synth(stack)).toThrow(
      /test: invalid azurerm provider version constraint "~> 4.70.0": the stack's constraint and the library's ">= 4.81.0, < 6.0.0" cannot both hold \(no version is at least 4.81.0 and below 4.71.0\)\. Fix: widen your constraint/,
    );
  });

  test('a malformed constraint of the stack is named', () => {
    const { stack } = newStack();
    new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2' });
    stack.addOverride('terraform.required_providers.databricks.version', 'latest');
    expect(() => synth(stack)).toThrow(/invalid databricks provider version constraint "latest": "latest" is not a version constraint/);
  });

  test('the ranges: floors below ceilings, excluded versions inside, every bound with a reason', () => {
    for (const [name, range] of Object.entries(PROVIDER_RANGES)) {
      for (const bound of [range.floor, range.ceiling, ...range.excluded, ...Object.values(range.features)]) {
        expect(bound.version).toMatch(/^\d+\.\d+\.\d+$/);
        expect(bound.reason.length).toBeGreaterThan(20);
      }
      // Every clause is a bound or an exclusion (no exact pin), and together they admit a version with every feature on.
      const all = constraintFor(name as any, Object.keys(range.features));
      expect(all.split(', ').every((clause) => /^(>=|<|!=) \d+\.\d+\.\d+$/.test(clause))).toBe(true);
      expect(unsatisfiable(all)).toBeUndefined();
    }
  });
});
