/**
 * The bundled example app: `npm run example` (or `cdktf synth`) writes one Terraform JSON file per
 * stack to cdktf.out/stacks/<stack>/cdk.tf.json.
 */
import { App } from 'cdktf';
import { ApprovalStack } from './approval';
import { ChecksStack } from './checks';
import { EgressStack } from './egress';
import { EstateStack } from './estate';
import { FoundationStack } from './foundation';
import { IngressStack } from './ingress';
import { LakehouseStack } from './lakehouse';
import { PerimeterStack } from './perimeter';

const app = new App();
new EstateStack(app, 'estate');
new FoundationStack(app, 'foundation');
new ApprovalStack(app, 'approval');
new PerimeterStack(app, 'perimeter');
new EgressStack(app, 'egress');
new IngressStack(app, 'ingress');
new ChecksStack(app, 'checks');
new LakehouseStack(app, 'lakehouse');
app.synth();
