/**
 * Real Terraform, offline (test/terraform/): the stacks of examples validated and planned at both ends.
 */
import { rmSync } from 'fs';
import { Testing } from 'cdktf';
import { endsOf, planStack, validateStack, writeStack } from './terraform/harness';
import { addresses, synth } from './util';
import { ApprovalStack } from '../examples/approval';
import { ChecksStack } from '../examples/checks';
import { EgressStack } from '../examples/egress';
import { EstateStack } from '../examples/estate';
import { FoundationStack } from '../examples/foundation';
import { IngressStack } from '../examples/ingress';
import { LakehouseStack } from '../examples/lakehouse';
import { PerimeterStack } from '../examples/perimeter';

describe.each([
  ['estate', EstateStack],
  ['foundation', FoundationStack],
  ['approval', ApprovalStack],
  ['perimeter', PerimeterStack],
  ['egress', EgressStack],
  ['ingress', IngressStack],
  ['checks', ChecksStack],
  ['lakehouse', LakehouseStack],
])('example %s, with real Terraform', (name, Stack) => {
  test('validates and plans', () => {
    // A network policy needs databricks >= 1.116.0 (the egress and lakehouse examples): the newest end only.
    const dir = writeStack(new Stack(Testing.app(), name));
    try {
      expect(endsOf(dir)).toEqual(['egress', 'ingress', 'lakehouse'].includes(name) ? ['newest'] : ['oldest', 'newest']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const result = validateStack(new Stack(Testing.app(), name));
    expect(Object.keys(result.ends)).toEqual(['egress', 'ingress', 'lakehouse'].includes(name) ? ['newest'] : ['oldest', 'newest']);
    expect(result.errors).toBe('');
    expect(result.valid).toBe(true);
    const plan = planStack(new Stack(Testing.app(), name));
    // Exactly the stack's resources are created, and nothing else planned; data sources that wait for a
    // resource being created are read at apply.
    const planned = plan.resource_changes.map((c: any) => `${c.address}: ${c.change.actions.join(',')}`).sort();
    const resources = addresses(synth(new Stack(Testing.app(), name))).filter((a) => !a.startsWith('data.'));
    const reads = plan.resource_changes.filter((c: any) => c.address.startsWith('data.')).map((c: any) => `${c.address}: ${c.change.actions.join(',')}`);
    expect(planned).toEqual([...resources.map((a) => `${a}: create`), ...reads].sort());
    expect(reads.every((r: string) => r.endsWith(': read'))).toBe(true);
  });
});
