import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Annotations, App, Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { resolvedFacts } from './facts';
import { holdDocument, takeHeldDocument } from './held-document';
import { CheckModel } from './model';
import { CheckFinding, CheckReport, countAtLeast, formatReport, reportJson, runRules, Suppression } from './report';
import { FindingLevel } from './rule';
import { ALL_RULES, missingReason, unknownRule } from './rules';

/** Options of the rule pack. */
export interface ServerlessNetworkChecksProps {
  /**
   * Unsuppressed findings at this level or above fail the synth (after the report is written).
   * @default FindingLevel.ERROR
   */
  readonly failOn?: FindingLevel;
  /**
   * Report only: no finding fails the synth.
   * @default false
   */
  readonly reportOnly?: boolean;
  /**
   * Rule IDs not to run at all (prefer a suppression with a reason on the constructs concerned).
   * @default - every rule runs
   */
  readonly disabledRules?: string[];
  /**
   * Print the report to stderr at synth (as one block, when there is a finding).
   * @default true
   */
  readonly printReport?: boolean;
  /**
   * Literal IDs of the NCCs' legacy serverless subnets (`egress_config.default_rules.azure_service_endpoint_rule.subnets`),
   * for ADBS-LEGACY-SUBNETS. References to an NCC's `egress_config` are found without them.
   * @default - only references and the subnets the constructs were told
   */
  readonly nccServerlessSubnetIds?: string[];
}

/** A rule of the pack, as documented. */
export interface CheckRuleInfo {
  /** Stable ID. */
  readonly id: string;
  /** `error`, `warning` or `info`. */
  readonly level: string;
  /** What it checks. */
  readonly title: string;
  /** How to fix a finding. */
  readonly fix: string;
}

const SUPPRESS = 'cdktf-azure-databricks-serverless:suppress';

/** The pack added to each stack (as an aspect of the stack): the library's default, or a user's. */
const STACK_PACK = new WeakMap<TerraformStack, ServerlessNetworkChecks>();
/** The pack applied to a whole app, by `applyTo(app)` or found among the app's aspects. */
const APP_PACK = new WeakMap<App, ServerlessNetworkChecks>();
/** Apps whose validation reports the checks. */
const REPORTING = new WeakSet<App>();

/**
 * Serverless network checks: a rule pack for Azure Databricks serverless networking, run at synth over
 * every resource of a stack (this library's constructs and hand-written L1 alike). Stacks that use the
 * library's constructs are checked with the defaults, where only findings on what the library created can
 * fail the synth (the others are reported); apply the pack to an app (`ServerlessNetworkChecks.applyTo(app)`)
 * or to a stack (`Aspects.of(stack).add(new ServerlessNetworkChecks())`) to enforce it on every resource,
 * to audit hand-written stacks too, or to change the options. The report is printed to stderr as one
 * block, written as JSON next to each stack's `cdk.tf.json` (`serverless-network-checks.json`), and
 * error findings fail the synth. Suppress a rule on a construct with
 * `ServerlessNetworkChecks.suppress(construct, ruleId, reason)`.
 *
 * The same rules check a Terraform plan from the command line: `npx cdktf-azure-databricks-serverless check plan.json`.
 */
export class ServerlessNetworkChecks implements IAspect {
  /** The report file written next to each stack's `cdk.tf.json`. */
  public static readonly REPORT_FILE = 'serverless-network-checks.json';

  /** Every rule of the pack. */
  public static rules(): CheckRuleInfo[] {
    return ALL_RULES.map((r) => ({ id: r.id, level: r.level.name, title: r.title, fix: r.fix }));
  }

  /**
   * Checks every stack of an app (stacks created later included) with these options, unless a stack
   * has a pack of its own. cdktf runs aspects per stack, so `Aspects.of(app).add(...)` reaches only the
   * stacks that use this library's constructs; `applyTo(app)` reaches every stack.
   */
  public static applyTo(app: App, props: ServerlessNetworkChecksProps = {}): ServerlessNetworkChecks {
    const pack = new ServerlessNetworkChecks(props);
    APP_PACK.set(app, pack);
    reportAtSynth(app);
    return pack;
  }

  /**
   * Suppresses a rule on a construct and everything below it. The finding is still reported, marked
   * suppressed with the reason; it counts for nothing.
   *
   * @param reason why the finding is accepted here (required)
   */
  public static suppress(construct: IConstruct, ruleId: string, reason: string): void {
    const error = unknownRule(construct.node.path, 'ruleId', ruleId) ?? missingReason(construct.node.path, ruleId, reason);
    if (error) {
      throw error;
    }
    construct.node.addMetadata(SUPPRESS, { ruleId, reason });
    SUPPRESSING.add(construct.node.root);
  }

  /** Runs the pack on a stack now, without synthesizing it to disk (for tests and custom pipelines). */
  public static check(stack: TerraformStack, props: ServerlessNetworkChecksProps = {}): CheckReport {
    return new ServerlessNetworkChecks(props)._checkJson(stack, stack.toTerraform());
  }

  private readonly props: ServerlessNetworkChecksProps;

  /**
   * @param props its configuration
   */
  constructor(props: ServerlessNetworkChecksProps = {}) {
    this.props = props;
    for (const id of props.disabledRules ?? []) {
      const error = unknownRule('ServerlessNetworkChecks', 'disabledRules', id);
      if (error) {
        throw error;
      }
    }
  }

  /**
   * Marks a stack for checking. Aspects run while each stack is synthesized, before its `cdk.tf.json`
   * exists, so the checks run in a validation of the app, which `app.synth()` runs after every stack
   * is written (and before the manifest is): they read each stack's JSON back instead of synthesizing
   * it twice. An app with `skipValidation: true` skips them too.
   */
  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) {
      return;
    }
    // The synth that runs this aspect writes the stack's document next: the checks take that one.
    holdDocument(node);
    const current = STACK_PACK.get(node);
    if (!(current && this instanceof DefaultChecks && !(current instanceof DefaultChecks))) {
      STACK_PACK.set(node, this);
    }
    const app = App.of(node);
    // The checks run as a validation of the app: an app that skips validation skips them, and says so.
    if ((app as { skipValidation?: boolean }).skipValidation) {
      Annotations.of(node).addWarning('Serverless network checks skipped: the app skips validation (skipValidation: true); nothing was checked.');
    }
    reportAtSynth(app);
  }

  /** Runs the rules on a stack's synthesized Terraform JSON. @internal */
  public _checkJson(stack: TerraformStack, json: any): CheckReport {
    const { facts, external } = resolvedFacts(stack);
    const serverlessSubnetIds = [...facts.serverlessSubnetIds, ...(this.props.nccServerlessSubnetIds ?? [])];
    const model = CheckModel.fromTerraformJson(json, { ...facts, serverlessSubnetIds }, external);
    const rules = ALL_RULES.filter((r) => !(this.props.disabledRules ?? []).includes(r.id));
    // Only a tree in which something was suppressed is searched for suppressions.
    const suppressions: Suppression[] = !SUPPRESSING.has(stack.node.root) ? [] : stack.node.findAll().flatMap((c) =>
      c.node.metadata.filter((m) => m.type === SUPPRESS).map((m) => ({ path: c.node.path, ruleId: m.data.ruleId, reason: m.data.reason })),
    );
    return runRules(stack.node.id, model, rules, suppressions);
  }

  /**
   * What to do with a stack's report at synth: write it, print it, add it to the manifest; returns the
   * failure, if findings fail the synth. @internal
   */
  public _report(stack: TerraformStack, app: App): string | undefined {
    const manifest = app.manifest.forStack(stack);
    const file = join(app.outdir, manifest.synthesizedStackPath);
    // The JSON route: the document this synth made and wrote (held), else as written; the HCL route
    // (`cdktf synth --hcl`): the same document, made again.
    const json = takeHeldDocument(stack) ?? (file.endsWith('.json') && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : stack.toTerraform());
    const report = this._checkJson(stack, json);
    const reportFile = join(manifest.workingDirectory, ServerlessNetworkChecks.REPORT_FILE);
    writeFileSync(join(app.outdir, reportFile), reportJson(report));
    // Under the cdktf CLI every stderr line is shown as an [ERROR], and the findings are shown as annotations anyway.
    if (this.props.printReport !== false && report.findings.length > 0 && !underCdktfCli()) {
      process.stderr.write(formatReport(report));
    }
    (manifest.annotations as any[]).push(...report.findings.filter((f) => !f.suppressed).map((f) => annotation(stack, f)));
    const failOn = this.props.failOn ?? FindingLevel.ERROR;
    const failing = countAtLeast(report, failOn);
    return !this.props.reportOnly && failing > 0
      ? `stack ${stack.node.id}: ${failing} finding(s) at level ${failOn.name} or above (report in ${reportFile})`
      : undefined;
  }
}

/** Whether the app runs under the cdktf CLI (`cdktf synth`, `cdktf deploy`), which sets these for the app it runs. */
function underCdktfCli(): boolean {
  return process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS === 'true' && process.env.CDKTF_OUTDIR !== undefined;
}

/** Adds the app validation that reports the checked stacks (once per app). */
function reportAtSynth(app: App): void {
  if (!REPORTING.has(app)) {
    REPORTING.add(app);
    app.node.addValidation({ validate: () => reportStacks(app) });
  }
}

/**
 * The pack that checks a stack: its own (a user's), else the app's (`applyTo`, or one added to the
 * app's aspects), else the library's default when the stack uses its constructs; none otherwise.
 */
function packOf(app: App, stack: TerraformStack): ServerlessNetworkChecks | undefined {
  const own = STACK_PACK.get(stack);
  const appPack = APP_PACK.get(app) ?? Aspects.of(app).all.find((a): a is ServerlessNetworkChecks => a instanceof ServerlessNetworkChecks);
  return own && !(own instanceof DefaultChecks) ? own : appPack ?? own;
}

/**
 * Reports every checked stack of an app; the failures, if findings of any stack fail the synth (cdktf
 * reports a validation's failures and stops the synth, without a stack trace).
 */
function reportStacks(app: App): string[] {
  const stacks = app.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
  const failures = stacks.flatMap((stack) => packOf(app, stack)?._report(stack, app) ?? []);
  return failures.length === 0
    ? []
    : [
      `Serverless network checks failed for ${failures.join('; ')}. ` +
        'Fix them, or suppress each with ServerlessNetworkChecks.suppress(construct, ruleId, reason).',
    ];
}

/**
 * The library's default pack, on the stacks of its constructs when the user applied none: it checks every
 * resource, but only findings on what the library created can fail the synth; the others are reported.
 */
class DefaultChecks extends ServerlessNetworkChecks {
  /** @internal */
  public _checkJson(stack: TerraformStack, json: any): CheckReport {
    const report = super._checkJson(stack, json);
    const created = (path: string | undefined) => {
      for (let c = path === undefined ? undefined : constructAt(stack, path); c; c = c.node.scope) {
        if (LIBRARY.has(c)) {
          return true;
        }
      }
      return false;
    };
    return { ...report, findings: report.findings.map((f) => (created(f.path) ? f : { ...f, enforced: false })) };
  }
}

/**
 * Marks a construct as the library's, and uses the library's default pack on its stack (once per
 * stack): what the library creates is checked even when the user applies no pack.
 */
export function useChecks(scope: IConstruct): void {
  LIBRARY.add(scope);
  const stack = TerraformStack.of(scope);
  if (!DEFAULT_ADDED.has(stack)) {
    DEFAULT_ADDED.add(stack);
    Aspects.of(stack).add(new DefaultChecks());
  }
}
const DEFAULT_ADDED = new WeakSet<TerraformStack>();
/** The roots of the trees in which a construct was suppressed. */
const SUPPRESSING = new WeakSet<IConstruct>();

/** The construct of the stack's tree at a construct path (`<stack>/<id>/...`), found by its IDs. */
function constructAt(stack: TerraformStack, path: string): IConstruct | undefined {
  let c: IConstruct | undefined = stack.node.root;
  const ids = path.split('/');
  // The root's ID is in paths when it has one (an app's is empty).
  for (const id of c.node.id ? ids.slice(ids[0] === c.node.id ? 1 : ids.length) : ids) {
    c = c.node.tryFindChild(id);
    if (!c) {
      return undefined;
    }
  }
  return c;
}
/** The library's constructs: their resources (and those below them) are "what the library created". */
const LIBRARY = new WeakSet<IConstruct>();

/**
 * A finding as a manifest annotation. An error finding reaches the manifest only when it does not fail the
 * synth (`reportOnly`, or `failOn` above error), so it is written as a warning: the cdktf CLI fails on
 * error annotations, which would overrule the user's choice.
 */
function annotation(stack: TerraformStack, f: CheckFinding) {
  const level = f.level === 'info' ? '@cdktf/info' : '@cdktf/warn';
  const note = f.enforced === false ? ' (not created by this library: reported only)' : '';
  return { constructPath: f.path ?? stack.node.path, level, message: `[${f.ruleId}] ${f.level === 'error' ? 'error: ' : ''}${f.message}${note}` };
}
