import { CheckModel } from './model';
import { CheckRule, FindingLevel } from './rule';

/** One finding of a rule on one resource. */
export interface CheckFinding {
  /** The rule's stable ID, e.g. `ADBS-LEGACY-SUBNETS`. */
  readonly ruleId: string;
  /** `error`, `warning` or `info`. */
  readonly level: string;
  /** What was found. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /** The Terraform address of the resource (for an existing resource a construct described: `existing:<id>`). */
  readonly address: string;
  /**
   * The construct path (synthesized stacks only).
   * @default - none (a plan file)
   */
  readonly path?: string;
  /**
   * Why it is suppressed; a suppressed finding is reported but neither counted nor fails anything.
   * @default - not suppressed
   */
  readonly suppressed?: string;
  /**
   * Whether the finding can fail the synth. A finding on a resource this library did not create, found
   * by the library's default checks (no pack applied by the user), is reported but fails nothing:
   * apply the pack (`ServerlessNetworkChecks.applyTo(app)`) to enforce the rules on every resource.
   * @default true
   */
  readonly enforced?: boolean;
}

/** The findings of the pack on one stack or plan. */
export interface CheckReport {
  /** The stack's name, or the file checked. */
  readonly stack: string;
  /** The findings, most serious first. */
  readonly findings: CheckFinding[];
}

/**
 * A suppression: a rule on a construct and everything below it (`path`), or on a resource address and
 * every address inside it (`address`, e.g. `module.data` or `azurerm_storage_account.lake`), with the reason.
 */
export interface Suppression {
  readonly path?: string;
  readonly address?: string;
  readonly ruleId: string;
  readonly reason: string;
}

/** Whether a suppression covers a finding's resource. */
function covers(s: Suppression, path: string | undefined, address: string): boolean {
  const under = (value: string, prefix: string, separators: string[]) => value === prefix || separators.some((sep) => value.startsWith(`${prefix}${sep}`));
  return (s.path !== undefined && path !== undefined && under(path, s.path, ['/'])) || (s.address !== undefined && under(address, s.address, ['.', '[']));
}

/** Runs rules on a model; findings under a suppressed construct carry the reason. */
export function runRules(stack: string, model: CheckModel, rules: readonly CheckRule[], suppressions: readonly Suppression[] = []): CheckReport {
  const findings: CheckFinding[] = [];
  for (const rule of rules) {
    for (const hit of rule.check(model)) {
      const path = hit.resource.path;
      const suppression = suppressions.find((s) => s.ruleId === rule.id && covers(s, path, hit.resource.address));
      findings.push({
        ruleId: rule.id,
        level: rule.level.name,
        message: hit.message,
        fix: rule.fix,
        address: hit.resource.address,
        path,
        suppressed: suppression?.reason,
      });
    }
  }
  const rank = (f: CheckFinding) => FindingLevel.of(f.level).rank;
  return { stack, findings: findings.sort((a, b) => rank(b) - rank(a)) };
}

/** The findings that count (not suppressed, enforced) at a level or above. */
export function countAtLeast(report: CheckReport, level: FindingLevel): number {
  return report.findings.filter((f) => !f.suppressed && f.enforced !== false && FindingLevel.of(f.level).rank >= level.rank).length;
}

/** The report as one readable block of text. */
export function formatReport(report: CheckReport): string {
  const count = (level: string) => report.findings.filter((f) => !f.suppressed && f.level === level).length;
  const suppressed = report.findings.filter((f) => f.suppressed).length;
  const reportedOnly = report.findings.filter((f) => !f.suppressed && f.enforced === false).length;
  const lines = [
    `Serverless network checks, ${report.stack}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info, ${suppressed} suppressed` +
      (reportedOnly ? ` (${reportedOnly} on resources this library did not create: reported only; apply the pack to enforce)` : ''),
  ];
  for (const f of report.findings) {
    const where = f.path ? `${f.path} (${f.address})` : f.address;
    const level = f.suppressed ? 'suppressed' : f.enforced === false ? `${f.level}*` : f.level;
    lines.push(`  ${level.toUpperCase().padEnd(10)} ${f.ruleId}  ${where}`);
    lines.push(`             ${f.message}`);
    lines.push(f.suppressed ? `             Suppressed: ${f.suppressed}` : `             Fix: ${f.fix}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The report as JSON (what is written next to `cdk.tf.json`). */
export function reportJson(report: CheckReport): string {
  const count = (level: string) => report.findings.filter((f) => !f.suppressed && f.level === level).length;
  return JSON.stringify(
    {
      stack: report.stack,
      summary: {
        errors: count('error'),
        warnings: count('warning'),
        infos: count('info'),
        suppressed: report.findings.filter((f) => f.suppressed).length,
        reportedOnly: report.findings.filter((f) => !f.suppressed && f.enforced === false).length,
      },
      findings: report.findings,
    },
    null,
    2,
  );
}
