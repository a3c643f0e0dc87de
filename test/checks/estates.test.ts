import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ESTATES } from './estates';
import { runCli } from '../../src/checks/cli';
import { CheckModel } from '../../src/checks/model';
import { runRules } from '../../src/checks/report';
import { ALL_RULES } from '../../src/checks/rules';

/** The estates' documents, made once. */
const DOCUMENTS = new Map(ESTATES.map((e) => [e.name, e.json()]));

describe('the shared estates, through the checks command', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'adbs-estates-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(ESTATES.map((e) => [e.name, e] as const))('%s: every finding of the pack, exactly', (_name, estate) => {
    const file = join(dir, 'input.json');
    writeFileSync(file, JSON.stringify(DOCUMENTS.get(estate.name)));
    const r = runCli(['check', file, '--format', 'json', '--fail-on', 'never']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.findings.map((f: any) => `${f.ruleId} ${f.address}`)).toEqual(estate.findings);
  });
});

describe('each rule of the pack on every estate', () => {
  const models = () => ESTATES.map((e) => {
    const json = DOCUMENTS.get(e.name);
    return { estate: e, model: e.kind === 'plan' ? CheckModel.fromPlanJson(json) : CheckModel.fromTerraformJson(json) };
  });
  test.each(ALL_RULES.map((r) => [r.id, r] as const))('%s finds on each estate exactly what the pack finds there', (id, rule) => {
    for (const { estate, model } of models()) {
      const found = runRules('estate', model, [rule]).findings.map((f) => `${f.ruleId} ${f.address}`);
      expect([estate.name, found]).toEqual([estate.name, estate.findings.filter((f) => f.startsWith(`${id} `))]);
    }
  });

  test('the estates find something for the rules they are about', () => {
    const found = new Set(ESTATES.flatMap((e) => e.findings.map((f) => f.split(' ')[0])));
    expect([...found].sort()).toEqual([
      'ADBS-ADLS-BLOB-DFS', 'ADBS-EGRESS-EMPTY', 'ADBS-ENFORCED-STORAGE', 'ADBS-LEGACY-SUBNETS', 'ADBS-REOPENED-ACCOUNT', 'ADBS-STORAGE-OPEN', 'ADBS-TAG-PATH-MODE', 'ADBS-UNAPPROVED-RULE',
    ]);
  });
});
