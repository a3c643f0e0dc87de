/**
 * The HCL that selects the connection to approve, evaluated by real Terraform (`terraform console`,
 * offline) on exactly the text the construct emits. Only the references to the data source output and
 * to the rule's endpoint name are replaced by fixture values.
 */
import { NetworkConnectivityConfig, PrivateLinkSubResource } from '../../src';
import { evaluate, requireTerraform } from '../terraform/cli';
import { newStack, only, STORAGE_ID, synth } from '../util';

const OURS = 'databricks-0f3c6a3e-8f1e-4c0e-9a53-3f4b2d1c0e9a-pe-1a2b3c4d';
const DBX_RG = '/subscriptions/99999999-8888-7777-6666-555555555555/resourceGroups/databricks-serverless-eastus2/providers/Microsoft.Network';

function connection(name: string, endpointId: string, status: string): any {
  return {
    id: `${STORAGE_ID}/privateEndpointConnections/${name}`,
    name,
    type: 'Microsoft.Storage/storageAccounts/privateEndpointConnections',
    properties: {
      privateEndpoint: { id: endpointId },
      privateLinkServiceConnectionState: { status, description: '', actionsRequired: 'None' },
      provisioningState: 'Succeeded',
    },
  };
}
const pe = (name: string) => `${DBX_RG}/privateEndpoints/${name}`;

const ours = connection('stlake.ours-guid', pe(OURS), 'Pending');
const foreignPending = connection('stlake.foreign', '/subscriptions/12121212-3434-5656-7878-909090909090/resourceGroups/attacker/providers/Microsoft.Network/privateEndpoints/pe-foreign', 'Pending');
const foreignApproved = connection('stlake.app', '/subscriptions/12121212-3434-5656-7878-909090909090/resourceGroups/app/providers/Microsoft.Network/privateEndpoints/pe-app', 'Approved');
// Names that share a prefix or a suffix with ours.
const longerName = connection('stlake.longer', pe(`${OURS}0`), 'Pending');
const suffixName = connection('stlake.suffix', pe(`evil-${OURS}`), 'Pending');
const noName = connection('stlake.noname', pe(''), 'Pending');

let synthesized: any;

beforeAll(() => {
  requireTerraform();
  const { stack } = newStack();
  const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2' });
  ncc.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB }).approve({ waitSeconds: 60 });
  synthesized = synth(stack);
});

interface Fixture {
  /** The connection list the lookup returns; null means the data source has no output. */
  readonly list: any[] | null;
  /** The rule's endpoint_name. */
  readonly endpointName: string | null;
  /** The rule's connection_state right after Terraform created it. */
  readonly state?: string | null;
}

/** Evaluates the emitted selection, wait duration and approval target against a fixture. */
function select(fixture: Fixture): { matches: any[]; resourceId: string; ok: boolean; wait: string } {
  const rewrite = (text: string): string =>
    text
      .replace(/data\.azapi_resource_list\.[A-Za-z0-9_-]+\.output/g, 'local.fixture_output')
      .replace(/databricks_mws_ncc_private_endpoint_rule\.[A-Za-z0-9_-]+\.endpoint_name/g, 'local.fixture_endpoint_name')
      .replace(/databricks_mws_ncc_private_endpoint_rule\.[A-Za-z0-9_-]+\.connection_state/g, 'local.fixture_state');
  const locals: Record<string, unknown> = {};
  for (const [name, value] of Object.entries<string>(synthesized.locals)) {
    locals[name] = rewrite(value);
  }
  locals.fixture_output = fixture.list === null ? null : { value: fixture.list };
  locals.fixture_endpoint_name = fixture.endpointName;
  locals.fixture_state = fixture.state === undefined ? 'PENDING' : fixture.state;
  const approve = only(synthesized, 'azapi_update_resource');
  locals.result_resource_id = rewrite(approve.resource_id);
  locals.result_ok = rewrite(approve.lifecycle.precondition[0].condition);
  locals.result_wait = rewrite(only(synthesized, 'time_sleep').create_duration);
  const [selected] = Object.keys(synthesized.locals);
  const out = evaluate({ locals }, `{ matches = local.${selected}, resource_id = local.result_resource_id, ok = local.result_ok, wait = local.result_wait }`);
  return { matches: out.matches, resourceId: out.resource_id, ok: out.ok, wait: out.wait };
}

describe('approval selection, evaluated by terraform console', () => {
  test('selects our pending connection among several', () => {
    const r = select({ list: [foreignApproved, foreignPending, ours, longerName], endpointName: OURS });
    expect(r.matches.map((c) => c.name)).toEqual(['stlake.ours-guid']);
    expect(r.resourceId).toBe(ours.id);
    expect(r.ok).toBe(true);
    expect(r.wait).toBe('0s');
  });

  test('never selects a foreign pending connection whose endpoint name shares a prefix or suffix with ours', () => {
    const r = select({ list: [foreignPending, longerName, suffixName], endpointName: OURS });
    expect(r.matches).toEqual([]);
    expect(r.resourceId).toBe('');
    expect(r.ok).toBe(false);
  });

  test.each([[''], [null]])('an empty endpoint name (%j) selects nothing, even an endpoint with an empty name', (endpointName) => {
    const r = select({ list: [noName, foreignPending, ours], endpointName });
    expect(r.matches).toEqual([]);
    expect(r.resourceId).toBe('');
    expect(r.ok).toBe(false);
  });

  test('no connection yet: nothing selected, the precondition fails', () => {
    for (const list of [[], null]) {
      const r = select({ list, endpointName: OURS });
      expect(r.matches).toEqual([]);
      expect(r.ok).toBe(false);
    }
  });

  test.each([
    ['CREATING', '60s'],
    [null, '60s'],
    ['', '60s'],
    ['PENDING', '0s'],
    ['ESTABLISHED', '0s'],
  ])('the target waits before the lookup only while the rule may still be creating (state %j: %s)', (state, wait) => {
    expect(select({ list: [ours], endpointName: OURS, state }).wait).toBe(wait);
  });

  test('already approved: the same connection stays selected, so a second apply changes nothing', () => {
    const approved = connection('stlake.ours-guid', pe(OURS), 'Approved');
    const r = select({ list: [foreignPending, approved], endpointName: OURS });
    expect(r.resourceId).toBe(ours.id);
    expect(r.ok).toBe(true);
  });

  test.each(['Rejected', 'Disconnected'])('a %s connection of ours is not re-approved', (status) => {
    const r = select({ list: [connection('stlake.ours-guid', pe(OURS), status)], endpointName: OURS });
    expect(r.matches).toEqual([]);
    expect(r.ok).toBe(false);
  });

  test('more than one match: nothing is approved', () => {
    const twin = connection('stlake.twin', pe(OURS), 'Pending');
    const r = select({ list: [ours, twin], endpointName: OURS });
    expect(r.matches).toHaveLength(2);
    expect(r.resourceId).toBe('');
    expect(r.ok).toBe(false);
  });

  test('ARM casing differences in the endpoint ID and status still match', () => {
    const shouty = connection('stlake.ours-guid', `${DBX_RG.toUpperCase()}/PRIVATEENDPOINTS/${OURS.toUpperCase()}`, 'pending');
    const r = select({ list: [shouty], endpointName: OURS });
    expect(r.resourceId).toBe(ours.id);
  });

  test('a connection without properties is ignored, not an error', () => {
    const r = select({ list: [{ id: 'x', name: 'x' }, ours], endpointName: OURS });
    expect(r.resourceId).toBe(ours.id);
  });
});
