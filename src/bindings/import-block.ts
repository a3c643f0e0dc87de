import { TerraformElement, TerraformProvider, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';

/**
 * A Terraform `import` block (Terraform >= 1.5): the resource adopts an existing object on its first
 * apply; later applies find it in state and skip the import. Unlike `TerraformResource.importFrom`, it
 * adds no synth-time check that runs the Terraform CLI, so JSON can be synthesized where Terraform is
 * not installed.
 *
 * @internal
 */
export class ImportBlock extends TerraformElement {
  private readonly target: TerraformResource;
  private readonly importId: string;
  private readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, target: TerraformResource, importId: string, provider?: TerraformProvider) {
    super(scope, id, 'import');
    this.target = target;
    this.importId = importId;
    this.provider = provider;
  }

  public toTerraform(): any {
    return {
      import: [{ to: `${this.target.terraformResourceType}.${this.target.friendlyUniqueId}`, id: this.importId, provider: this.provider?.fqn }],
    };
  }
}
