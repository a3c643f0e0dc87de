import { isCidr } from '../../src/perimeter/access-rules';

// The values Go's net.ParseCIDR (azurerm's validation.IsCIDR) accepts and refuses.
describe('CIDR prefixes, as azurerm validates them', () => {
  test.each([
    '203.0.113.0/24', '10.0.0.0/8', '0.0.0.0/0', '255.255.255.255/32',
    '2001:db8::/32', '::/0', '::1/128', 'fe80::1:2:3:4/64', '1:2:3:4:5:6:7:8/128', '2001:DB8:0:0:8:800:200C:417A/64',
    '::ffff:192.0.2.128/96', '64:ff9b::192.0.2.33/96', '1:2:3:4:5:6:192.0.2.1/120',
  ])('%s is a prefix', (value) => {
    expect(isCidr(value)).toBe(true);
  });

  test.each([
    ':::/64', '1:2:3:4:5:6:7:8:9/64', '1::2::3/64', '2001:db8:/32', 'g::/16', '12345::/16', '1:2:3:4:5:6:7/64',
    '::/129', '2001:db8::/200', '10.0.0.0/33', '256.0.0.0/8', '010.0.0.0/8', '10.0.0/8', '10.0.0.0', '10.0.0.0/', '10.0.0.0/08',
    '::192.0.2.1:1/96', '1:2:3:4:5:6:7:192.0.2.1/128', 'fe80::1%eth0/64',
  ])('%s is not', (value) => {
    expect(isCidr(value)).toBe(false);
  });
});
