/** IPv4 ranges, as the ingress rules of a network policy and the checks read them. */

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(\/(3[0-2]|[12]?\d))?$/;
/** Ranges that are not public: RFC 1918, loopback, link-local, "this network". */
export const NOT_PUBLIC: ReadonlyArray<[string, number, number]> = [
  ['10.0.0.0/8', 0x0a000000, 8],
  ['172.16.0.0/12', 0xac100000, 12],
  ['192.168.0.0/16', 0xc0a80000, 16],
  ['127.0.0.0/8', 0x7f000000, 8],
  ['169.254.0.0/16', 0xa9fe0000, 16],
  ['0.0.0.0/8', 0, 8],
];

/** An IPv4 range as [first address, prefix length]. */
export function parseIpv4Range(value: string): [number, number] | undefined {
  if (!IPV4.test(value)) {
    return undefined;
  }
  const [address, prefix] = value.split('/');
  const n = address.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
  return [n, prefix === undefined ? 32 : Number(prefix)];
}

/** Whether two IPv4 ranges share an address. */
export function overlaps(a: [number, number], b: [number, number]): boolean {
  const bits = Math.min(a[1], b[1]);
  const size = 2 ** (32 - bits);
  return Math.floor(a[0] / size) === Math.floor(b[0] / size);
}

