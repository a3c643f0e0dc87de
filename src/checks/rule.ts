import { CheckedResource, CheckModel } from './model';
import { ValidationError } from '../core/validation';

/** How serious a finding is. */
export class FindingLevel {
  /** A configuration that breaks compliance or fails at apply: fails the synth by default. */
  public static readonly ERROR = new FindingLevel('error', 3);
  /** A risky but legal choice. */
  public static readonly WARNING = new FindingLevel('warning', 2);
  /** Something worth knowing. */
  public static readonly INFO = new FindingLevel('info', 1);

  /** Every level, most serious first. */
  public static all(): FindingLevel[] {
    return [FindingLevel.ERROR, FindingLevel.WARNING, FindingLevel.INFO];
  }

  /** The level named `error`, `warning` or `info`. */
  public static of(name: string): FindingLevel {
    const level = FindingLevel.all().find((l) => l.name === name);
    if (!level) {
      throw new ValidationError('FindingLevel.of', 'level', name, 'expected error, warning or info', 'use FindingLevel.ERROR, WARNING or INFO');
    }
    return level;
  }

  /** `error`, `warning` or `info`. */
  public readonly name: string;
  /** 3, 2 or 1: higher is more serious. */
  public readonly rank: number;

  private constructor(name: string, rank: number) {
    this.name = name;
    this.rank = rank;
  }
}

/** What a rule found on one resource. */
export interface RuleHit {
  /** The resource the finding is about. */
  readonly resource: CheckedResource;
  /** The finding, one or a few sentences. */
  readonly message: string;
}

/** A rule of the pack: one file each under `rules/`. */
export interface CheckRule {
  /** Stable ID, e.g. `ADBS-LEGACY-SUBNETS`: suppressions and reports name it. */
  readonly id: string;
  readonly level: FindingLevel;
  /** What it checks, one line. */
  readonly title: string;
  /** How to fix a finding, one line. */
  readonly fix: string;
  check(model: CheckModel): RuleHit[];
}
