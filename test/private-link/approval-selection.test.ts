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
  ncc.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB }).approve({ waitSeconds: [60, 120] });
  synthesized = synth(stack);
});

interface Fixture {
  /** The connection list each look returns, in order; null means the data source has no output. */
  readonly looks: Array<any[] | null>;
  /** The rule's endpoint_name. */
  readonly endpointName: string | null;
}

/** Evaluates the emitted selection, wait durations and approval target against a fixture. */
function select(fixture: Fixture): { matches: any[]; resourceId: string; ok: boolean; waits: string[] } {
  const lookups = Object.keys(synthesized.data.azapi_resource_list).sort();
  const rewrite = (text: string): string =>
    text
      .replace(/data\.azapi_resource_list\.([A-Za-z0-9_-]+)\.output/g, (_m, name) => `local.fixture_look${lookups.indexOf(name)}`)
      .replace(/databricks_mws_ncc_private_endpoint_rule\.[A-Za-z0-9_-]+\.endpoint_name/g, 'local.fixture_endpoint_name');
  const locals: Record<string, unknown> = {};
  for (const [name, value] of Object.entries<string>(synthesized.locals)) {
    locals[name] = rewrite(value);
  }
  lookups.forEach((_name, i) => {
    const list = fixture.looks[Math.min(i, fixture.looks.length - 1)];
    locals[`fixture_look${i}`] = list === null ? null : { value: list };
  });
  locals.fixture_endpoint_name = fixture.endpointName;
  const approve = only(synthesized, 'azapi_update_resource');
  locals.result_resource_id = rewrite(approve.resource_id);
  locals.result_ok = rewrite(approve.lifecycle.precondition[0].condition);
  const sleeps = Object.keys(synthesized.resource.time_sleep).sort();
  sleeps.forEach((name, i) => {
    locals[`result_wait${i}`] = rewrite(synthesized.resource.time_sleep[name].create_duration);
  });
  const final = Object.keys(synthesized.locals).filter((n) => /Matches\d+_/.test(n)).sort().pop()!;
  const out = evaluate(
    { locals },
    `{ matches = local.${final}, resource_id = local.result_resource_id, ok = local.result_ok, waits = [${sleeps.map((_s, i) => `local.result_wait${i}`).join(', ')}] }`,
  );
  return { matches: out.matches, resourceId: out.resource_id, ok: out.ok, waits: out.waits };
}

describe('approval selection, evaluated by terraform console', () => {
  test('selects our pending connection among several', () => {
    const r = select({ looks: [[foreignApproved, foreignPending, ours, longerName]], endpointName: OURS });
    expect(r.matches.map((c) => c.name)).toEqual(['stlake.ours-guid']);
    expect(r.resourceId).toBe(ours.id);
    expect(r.ok).toBe(true);
    expect(r.waits).toEqual(['0s', '0s']);
  });

  test('never selects a foreign pending connection whose endpoint name shares a prefix or suffix with ours', () => {
    const r = select({ looks: [[foreignPending, longerName, suffixName]], endpointName: OURS });
    expect(r.matches).toEqual([]);
    expect(r.resourceId).toBe('');
    expect(r.ok).toBe(false);
  });

  test.each([[''], [null]])('an empty endpoint name (%j) selects nothing, even an endpoint with an empty name', (endpointName) => {
    const r = select({ looks: [[noName, foreignPending, ours]], endpointName });
    expect(r.matches).toEqual([]);
    expect(r.resourceId).toBe('');
    expect(r.ok).toBe(false);
  });

  test('no connection yet: nothing selected, every wait runs, the precondition fails', () => {
    for (const looks of [[[]], [null]]) {
      const r = select({ looks, endpointName: OURS });
      expect(r.matches).toEqual([]);
      expect(r.ok).toBe(false);
      expect(r.waits).toEqual(['60s', '120s']);
    }
  });

  test('the connection appears while waiting: later looks find it, waits after that are skipped', () => {
    const r = select({ looks: [[], [foreignPending, ours], [foreignPending, ours]], endpointName: OURS });
    expect(r.waits).toEqual(['60s', '0s']);
    expect(r.resourceId).toBe(ours.id);
    expect(r.ok).toBe(true);
  });

  test('already approved: the same connection stays selected, so a second apply changes nothing', () => {
    const approved = connection('stlake.ours-guid', pe(OURS), 'Approved');
    const r = select({ looks: [[foreignPending, approved]], endpointName: OURS });
    expect(r.resourceId).toBe(ours.id);
    expect(r.ok).toBe(true);
  });

  test.each(['Rejected', 'Disconnected'])('a %s connection of ours is not re-approved', (status) => {
    const r = select({ looks: [[connection('stlake.ours-guid', pe(OURS), status)]], endpointName: OURS });
    expect(r.matches).toEqual([]);
    expect(r.ok).toBe(false);
  });

  test('more than one match: nothing is approved', () => {
    const twin = connection('stlake.twin', pe(OURS), 'Pending');
    const r = select({ looks: [[ours, twin]], endpointName: OURS });
    expect(r.matches).toHaveLength(2);
    expect(r.resourceId).toBe('');
    expect(r.ok).toBe(false);
  });

  test('ARM casing differences in the endpoint ID and status still match', () => {
    const shouty = connection('stlake.ours-guid', `${DBX_RG.toUpperCase()}/PRIVATEENDPOINTS/${OURS.toUpperCase()}`, 'pending');
    const r = select({ looks: [[shouty]], endpointName: OURS });
    expect(r.resourceId).toBe(ours.id);
  });

  test('a connection without properties is ignored, not an error', () => {
    const r = select({ looks: [[{ id: 'x', name: 'x' }, ours]], endpointName: OURS });
    expect(r.resourceId).toBe(ours.id);
  });
});
