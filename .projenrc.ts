import { cdktf, javascript } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

const project = new cdktf.ConstructLibraryCdktf({
  name: 'cdktf-azure-databricks-serverless',
  description:
    'cdktf constructs that connect Azure Databricks serverless compute to Azure resources privately: ' +
    'network connectivity configurations, private endpoint rules with exact automatic approval, ' +
    'network security perimeters and a secure storage pattern.',
  license: 'Apache-2.0',
  author: 'cdktf-azure-databricks-serverless contributors',
  authorAddress: 'maintainers@example.com',
  repositoryUrl: 'https://github.com/example/cdktf-azure-databricks-serverless.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  jsiiVersion: '~6.0.0',
  cdktfVersion: '^0.21.0',
  constructsVersion: '^10.4.2',
  sampleCode: false,
  keywords: [
    'cdk',
    'cdktf',
    'constructs',
    'terraform',
    'azure',
    'databricks',
    'serverless',
    'private-link',
    'network-security-perimeter',
  ],
  peerDeps: ['@cdktf/provider-azurerm@^14.23.1', '@cdktf/provider-databricks@^15.16.1'],
  devDeps: ['cdktf-cli@0.21.0', '@grpc/grpc-js@^1.14.7', '@grpc/proto-loader@^0.8.1', '@msgpack/msgpack@^3.1.3'],
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'scripts'],
  },
  tsconfigDev: {
    include: ['../examples/**/*.ts', '../scripts/**/*.ts'],
  },
  jestOptions: {
    // Snapshots must be able to fail: never rewrite them in `test`; use `npx projen test:update`.
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      // Real Terraform validates and plans synthesized stacks offline against stand-in providers.
      globalSetup: '<rootDir>/test/terraform/global-setup.ts',
      globalTeardown: '<rootDir>/test/terraform/global-teardown.ts',
      testPathIgnorePatterns: ['/node_modules/', '/test/terraform/standin/'],
      // Both cores: the Terraform-heavy files wait on child processes most of the time.
      maxWorkers: 2,
    },
  },
  gitignore: ['cdktf.out/', '.terraform/', '*.tfstate', '*.tfstate.backup', '.terraform.lock.hcl'],
});

// The plan audit for Terraform users: `npx cdktf-azure-databricks-serverless check plan.json`.
project.addBins({ 'cdktf-azure-databricks-serverless': 'lib/checks/cli.js' });

for (const pattern of ['/examples/', '/cdktf.json', '/cdktf.out/', '/scripts/', '/.ci/']) {
  project.npmignore?.exclude(pattern);
}

// Provider bindings must be imported by deep path: the package roots cost ~1.8 s and ~400 MB per process.
project.eslint?.addRules({
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: '@cdktf/provider-azurerm', message: 'Import by deep path, e.g. @cdktf/provider-azurerm/lib/storage-account.' },
        { name: '@cdktf/provider-databricks', message: 'Import by deep path, e.g. @cdktf/provider-databricks/lib/mws-ncc-binding.' },
      ],
    },
  ],
});

// `npm run example` synthesizes the bundled example app to plain Terraform JSON in cdktf.out/.
project.addTask('example', {
  description: 'Synthesize the bundled example app (examples/main.ts) to cdktf.out/stacks/*/cdk.tf.json',
  exec: 'ts-node --transpile-only examples/main.ts',
  env: { CHECKPOINT_DISABLE: '1' },
});

// Synth speed is measured here, never in a timed test: the flagship against hand-written L1 doing the
// same job, paired run by run (N = 1, 100, 1000, 5000 accounts; 3 rounds; a few minutes on 2 cores).
project.addTask('bench', {
  description: 'Synth benchmark: ServerlessSecureStorage against hand-written L1, paired (scripts/bench.ts)',
  exec: 'ts-node --transpile-only scripts/bench.ts',
  env: { CHECKPOINT_DISABLE: '1' },
});

project.synth();
