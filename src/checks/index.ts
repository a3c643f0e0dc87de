export { ServerlessNetworkChecks } from './pack';
export type { ServerlessNetworkChecksProps, CheckRuleInfo } from './pack';
export { FindingLevel } from './rule';
export type { CheckFinding, CheckReport } from './report';
