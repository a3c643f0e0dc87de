import { TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { appScoped } from '../core/app-registry';

/**
 * App-wide bookkeeping of the private endpoint rules of each NCC, so that each rule finds the rule it
 * waits for in O(1) (workspace claims live in `core/workspaces.ts`; account limits are checks).
 */
export class AccountState {
  public static of(scope: IConstruct): AccountState {
    return appScoped(scope, 'cdktf-azure-databricks-serverless/account-state', () => new AccountState());
  }

  /** Private endpoint rule resources per NCC, in creation order. */
  public readonly rulesByNcc = new Map<IConstruct, TerraformResource[]>();

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
}

