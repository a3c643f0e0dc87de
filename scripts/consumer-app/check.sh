#!/usr/bin/env bash
# The README's install route from a clone, run for real: a throwaway app (package.json, tsconfig.json,
# cdktf.json and main.ts from this folder, the same files the README shows) installs the packed library
# tarball with the README's dependency versions from the npm registry, type-checks, and synthesizes three
# ways: ts-node, tsx, and the cdktf CLI (`npx cdktf synth`).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tarball="$(ls "$root"/dist/js/cdktf-azure-databricks-serverless@*.jsii.tgz | head -n 1)"
app="${CONSUMER_APP_DIR:-$root/.consumer-app}"   # CONSUMER_APP_DIR: somewhere else, e.g. for a second run at once
rm -rf "$app"
mkdir -p "$app"
cp "$root/scripts/consumer-app/main.ts" "$root/scripts/consumer-app/tsconfig.json" "$root/scripts/consumer-app/cdktf.json" "$app/"
# The README's package.json names the tarball by a file: path that assumes the clone sits next to the app;
# point it at this clone's tarball (same file name, or the README is stale).
node -e '
  const path = require("path");
  const pkg = require(process.argv[1]);
  const spec = pkg.dependencies["cdktf-azure-databricks-serverless"];
  if (!spec.startsWith("file:") || path.basename(spec) !== path.basename(process.argv[2])) {
    console.error("consumer app: the library spec " + spec + " does not name the packed tarball " + path.basename(process.argv[2]));
    process.exit(1);
  }
  pkg.dependencies["cdktf-azure-databricks-serverless"] = "file:" + process.argv[2];
  process.stdout.write(JSON.stringify(pkg, null, 2));
' "$root/scripts/consumer-app/package.json" "$tarball" > "$app/package.json"
cd "$app"

# What one synth must have written.
synthesized() {
  node -e '
    const fs = require("fs");
    const file = "cdktf.out/stacks/analytics/cdk.tf.json";
    if (!fs.existsSync(file)) { console.error("consumer app (" + process.argv[1] + "): no " + file); process.exit(1); }
    const json = JSON.parse(fs.readFileSync(file, "utf8"));
    const types = Object.keys(json.resource).sort();
    for (const t of ["databricks_mws_network_connectivity_config", "databricks_mws_ncc_binding", "databricks_mws_ncc_private_endpoint_rule", "azapi_update_resource", "azurerm_storage_account"]) {
      if (!types.includes(t)) { console.error("consumer app (" + process.argv[1] + "): missing " + t + " in cdk.tf.json (has " + types.join(", ") + ")"); process.exit(1); }
    }
    if (!fs.existsSync("cdktf.out/stacks/analytics/serverless-network-checks.json")) { console.error("consumer app (" + process.argv[1] + "): no checks report"); process.exit(1); }
    console.log("consumer app (" + process.argv[1] + "): synthesized " + types.length + " resource types with the packed library");
  ' "$1"
  rm -rf cdktf.out
}

npm install --no-audit --no-fund --ignore-scripts --loglevel=error
npx tsc --noEmit
npx ts-node main.ts
synthesized "npx ts-node main.ts"
npx tsx main.ts
synthesized "npx tsx main.ts"
# The CLI's progress spinner floods a log: show its output only when it fails.
CHECKPOINT_DISABLE=1 npx cdktf synth > cdktf-synth.log 2>&1 || { cat cdktf-synth.log; exit 1; }
synthesized "npx cdktf synth"
cd "$root"
rm -rf "$app"
