import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { CheckedResource, CheckFacts, NccFacts } from './model';
import { DatabricksAccountLimits } from '../core/account-limits';
import { resolveValue } from '../core/resolved-index';

/**
 * What one construct tells the checks that its stack's Terraform JSON does not say. A construct that
 * has such facts implements `_checkFacts()`; the checks read them off the construct tree when they run
 * (there is no registry to fill).
 */
export interface ConstructCheckFacts {
  /** Literal IDs of an NCC's legacy serverless subnets (ADBS-LEGACY-SUBNETS). */
  readonly serverlessSubnetIds?: readonly string[];
  /** A rule approved by hand: a reference to an attribute of the rule (e.g. its endpoint name) and what to approve. */
  readonly manualApproval?: { readonly ruleReference: string; readonly message: string };
  /** An NCC: its resource (created) or literal ID (imported), region and account limits (ADBS-LIMIT-*). */
  readonly ncc?: { readonly key: TerraformResource | string; readonly region?: string; readonly limits: DatabricksAccountLimits };
  /** The service tag a pattern chose for its service-tag path (ADBS-FOREIGN-TAG, ADBS-GLOBAL-TAG). */
  readonly serviceTagChoice?: { readonly path: string; readonly tag: string };
  /** An existing storage account a pattern describes (ADBS-REOPENED-ACCOUNT, ADBS-LEGACY-SUBNETS). */
  readonly existingAccount?: { readonly id: string; readonly values: { readonly [name: string]: unknown } };
}

/** A construct with facts for the checks. */
interface CheckFactsSource extends IConstruct {
  _checkFacts(): ConstructCheckFacts;
}

function hasFacts(c: IConstruct): c is CheckFactsSource {
  return typeof (c as Partial<CheckFactsSource>)._checkFacts === 'function';
}

/** The facts of a stack's constructs, read off its construct tree, with addresses and references as synth writes them. */
export function resolvedFacts(stack: TerraformStack): { facts: CheckFacts; external: CheckedResource[] } {
  const address = (r: TerraformResource) => `${r.terraformResourceType}.${r.friendlyUniqueId}`;
  const serverlessSubnetIds: string[] = [];
  const manualApprovals = new Map<string, string>();
  const nccs = new Map<string, NccFacts>();
  const serviceTagChoices: Array<{ path: string; tag: string }> = [];
  const external: CheckedResource[] = [];
  for (const c of stack.node.findAll()) {
    if (!hasFacts(c)) {
      continue;
    }
    const f = c._checkFacts();
    serverlessSubnetIds.push(...(f.serverlessSubnetIds ?? []));
    if (f.manualApproval) {
      const ref = /^\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)\./.exec(String(resolveValue(c, f.manualApproval.ruleReference)));
      if (ref) {
        manualApprovals.set(ref[1], f.manualApproval.message);
      }
    }
    if (f.ncc) {
      const key = typeof f.ncc.key === 'string' ? String(resolveValue(stack, f.ncc.key)) : address(f.ncc.key);
      nccs.set(key, { region: f.ncc.region, limits: f.ncc.limits });
    }
    if (f.serviceTagChoice) {
      serviceTagChoices.push(f.serviceTagChoice);
    }
    if (f.existingAccount) {
      const id = resolveValue(stack, f.existingAccount.id);
      const values = resolveValue(stack, { ...f.existingAccount.values, id }) as { [name: string]: any };
      external.push({ address: `existing:${String(id)}`, type: 'azurerm_storage_account', values, references: [], path: c.node.path, external: true });
    }
  }
  const facts: CheckFacts = { serverlessSubnetIds, manualApprovals, nccs, serviceTagChoices };
  return { facts, external };
}
