import { ServerlessEgressPolicy } from '../../src';
import { newStack } from '../util';

/** Names and IDs as users write them. */
describe('egress inputs as users write them', () => {
  test('a storage account name with capitals (as the portal may show it) is refused: Azure names are lower-case', () => {
    const t = newStack();
    const policy = new ServerlessEgressPolicy(t.stack, 'Egress', { networkPolicyId: 'np-data', accountProvider: t.account });
    expect(() => policy.allowStorage({ storageAccountName: 'StLake' })).toThrow(
      /invalid allowedStorage.storageAccountName "StLake": a storage account name is 3-24 lowercase letters and digits/,
    );
    expect(() => new ServerlessEgressPolicy(t.stack, 'Other', { networkPolicyId: 'np-other', accountProvider: t.account, allowedStorage: [{ storageAccountName: 'STLAKE' }] })).toThrow(
      /invalid allowedStorage.storageAccountName "STLAKE"/,
    );
  });

  test.each(['np shared', 'np/shared', '', 'a'.repeat(33)])('an existing policy ID that is not one (%j) is refused', (networkPolicyId) => {
    const t = newStack();
    expect(() => ServerlessEgressPolicy.fromPolicyAttributes(t.stack, 'Shared', { networkPolicyId, accountProvider: t.account })).toThrow(
      `invalid networkPolicyId ${JSON.stringify(networkPolicyId)}: a policy ID is 1-32 letters, digits, "_", "." and "-"`,
    );
  });
});
