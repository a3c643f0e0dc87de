import { Construct } from 'constructs';
import { TIME } from './provider';
import { BindingResource } from '../base';
import { BindingMetaConfig } from '../meta';

/** Configuration of {@link TimeSleep}. */
export interface TimeSleepConfig extends BindingMetaConfig {
  /** How long creation waits, e.g. `30s` or an expression that yields one. */
  readonly createDuration: string;
  /**
   * Values whose change replaces the sleep (and so waits again).
   * @default - none
   */
  readonly triggers?: { [key: string]: string };
}

/** The `time_sleep` resource (hashicorp/time): waits while it is created. */
export class TimeSleep extends BindingResource {
  /** The Terraform type of this resource. */
  public static readonly tfResourceType = 'time_sleep';

  /** The creation wait. */
  public readonly createDuration: string;
  /** The replacement triggers. */
  public readonly triggers?: { [key: string]: string };

  constructor(scope: Construct, id: string, config: TimeSleepConfig) {
    super(scope, id, TimeSleep.tfResourceType, TIME, config);
    this.createDuration = config.createDuration;
    this.triggers = config.triggers;
  }
}
