import { readFileSync } from 'fs';
import { join } from 'path';
import { ServerlessNetworkChecks } from '../../src/checks/pack';

describe('the README documents the rule pack', () => {
  test('its rule table lists every rule, in order, with its level, what it finds and the fix', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const rows = readme
      .split('\n')
      .filter((l) => l.startsWith('| `ADBS-'))
      .map((l) => l.split(' | ').map((c) => c.replace(/^\| /, '').replace(/ \|$/, '')));
    expect(rows).toEqual(ServerlessNetworkChecks.rules().map((r) => [`\`${r.id}\``, r.level, r.title, r.fix]));
  });
});
