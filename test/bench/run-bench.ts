/**
 * Runs a benchmark's `main` as a script: exit 0 when it finished, otherwise the stack on stderr and
 * exit 1. A benchmark exits explicitly because open handles (a pool, a fake server) must not keep a
 * finished run alive, and a failed run must fail the npm script rather than print partial figures.
 */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${String(err instanceof Error ? err.stack : err)}\n`);
      process.exit(1);
    },
  );
}
