import { TerraformProvider, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { describeInvalid, invalidProp } from './validation';

/** Hosts of the Databricks account API (Azure; and the AWS/GCP one, for completeness). */
const ACCOUNT_HOST = /^https:\/\/accounts\.(azuredatabricks\.net|cloud\.databricks\.com|gcp\.databricks\.com)\/?$/i;

const FIX = 'pass accountProvider: a DatabricksProvider with host "https://accounts.azuredatabricks.net" and your accountId (an alias keeps it apart from a workspace-level provider)';

/** The stack's default (un-aliased) databricks provider, if any. */
export function defaultDatabricksProvider(scope: IConstruct): TerraformProvider | undefined {
  return TerraformStack.of(scope)
    .node.findAll()
    .find((c): c is TerraformProvider => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === 'databricks' && c.alias === undefined);
}

/** The problem with a provider's literal host, when it is not the account API's (a workspace-level provider). */
function hostProblem(provider: TerraformProvider): { host: string; problem: string } | undefined {
  const host: unknown = (provider as { host?: unknown }).host;
  if (typeof host !== 'string' || Token.isUnresolved(host) || ACCOUNT_HOST.test(host)) {
    return undefined; // unset (DATABRICKS_HOST), a token, or the account API
  }
  return {
    host,
    problem:
      `${provider.node.path} is a workspace-level Databricks provider (host ${host}); NCCs, private endpoint rules, bindings and network ` +
      'policies exist only at account level, so every one of them would fail at apply',
  };
}

/**
 * Checks the provider an account-level construct uses: a given provider must not be workspace-level (a
 * literal host other than the account API's); without one, the stack's default databricks provider is
 * used, which must exist (checked at synth, so a provider added after the construct counts) and be
 * account-level too.
 */
export function checkAccountProvider(scope: IConstruct, provider: TerraformProvider | undefined): void {
  if (provider) {
    const bad = hostProblem(provider);
    if (bad) {
      invalidProp(scope, 'accountProvider', bad.host, bad.problem, FIX);
    }
    return;
  }
  scope.node.addValidation({
    validate: () => {
      const found = defaultDatabricksProvider(scope);
      if (!found) {
        return [
          describeInvalid(
            'accountProvider',
            undefined,
            'no accountProvider was given, and the stack has no default (un-aliased) databricks provider for this account-level resource',
            FIX,
          ),
        ];
      }
      const bad = hostProblem(found);
      return bad ? [describeInvalid('accountProvider', undefined, `the stack's default provider is used, and ${bad.problem}`, FIX)] : [];
    },
  });
}

const WORKSPACE_FIX = 'pass workspaceProvider: a DatabricksProvider whose host is the workspace URL (https://adb-<workspace id>.<n>.azuredatabricks.net)';

/** The problem with a provider's literal host when it is the account API's (an account-level provider). */
function accountHostProblem(provider: TerraformProvider): { host: string; problem: string } | undefined {
  const host: unknown = (provider as { host?: unknown }).host;
  if (typeof host !== 'string' || Token.isUnresolved(host) || !ACCOUNT_HOST.test(host)) {
    return undefined;
  }
  return {
    host,
    problem: `${provider.node.path} is an account-level Databricks provider (host ${host}); storage credentials, external locations, catalogs, bindings and grants are workspace objects of Unity Catalog, so every one of them would fail at apply`,
  };
}

/**
 * Checks the provider of a workspace-level construct (Unity Catalog objects): the inverse of
 * {@link checkAccountProvider}.
 */
export function checkWorkspaceProvider(scope: IConstruct, provider: TerraformProvider | undefined): void {
  if (provider) {
    const bad = accountHostProblem(provider);
    if (bad) {
      invalidProp(scope, 'workspaceProvider', bad.host, bad.problem, WORKSPACE_FIX);
    }
    return;
  }
  scope.node.addValidation({
    validate: () => {
      const found = defaultDatabricksProvider(scope);
      if (!found) {
        return [describeInvalid('workspaceProvider', undefined, 'no workspaceProvider was given, and the stack has no default (un-aliased) databricks provider for this workspace-level resource', WORKSPACE_FIX)];
      }
      const bad = accountHostProblem(found);
      return bad ? [describeInvalid('workspaceProvider', undefined, `the stack's default provider is used, and ${bad.problem}`, WORKSPACE_FIX)] : [];
    },
  });
}
