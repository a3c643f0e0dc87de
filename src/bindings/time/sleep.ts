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

  private readonly config: TimeSleepConfig;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform address, so keep it stable
   * @param config its arguments, as Terraform names them in camelCase
   */
  constructor(scope: Construct, id: string, config: TimeSleepConfig) {
    super(scope, id, TimeSleep.tfResourceType, TIME, config);
    this.config = config;
  }

  /** The creation wait (as synth will write it: the config is read at synth). */
  public get createDuration(): string {
    return this.config.createDuration;
  }

  /** The replacement triggers. */
  public get triggers(): { [key: string]: string } | undefined {
    return this.config.triggers;
  }
}
