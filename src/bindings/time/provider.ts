import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { registerDefaultProvider } from '../default-provider';

/** The `hashicorp/time` version constraint our bindings need. */
export const TIME_VERSION_CONSTRAINT = '>= 0.9.0, < 1.0.0';

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
export class TimeProvider extends TerraformProvider {
  /** The Terraform type of this provider. */
  public static readonly tfResourceType = 'time';

  private _alias?: string;

  /** The provider alias. */
  public get alias(): string | undefined {
    return this._alias;
  }

  public set alias(value: string | undefined) {
    this._alias = value;
  }

  constructor(scope: Construct, id: string, config: TimeProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'time',
      terraformGeneratorMetadata: { providerName: 'time', providerVersionConstraint: TIME_VERSION_CONSTRAINT },
      terraformProviderSource: 'hashicorp/time',
    });
    this._alias = config.alias;
    registerDefaultProvider(this, config.alias);
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return { alias: this.alias };
  }
}
