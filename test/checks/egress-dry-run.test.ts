import { AccountNetworkPolicy } from '@cdktf/provider-databricks/lib/account-network-policy';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { EgressEnforcement, ServerlessEgressPolicy } from '../../src';
import { findingsOn, infos, newStack, synth } from '../util';
import { ENTRA_AZURERM, handPlan, later, planFindings, planMessages, res } from './plans';

describe('ADBS-EGRESS-DRY-RUN', () => {
  test('a policy of the library in dry run is an info naming what it cannot know; an enforced one is not', () => {
    const { stack, account } = newStack();
    new ServerlessEgressPolicy(stack, 'Trial', { networkPolicyId: 'np-trial', accountProvider: account, allowedDomains: ['pypi.org'], enforcement: EgressEnforcement.dryRun() });
    new ServerlessEgressPolicy(stack, 'Live', { networkPolicyId: 'np-live', accountProvider: account, allowedDomains: ['pypi.org'] });
    synth(stack);
    expect(findingsOn(stack, 'ADBS-EGRESS-DRY-RUN')).toEqual(['test/Trial/Resource']);
    expect(infos(stack)).toEqual([expect.stringMatching(/^\[ADBS-EGRESS-DRY-RUN\] Network policy in dry run \(egress\): what it would block is only logged\. How long it has been in dry run cannot be told/)]);
  });

  test('hand-written: an egress dry run, an ingress dry run, both; an expression or none is not reported', () => {
    const { stack } = newStack('hand', { defaultDatabricks: false });
    const account = new DatabricksProvider(stack, 'databricks', { host: 'https://accounts.azuredatabricks.net', accountId: '11111111-2222-3333-4444-555555555555' });
    const egress = (mode: string) => ({ networkAccess: { restrictionMode: 'RESTRICTED_ACCESS', policyEnforcement: { enforcementMode: mode } } });
    new AccountNetworkPolicy(stack, 'egressOnly', { networkPolicyId: 'a', egress: egress('DRY_RUN'), provider: account });
    new AccountNetworkPolicy(stack, 'ingressOnly', { networkPolicyId: 'b', egress: egress('ENFORCED'), provider: account })
      .addOverride('ingress_dry_run', { public_access: { restriction_mode: 'RESTRICTED_ACCESS' } });
    new AccountNetworkPolicy(stack, 'both', { networkPolicyId: 'c', egress: egress('DRY_RUN'), provider: account })
      .addOverride('ingress_dry_run', { public_access: { restriction_mode: 'RESTRICTED_ACCESS' } });
    new AccountNetworkPolicy(stack, 'expr', { networkPolicyId: 'd', egress: egress('${var.mode}'), provider: account });
    new AccountNetworkPolicy(stack, 'enforced', { networkPolicyId: 'e', egress: egress('ENFORCED'), provider: account });
    synth(stack);
    expect(findingsOn(stack, 'ADBS-EGRESS-DRY-RUN').sort()).toEqual(['hand/both', 'hand/egressOnly', 'hand/ingressOnly']);
    expect(infos(stack).filter((m) => m.startsWith('[ADBS-EGRESS-DRY-RUN]')).map((m) => /\((.*?)\)/.exec(m)![1]).sort()).toEqual(['egress', 'egress and ingress', 'ingress']);
  });

  test('in a plan: known values reported, values known only after apply not', () => {
    const p = handPlan([
      res('databricks_account_network_policy.trial', { network_policy_id: 'trial', egress: [{ network_access: [{ restriction_mode: 'RESTRICTED_ACCESS', allowed_internet_destinations: [{ destination: 'pypi.org' }], policy_enforcement: [{ enforcement_mode: 'DRY_RUN' }] }] }] }),
      res('databricks_account_network_policy.later', { network_policy_id: 'later', egress: later('terraform_data.egress.output'), ingress_dry_run: later('terraform_data.ingress.output') }),
    ], { azurerm: ENTRA_AZURERM });
    expect(planFindings(p).filter((f) => f.startsWith('ADBS-EGRESS-DRY-RUN'))).toEqual(['ADBS-EGRESS-DRY-RUN databricks_account_network_policy.trial']);
    expect(planMessages(p, 'ADBS-EGRESS-DRY-RUN')).toEqual([expect.stringContaining('dry run (egress)')]);
  });
});
