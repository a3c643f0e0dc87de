import { TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { appScoped } from '../core/app-registry';

/**
 * App-wide bookkeeping of what the app declares in one Databricks account, so that account
 * limits are checked in O(1) per construct (workspace claims live in `core/workspaces.ts`).
 */
export class AccountState {
  public static of(scope: IConstruct): AccountState {
    return appScoped(scope, 'cdktf-azure-databricks-serverless/account-state', () => new AccountState());
  }

  /** Private endpoint rule resources per NCC, in creation order. */
  public readonly rulesByNcc = new Map<IConstruct, TerraformResource[]>();
  private readonly nccsPerRegion = new Map<string, number>();
  private readonly endpointsPerRegion = new Map<string, number>();

  /**
   * The earlier rule of the NCC that its next rule must wait for, so that at most `parallel` rules of
   * the NCC are created at once (undefined for the first `parallel` rules).
   */
  public ruleToWaitFor(ncc: IConstruct, parallel: number): TerraformResource | undefined {
    const rules = this.rulesByNcc.get(ncc) ?? [];
    return rules.length >= parallel ? rules[rules.length - parallel] : undefined;
  }

  /** Records a rule of an NCC, in creation order. */
  public addRule(ncc: IConstruct, rule: TerraformResource): void {
    const rules = this.rulesByNcc.get(ncc);
    if (rules) {
      rules.push(rule);
    } else {
      this.rulesByNcc.set(ncc, [rule]);
    }
  }

  /** Counts one more NCC in the region and returns the new count. */
  public addNcc(region: string): number {
    return increment(this.nccsPerRegion, region);
  }

  /** Counts one more private endpoint in the region and returns the new count. */
  public addPrivateEndpoint(region: string): number {
    return increment(this.endpointsPerRegion, region);
  }
}

function increment(map: Map<string, number>, key: string): number {
  const n = (map.get(key) ?? 0) + 1;
  map.set(key, n);
  return n;
}
