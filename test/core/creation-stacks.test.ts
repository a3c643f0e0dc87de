import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { App, TerraformStack, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import { NetworkConnectivityConfig, ServerlessSecureStorage } from '../../src';
import { CREATION_STACKS_CONTEXT, openCreationStackScope } from '../../src/core/creation-stacks';
import { ValidationError } from '../../src/core/validation';
import { newStack } from '../util';

/** What cdktf's captureStackTrace does: a plain object, its stack read at once. */
function capture(): string {
  const object = { stack: '' };
  Error.captureStackTrace(object);
  return object.stack;
}

/** The creation stack of the first token in a string. */
function tokenStack(value: string): string[] {
  return (Tokenization.reverseString(value).firstToken as any).creationStack;
}

const ACCOUNT = { name: 'stlake', resourceGroupName: 'rg-data', location: 'eastus2' };

function storage(stack: TerraformStack, account: any): ServerlessSecureStorage {
  const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2', accountProvider: account });
  return new ServerlessSecureStorage(stack, 'lake', { networkConnectivityConfig: ncc, storageAccount: ACCOUNT });
}

describe('creation stacks inside the library constructs', () => {
  const jestFormatter = Error.prepareStackTrace;
  afterEach(() => {
    Error.prepareStackTrace = jestFormatter;
  });

  test('what a construct makes records one line naming the innermost construct, not the call stack', () => {
    const t = newStack();
    const secure = storage(t.stack, t.account);
    // The account's block references (26 of them on azurerm's storage account) are made in ServerlessSecureStorage.
    expect((secure.storageAccount!.networkRules as any).creationStack).toEqual(['new ServerlessSecureStorage (test/lake)']);
    expect((secure.storageAccount!.blobProperties as any).creationStack).toEqual(['new ServerlessSecureStorage (test/lake)']);
    expect(tokenStack(secure.storageAccountId)).toEqual(['new ServerlessSecureStorage (test/lake)']);
    // The account ID the rule is given was read in ServerlessSecureStorage; the NCC's ID in the NCC.
    expect(tokenStack(secure.rules[0].resource.resourceIdInput!)).toEqual(['new ServerlessSecureStorage (test/lake)']);
    expect(tokenStack(secure.rules[0].resource.networkConnectivityConfigIdInput!)).toEqual(['new NetworkConnectivityConfig (test/Ncc)']);
  });

  test('what the user makes outside the constructs keeps cdktf\'s full stack', () => {
    const t = newStack();
    const secure = storage(t.stack, t.account);
    const stack = tokenStack(secure.storageAccount!.primaryDfsEndpoint);
    expect(stack.length).toBeGreaterThan(3);
    expect(stack.some((frame) => frame.includes('creation-stacks.test'))).toBe(true);
  });

  test(`the context key ${CREATION_STACKS_CONTEXT} keeps cdktf's full stacks inside the constructs`, () => {
    const app = new App({ context: { [CREATION_STACKS_CONTEXT]: true } });
    const stack = new TerraformStack(app, 'full');
    const secure = storage(stack, new DatabricksProvider(stack, 'account', { alias: 'account', host: 'https://accounts.azuredatabricks.net' }));
    const frames: string[] = (secure.storageAccount!.networkRules as any).creationStack;
    expect(frames.length).toBeGreaterThan(3);
    expect(frames.some((frame) => frame.includes('new ServerlessSecureStorage') && frame.includes('serverless-secure-storage'))).toBe(true);
    expect(Error.prepareStackTrace).toBe(jestFormatter);
  });

  test('the formatter found before is back after a construct, and after one that throws', () => {
    const mine = (error: Error) => `mine: ${error.message}`;
    Error.prepareStackTrace = mine;
    const t = newStack();
    storage(t.stack, t.account);
    expect(Error.prepareStackTrace).toBe(mine);

    Error.prepareStackTrace = undefined;
    let thrown: unknown;
    try {
      new ServerlessSecureStorage(t.stack, 'bad', { networkConnectivityConfig: NetworkConnectivityConfig.fromNetworkConnectivityConfigAttributes(t.stack, 'n', { networkConnectivityConfigId: 'x', region: 'eastus2', accountProvider: t.account }), storageAccount: { ...ACCOUNT, name: 'Bad_Name' } });
    } catch (e) {
      thrown = e;
    }
    expect(ValidationError.isValidationError(thrown)).toBe(true);
    expect(Error.prepareStackTrace).toBeUndefined();
    // The error's stack is V8's, with the frames of this test.
    expect((thrown as Error).stack).toMatch(/^ValidationError: .*\n {4}at /);
    expect((thrown as Error).stack).toContain('creation-stacks.test');
  });

  test('inside a scope: captures are the innermost line; errors are formatted as without the scope', () => {
    const app = new App();
    const outer = new Construct(app, 'outer');
    const inner = new Construct(outer, 'inner');
    Error.prepareStackTrace = (error: Error) => `before: ${error.message}`;
    const a = openCreationStackScope(outer);
    try {
      expect(capture()).toBe('Error\n    at new Construct (outer)');
      const b = openCreationStackScope(inner);
      try {
        expect(capture()).toBe('Error\n    at new Construct (outer/inner)');
        expect(new Error('boom').stack).toBe('before: boom');
      } finally {
        b.close();
      }
      expect(capture()).toBe('Error\n    at new Construct (outer)');
      b.close(); // a second close changes nothing
      expect(capture()).toBe('Error\n    at new Construct (outer)');
    } finally {
      a.close();
    }
    expect(capture()).toBe('before: undefined');

    // With no formatter before: V8's format.
    Error.prepareStackTrace = undefined;
    const c = openCreationStackScope(outer);
    try {
      const stack = new Error('boom').stack!;
      expect(stack).toMatch(/^Error: boom\n {4}at /);
      expect(stack).toContain('creation-stacks.test');
    } finally {
      c.close();
    }
    expect(Error.prepareStackTrace).toBeUndefined();
    expect(capture()).not.toContain('new Construct');
  });
});
