import { Construct } from 'constructs';
import { BindingProvider, BindingProviderSpec } from '../base';

/** The `hashicorp/time` version constraint our bindings need. */
export const TIME_VERSION_CONSTRAINT = '>= 0.9.0, < 1.0.0';

/** The time provider as our bindings declare it. */
export const TIME: BindingProviderSpec = { name: 'time', source: 'hashicorp/time', versionConstraint: TIME_VERSION_CONSTRAINT };

/** Configuration of the time provider. */
export interface TimeProviderConfig {
  /**
   * Alias.
   * @default - the default time provider
   */
  readonly alias?: string;
}

/**
 * The `hashicorp/time` provider. A small binding of our own (only `time_sleep` is used), to keep the
 * library's dependencies to the two prebuilt providers.
 */
export class TimeProvider extends BindingProvider {
  /** The Terraform type of this provider. */
  public static readonly tfResourceType = TIME.name;

  constructor(scope: Construct, id: string, config: TimeProviderConfig = {}) {
    super(scope, id, TIME, config);
  }
}
