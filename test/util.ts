import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { ServerlessNetworkChecks, ServerlessNetworkChecksProps } from '../src/checks/pack';
import { resolveValue } from '../src/core/resolved-index';

export const SUB = '00000000-1111-2222-3333-444444444444';

/** ARM ID of a resource in the test subscription. */
export function armId(type: string, name: string, rg = 'rg-data'): string {
  return `/subscriptions/${SUB}/resourceGroups/${rg}/providers/${type}/${name}`;
}

export const STORAGE_ID = armId('Microsoft.Storage/storageAccounts', 'stlake');
export const VAULT_ID = armId('Microsoft.KeyVault/vaults', 'kv-data');

export interface TestStack {
  readonly app: App;
  readonly stack: TerraformStack;
  readonly account: DatabricksProvider;
}

/**
 * A stack in a fresh app with an account-level Databricks provider and the azurerm provider the README
 * recommends (no data-plane calls from azurerm 4.x: ADBS-AZURERM4-DATA-PLANE; Entra ID for storage: ADBS-STORAGE-AZUREAD).
 */
export function newStack(id = 'test', options: { defaultDatabricks?: boolean } = {}): TestStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{ storage: [{ dataPlaneAvailable: false }] }], storageUseAzuread: true });
  // A default account-level provider too, for constructs given no accountProvider (ADBS constructs check it).
  if (options.defaultDatabricks !== false) {
    new DatabricksProvider(stack, 'databricks', { host: 'https://accounts.azuredatabricks.net', accountId: '11111111-2222-3333-4444-555555555555' });
  }
  const account = new DatabricksProvider(stack, 'account', {
    alias: 'account',
    host: 'https://accounts.azuredatabricks.net',
    accountId: '11111111-2222-3333-4444-555555555555',
  });
  return { app, stack, account };
}

/** Synthesizes with validations on and returns the parsed Terraform JSON. */
export function synth(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** The resources of one type, by name. */
export function resources(json: any, type: string): Record<string, any> {
  return json.resource?.[type] ?? {};
}

/** The single resource of a type; fails when there are none or several. */
export function only(json: any, type: string): any {
  const all = Object.values(resources(json, type));
  if (all.length !== 1) {
    throw new Error(`expected exactly one ${type}, found ${all.length}`);
  }
  return all[0];
}

/** Name of the single resource of a type in the JSON. */
export function nameOf(json: any, type: string): string {
  const names = Object.keys(resources(json, type));
  if (names.length !== 1) {
    throw new Error(`expected exactly one ${type}, found ${names.length}`);
  }
  return names[0];
}

/** The interpolation that references an attribute of the single resource of a type. */
export function ref(json: any, type: string, attribute: string): string {
  return `\${${type}.${nameOf(json, type)}.${attribute}}`;
}

/**
 * The findings of the serverless network checks (the default pack) on a scope's stack, at one level,
 * on resources at or below the scope, as `[RULE-ID] message`.
 */
export function findings(scope: IConstruct, level: 'error' | 'warning' | 'info'): string[] {
  const path = scope.node.path;
  return ServerlessNetworkChecks.check(TerraformStack.of(scope))
    .findings.filter((f) => f.level === level && !f.suppressed)
    .filter((f) => f.path !== undefined && (path === '' || f.path === path || f.path.startsWith(`${path}/`)))
    .map((f) => `[${f.ruleId}] ${f.message}`);
}

/** The messages of one rule's unsuppressed findings on resources at or below a scope (the pack's options, if given). */
export function ruleFindings(scope: IConstruct, ruleId: string, props: ServerlessNetworkChecksProps = {}): string[] {
  const path = scope.node.path;
  return ServerlessNetworkChecks.check(TerraformStack.of(scope), props)
    .findings.filter((f) => f.ruleId === ruleId && !f.suppressed)
    .filter((f) => f.path !== undefined && (path === '' || f.path === path || f.path.startsWith(`${path}/`)))
    .map((f) => f.message);
}

/** Where one rule's unsuppressed findings are (construct path, else address), in report order. */
export function findingsOn(scope: IConstruct, ruleId: string, props: ServerlessNetworkChecksProps = {}): string[] {
  return ServerlessNetworkChecks.check(TerraformStack.of(scope), props)
    .findings.filter((f) => f.ruleId === ruleId && !f.suppressed)
    .map((f) => f.path ?? f.address);
}

/** Error findings of the checks below a scope. */
export function errors(scope: IConstruct): string[] {
  return findings(scope, 'error');
}

/** Warning findings of the checks below a scope. */
export function warnings(scope: IConstruct): string[] {
  return findings(scope, 'warning');
}

/** Info findings of the checks below a scope. */
export function infos(scope: IConstruct): string[] {
  return findings(scope, 'info');
}

/** Warning annotations below a scope (what constructors add themselves), as messages. */
export function warningAnnotations(scope: IConstruct): string[] {
  return scope.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data)));
}

/** Every Terraform resource/data address in a synthesized stack, sorted. */
export function addresses(json: any): string[] {
  const out: string[] = [];
  for (const [type, byName] of Object.entries<any>(json.resource ?? {})) {
    out.push(...Object.keys(byName).map((n) => `${type}.${n}`));
  }
  for (const [type, byName] of Object.entries<any>(json.data ?? {})) {
    out.push(...Object.keys(byName).map((n) => `data.${type}.${n}`));
  }
  return out.sort();
}

/** Resolves a token in the scope of a construct (as synth would). */
export const resolve = resolveValue;
