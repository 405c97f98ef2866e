#!/usr/bin/env node
// The v3-filters command. The CLI itself is bundled into dist/ (npm run build).
let runCli;
try {
  ({ runCli } = await import('../dist/cli/main.js'));
} catch (cause) {
  process.stderr.write(
    `v3-filters: cannot load dist/cli/main.js (run \`npm run build\`): ${cause?.message ?? cause}\n`,
  );
  process.exit(2);
}
// A reader that goes away (`| head`) is not an error of ours.
process.stdout.on('error', (error) => {
  if (error?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
process.exitCode = await runCli(process.argv.slice(2));
