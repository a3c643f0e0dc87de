/** The served schemas' self-check (smoke.ts) at the newest end. */
import { smokeTests } from './smoke';

describe('newest end', () => smokeTests('newest'));
