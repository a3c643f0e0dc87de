#!/usr/bin/env bash
# The README's install route from a clone, run for real: a throwaway app (package.json, tsconfig.json and
# main.ts from this folder, the same files the README shows) installs the packed library tarball with the
# README's dependency versions from the npm registry, type-checks, and synthesizes with ts-node.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tarball="$(ls "$root"/dist/js/cdktf-azure-databricks-serverless@*.jsii.tgz | head -n 1)"
app="$root/.consumer-app"
rm -rf "$app"
mkdir -p "$app"
cp "$root/scripts/consumer-app/main.ts" "$root/scripts/consumer-app/tsconfig.json" "$app/"
# The README's package.json, with the library taken from the tarball instead of the registry.
node -e '
  const pkg = require(process.argv[1]);
  pkg.dependencies["cdktf-azure-databricks-serverless"] = "file:" + process.argv[2];
  process.stdout.write(JSON.stringify(pkg, null, 2));
' "$root/scripts/consumer-app/package.json" "$tarball" > "$app/package.json"
cd "$app"
npm install --no-audit --no-fund --ignore-scripts --loglevel=error
npx tsc --noEmit
npx ts-node main.ts
node -e '
  const fs = require("fs");
  const json = JSON.parse(fs.readFileSync("cdktf.out/stacks/analytics/cdk.tf.json", "utf8"));
  const types = Object.keys(json.resource).sort();
  for (const t of ["databricks_mws_network_connectivity_config", "databricks_mws_ncc_binding", "databricks_mws_ncc_private_endpoint_rule", "azapi_update_resource", "azurerm_storage_account"]) {
    if (!types.includes(t)) { console.error("consumer app: missing " + t + " in cdk.tf.json (has " + types.join(", ") + ")"); process.exit(1); }
  }
  if (!fs.existsSync("cdktf.out/stacks/analytics/serverless-network-checks.json")) { console.error("consumer app: no checks report"); process.exit(1); }
  console.log("consumer app: synthesized " + types.length + " resource types with the packed library");
'
cd "$root"
rm -rf "$app"
