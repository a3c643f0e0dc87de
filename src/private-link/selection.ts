/**
 * The HCL the approval emits, as functions of references (each argument is a Terraform expression such
 * as `data.azapi_resource_list.x.output.value`, without `${}`).
 */

/** States of a rule after which its connection exists on the target. */
const PAST_CREATING = ['PENDING', 'ESTABLISHED'];

/**
 * The HCL expression (one `${...}` interpolation) that selects, from a list of private endpoint
 * connections, those of one private endpoint: the ID of the connection's private endpoint ends with
 * `/privateEndpoints/<endpointName>` (compared lowercased, as ARM compares IDs) and the status is Pending
 * or Approved. An empty or null endpoint name selects nothing: `coalesce` fails on it, and the `try` makes
 * that `false` (a missing `properties` too).
 *
 * @param connections the list, e.g. `data.azapi_resource_list.x.output.value`
 * @param endpointName the rule's endpoint name, e.g. `databricks_mws_ncc_private_endpoint_rule.x.endpoint_name`
 */
export function matchExpression(connections: string, endpointName: string): string {
  return (
    `\${[for c in try(${connections}, []) : c ` +
    `if try(endswith(lower(c.properties.privateEndpoint.id), lower(format("/privateEndpoints/%s", coalesce(${endpointName})))), false) ` +
    '&& contains(["pending", "approved"], lower(try(c.properties.privateLinkServiceConnectionState.status, "")))]}'
  );
}

/**
 * The wait before a target's connections are listed (one `${...}` interpolation): `<seconds>s` while any
 * of the rules' `connection_state` says the rule may still be creating (`CREATING`, unknown or empty),
 * `0s` once every rule is `PENDING` or `ESTABLISHED`.
 */
export function waitExpression(connectionStates: string[], seconds: number): string {
  return (
    `\${length([for s in [${connectionStates.join(', ')}] : s if !contains(${JSON.stringify(PAST_CREATING).replace(/,/g, ', ')}, coalesce(s, "CREATING"))]) > 0 ` +
    `? "${seconds}s" : "0s"}`
  );
}
