/** Jest global teardown: stops the stand-in providers by PID. */
export default async function globalTeardown(): Promise<void> {
  const pid = Number(process.env.STANDIN_PID);
  if (pid) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
