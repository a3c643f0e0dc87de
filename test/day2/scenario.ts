/**
 * Day-2 scenarios with real Terraform and the stand-in (test/terraform/): apply app A, change the app to
 * B in the same folder (same state), plan as a day-2 `terraform plan` does (with refresh), and read what
 * the plan does to each address; then apply B and plan again: nothing left to do, data sources included
 * (a lookup deferred to apply on a steady-state plan is a change too).
 *
 * Each scenario runs at the ends its configuration admits (both, unless a feature floor or a pin says
 * otherwise: harness endsOf), each end against its own state and its own fake cloud.
 */
import { rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { applyDir, End, endsOf, ENDS, planDirAll, planDirAt, writeStack } from '../terraform/harness';

/** What a plan does to each address: `create`, `update`, `replace`, `delete`, `read` (a data source read at apply) or `no-op`. */
export type Actions = Record<string, string>;

export function actionsOf(plan: any): Actions {
  const out: Actions = {};
  for (const c of plan.resource_changes ?? []) {
    const a: string[] = c.change.actions;
    out[c.address] = a.length === 2 ? 'replace' : a[0];
  }
  return out;
}

/** The addresses whose action is not `no-op`, with their actions, sorted by address. */
export function changes(plan: any): Actions {
  return Object.fromEntries(Object.entries(actionsOf(plan)).filter(([, a]) => a !== 'no-op').sort(([x], [y]) => x.localeCompare(y)));
}

export class Scenario {
  /** Applies app A in a fresh folder (at the ends it admits) and checks that it has converged. */
  public static start(a: TerraformStack): Scenario {
    const scenario = new Scenario(writeStack(a));
    scenario.apply();
    scenario.expectSteady();
    return scenario;
  }

  public readonly ends: End[];

  private constructor(public readonly dir: string) {
    this.ends = endsOf(dir);
  }

  /** Replaces the configuration with app B (the state stays). */
  public change(b: TerraformStack): this {
    const json = JSON.parse(Testing.synth(b, true));
    delete json.terraform?.backend;
    writeFileSync(join(this.dir, 'main.tf.json'), JSON.stringify(json, null, 2));
    return this;
  }

  /** A day-2 plan (refresh first) at every end it runs at; the ends must plan the same actions. Returns each end's plan. */
  public plan(extraArgs: string[] = []): Record<End, any> {
    if (extraArgs.length) {
      return Object.fromEntries(this.ends.map((end) => [end, planDirAt(end, this.dir, undefined, { refresh: true, extraArgs })])) as Record<End, any>;
    }
    return planDirAll(this.dir, undefined, { refresh: true });
  }

  /** The changes of a day-2 plan, the same at every end (asserted). */
  public changes(extraArgs: string[] = []): Actions {
    const plans = this.plan(extraArgs);
    const [first, ...others] = this.ends.map((end) => changes(plans[end]));
    for (const other of others) {
      expect(other).toEqual(first);
    }
    return first;
  }

  /** `terraform apply` (refresh first) at every end; returns each end's output. */
  public apply(extraArgs: string[] = []): Record<End, string> {
    return applyDir(this.dir, undefined, extraArgs, { refresh: true });
  }

  /** A day-2 plan changes nothing at any end: every resource a no-op, and no data source deferred to apply. */
  public expectSteady(): void {
    const plans = this.plan();
    for (const end of this.ends) {
      expect({ end, changes: changes(plans[end]) }).toEqual({ end, changes: {} });
    }
  }

  public dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The order in which an apply's output completes destroying addresses. */
export function destroyOrder(output: string): string[] {
  return [...output.matchAll(/^(\S+): Destruction complete/gm)].map((m) => m[1]);
}

export { ENDS };
