#!/usr/bin/env node
/*
 * Runs jobs in parallel, each a list of commands run one after the other (a job stops at its first
 * failing command), and prints the results as JSON. The harness (harness.ts, synchronous like the
 * tests that call it) uses it to run Terraform at both ends at once.
 *
 * stdin:  [ { "cwd": "...", "env": { ... }, "commands": [ ["terraform", "plan", ...], ... ] }, ... ]
 * stdout: [ [ { "status": 0, "stdout": "...", "stderr": "..." }, ... ], ... ]  (per job, per command run)
 */
'use strict';
const { spawn } = require('child_process');

function runCommand(cwd, env, [cmd, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    child.on('error', (e) => resolve({ status: 127, stdout: '', stderr: `${cmd}: ${e.message}` }));
    child.on('close', (code) => resolve({ status: code === null ? 1 : code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

async function runJob({ cwd, env, commands }) {
  const results = [];
  for (const command of commands) {
    const r = await runCommand(cwd, env, command);
    results.push(r);
    if (r.status !== 0) break;
  }
  return results;
}

async function main() {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  const jobs = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const results = await Promise.all(jobs.map(runJob));
  process.stdout.write(JSON.stringify(results));
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack}\n`);
  process.exit(1);
});
