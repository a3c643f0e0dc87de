import { cdktf, javascript } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

/** What each jest project needs to run TypeScript tests (projects do not inherit the root's transform). */
const TS_JEST = {
  clearMocks: true,
  transform: { '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
};

const project = new cdktf.ConstructLibraryCdktf({
  name: 'cdktf-azure-databricks-serverless',
  description:
    'cdktf constructs that connect Azure Databricks serverless compute to Azure resources privately: ' +
    'network connectivity configurations, private endpoint rules with exact automatic approval, ' +
    'network security perimeters and a secure storage pattern.',
  license: 'Apache-2.0',
  author: 'cdktf-azure-databricks-serverless contributors',
  // No contact address exists yet: leave it out rather than invent one (an empty address writes none).
  authorAddress: '',
  // jsii requires a repository. This is where the project will be published (README "Status"); it is not
  // public yet. No homepage or bugs URL until it is.
  repositoryUrl: 'https://github.com/cdktf-azure-databricks-serverless/cdktf-azure-databricks-serverless.git',
  // 0.x and experimental until a 1.0 is declared.
  majorVersion: 0,
  stability: 'experimental',
  // Consumers: the provider packages' floor. Building needs Node >= 20.16 (jsii 6); see the README.
  minNodeVersion: '20.9.0',
  workflowNodeVersion: 'lts/*',
  // commit-and-tag-version 13 wants Node 22 (17 EBADENGINE warnings on Node 20); 12 does the same job on 18+.
  bumpPackage: 'commit-and-tag-version@^12',
  // Languages Construct Hub users expect. Their packaging toolchains cannot be fetched where this is built:
  // packaging stays JS-only (below) and `bindings:check` generates every language's code in the build.
  publishToPypi: { distName: 'cdktf-azure-databricks-serverless', module: 'cdktf_azure_databricks_serverless' },
  publishToMaven: {
    mavenGroupId: 'io.github.cdktf-azure-databricks-serverless',
    mavenArtifactId: 'cdktf-azure-databricks-serverless',
    javaPackage: 'io.github.cdktf.azure.databricks.serverless',
  },
  publishToNuget: { dotNetNamespace: 'CdktfAzureDatabricksServerless', packageId: 'CdktfAzureDatabricksServerless' },
  publishToGo: { moduleName: 'github.com/cdktf-azure-databricks-serverless/cdktf-azure-databricks-serverless-go' },
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
  devDeps: [
    'cdktf-cli@0.21.0',
    '@grpc/grpc-js@^1.14.7',
    '@grpc/proto-loader@^0.8.1',
    '@msgpack/msgpack@^3.1.3',
    // The mutation run (`npx projen mutation`, stryker.config.json): not part of the build.
    '@stryker-mutator/core@^9.6.1',
    '@stryker-mutator/jest-runner@^9.6.1',
    '@stryker-mutator/typescript-checker@^9.6.1',
  ],
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
      // Two projects: `unit` (synthesized JSON, no provider started) and `terraform` (real Terraform offline
      // against the stand-in providers, which its global setup starts): `*.tf.test.ts`, test/terraform/, test/day2/.
      // `npx projen test:unit` runs the unit project alone.
      projects: [
        {
          displayName: 'unit',
          testMatch: ['<rootDir>/test/**/*.test.ts'],
          testPathIgnorePatterns: ['/node_modules/', '\\.tf\\.test\\.ts$', '/test/terraform/', '/test/day2/'],
          ...TS_JEST,
        },
        {
          displayName: 'terraform',
          testMatch: ['<rootDir>/test/**/*.tf.test.ts', '<rootDir>/test/terraform/**/*.test.ts', '<rootDir>/test/day2/**/*.test.ts'],
          testPathIgnorePatterns: ['/node_modules/', '/test/terraform/standin/'],
          globalSetup: '<rootDir>/test/terraform/global-setup.ts',
          globalTeardown: '<rootDir>/test/terraform/global-teardown.ts',
          ...TS_JEST,
        },
      ] as any,
      coveragePathIgnorePatterns: ['/node_modules/', '/test/terraform/standin/'],
      // Both cores: the Terraform-heavy files wait on child processes most of the time.
      maxWorkers: 2,
    },
  },
  gitignore: ['cdktf.out/', '.terraform/', '*.tfstate', '*.tfstate.backup', '.terraform.lock.hcl', '.jsii.tabl.json', '.bindings-check/', '.consumer-app/', '.stryker-tmp/', '/reports/mutation/'],
});

// Packaging: JS only, with or without CI (the other languages' toolchains cannot be fetched here).
project.packageTask.reset();
project.packageTask.spawn(project.tasks.tryFind('package:js')!);

// API docs: the root module (constructs, props, enum-like classes) in API.md; the bindings submodule in its own file.
project.tasks.tryFind('docgen')!.reset('jsii-docgen -o API.md --split-by-submodule');

// Every TypeScript block of README.md compiles (jsii-rosetta, strict), with rosetta/default.ts-fixture
// supplying the surrounding declarations; it also makes the other languages' translations.
const rosetta = project.addTask('rosetta', {
  description: 'Compile every ts block of README.md with jsii-rosetta (strict)',
  exec: 'jsii-rosetta extract --strict .jsii',
});
// A name that breaks a language fails the build: each target's code is generated (not packaged).
const bindingsCheck = project.addTask('bindings:check', {
  description: 'Generate the python, java, dotnet and go code with jsii-pacmak (code only) to catch names that break a language',
  exec: 'jsii-pacmak --code-only --no-npmignore --no-fingerprint -o .bindings-check -t python -t java -t dotnet -t go && rm -rf .bindings-check',
});
project.postCompileTask.spawn(rosetta);
project.postCompileTask.spawn(bindingsCheck);

// The README's install route, from a clone: a throwaway app installs the packed tarball with the README's
// dependency versions and synthesizes (scripts/consumer-app/). Needs the npm registry.
const consumer = project.addTask('consumer:check', {
  description: 'Install the packed library in a throwaway app with the README versions, type-check and synthesize it',
  exec: 'bash scripts/consumer-app/check.sh',
  env: { CHECKPOINT_DISABLE: '1' },
});
project.packageTask.spawn(consumer);
// The consumer app imports the library by its package name, which resolves only in its own install.
project.eslint?.addIgnorePattern('scripts/consumer-app/');

// The plan audit for Terraform users: `npx cdktf-azure-databricks-serverless check plan.json`.
project.addBins({ 'cdktf-azure-databricks-serverless': 'lib/checks/cli.js' });

for (const pattern of ['/examples/', '/cdktf.json', '/cdktf.out/', '/scripts/', '/.ci/', '/rosetta/', '/.bindings-check/', '/.consumer-app/', '/stryker.config.json', '/reports/', '/.stryker-tmp/']) {
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

// The unit project alone: no Terraform, no stand-in provider started.
project.addTask('test:unit', {
  description: 'Run the unit tests only (synthesized JSON; no Terraform, no stand-in providers)',
  exec: 'jest --ci --selectProjects unit',
  receiveArgs: true,
});

// Mutation testing: one-line defects put into src/ by Stryker, each run against the unit project (the terraform
// project is too slow to run per mutant). Long on 2 cores: not part of `build`. Narrow it with
// `npx projen mutation --mutate 'src/checks/**/*.ts'`. Reports in reports/mutation/.
project.addTask('mutation', {
  description: 'Mutation testing of src/ against the unit jest project (Stryker; long, not part of build)',
  exec: 'stryker run stryker.config.json',
  receiveArgs: true,
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
