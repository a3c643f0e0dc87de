import { rmSync } from 'fs';

/** Jest global teardown: stops the stand-in providers (one per end) by PID and removes the fixtures, subsets and world folders. */
export default async function globalTeardown(): Promise<void> {
  for (const pid of (process.env.STANDIN_PIDS ?? '').split(',').map(Number).filter(Boolean)) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  for (const dir of [process.env.STANDIN_FIXTURES_DIR, process.env.STANDIN_SUBSETS_DIR, process.env.STANDIN_WORLD_DIR]) {
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
