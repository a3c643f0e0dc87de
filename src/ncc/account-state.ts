import { DefaultTokenResolver, StringConcat, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { appScoped } from '../core/app-registry';

/** A binding as the app-wide checks see it. */
export interface BindingRecord {
  readonly construct: IConstruct;
  readonly nccPath: string;
  /** The workspace id as given: a number or a number token. */
  readonly workspaceId: number;
}

/**
 * App-wide bookkeeping of what the app declares in one Databricks account, so that account
 * rules (one NCC per workspace, limits) are checked in O(1) per construct.
 */
export class AccountState {
  public static of(scope: IConstruct): AccountState {
    return appScoped(scope, 'cdktf-azure-databricks-serverless/account-state', () => new AccountState());
  }

  private readonly nccsPerRegion = new Map<string, number>();
  private readonly endpointsPerRegion = new Map<string, number>();
  private readonly bindings: BindingRecord[] = [];
  private bindingsByWorkspace?: Map<string, BindingRecord[]>;

  /** Counts one more NCC in the region and returns the new count. */
  public addNcc(region: string): number {
    return increment(this.nccsPerRegion, region);
  }

  /** Counts one more private endpoint in the region and returns the new count. */
  public addPrivateEndpoint(region: string): number {
    return increment(this.endpointsPerRegion, region);
  }

  public addBinding(record: BindingRecord): void {
    this.bindings.push(record);
    this.bindingsByWorkspace = undefined;
  }

  /** Every binding in the app whose workspace id resolves to the same value as this one's (itself included). */
  public bindingsOfSameWorkspace(record: BindingRecord): BindingRecord[] {
    if (!this.bindingsByWorkspace) {
      const index = new Map<string, BindingRecord[]>();
      for (const b of this.bindings) {
        const k = workspaceKey(b);
        const group = index.get(k);
        if (group) {
          group.push(b);
        } else {
          index.set(k, [b]);
        }
      }
      this.bindingsByWorkspace = index;
    }
    return this.bindingsByWorkspace.get(workspaceKey(record)) ?? [record];
  }
}

function workspaceKey(record: BindingRecord): string {
  const resolved = Tokenization.resolve(record.workspaceId, {
    scope: record.construct,
    resolver: new DefaultTokenResolver(new StringConcat()),
  });
  return String(resolved);
}

function increment(map: Map<string, number>, key: string): number {
  const n = (map.get(key) ?? 0) + 1;
  map.set(key, n);
  return n;
}
