import { Construct } from 'constructs';
import { constraintFor, PROVIDER_RANGES } from '../../core/provider-versions';
import { BindingProvider, BindingProviderSpec } from '../base';

/** The time provider as our bindings declare it (range and reasons in `core/provider-versions.ts`). */
export const TIME: BindingProviderSpec = { name: 'time', source: PROVIDER_RANGES.time.source, versionConstraint: constraintFor('time') };

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

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform address, so keep it stable
   * @param config its arguments, as Terraform names them in camelCase
   */
  constructor(scope: Construct, id: string, config: TimeProviderConfig = {}) {
    super(scope, id, TIME, config);
  }
}
