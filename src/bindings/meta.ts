import { ITerraformDependable, TerraformProvider, TerraformResourceLifecycle } from 'cdktf';

/** Terraform meta-arguments shared by this library's own bindings. */
export interface BindingMetaConfig {
  /**
   * The provider configuration.
   * @default - the stack's default provider of the binding's type
   */
  readonly provider?: TerraformProvider;
  /**
   * Explicit dependencies (a data source with changed dependencies is read at apply time).
   * @default - none
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Lifecycle (preconditions, ignore_changes, prevent_destroy).
   * @default - none
   */
  readonly lifecycle?: TerraformResourceLifecycle;
}
