/** The served schemas' self-check (smoke.ts) at the oldest end. */
import { smokeTests } from './smoke';

describe('oldest end', () => smokeTests('oldest'));
