#!/usr/bin/env node
// The v3-filters command. The CLI itself is compiled to dist/ (npm run build).
let runCli;
try {
  ({ runCli } = await import('../dist/cli/main.js'));
} catch (cause) {
  process.stderr.write(
    `v3-filters: cannot load dist/cli/main.js (run \`npm run build\`): ${cause?.message ?? cause}\n`,
  );
  process.exit(2);
}
// The YAML parser reports odd tags as process warnings, a multi-line echo of the document on
// stderr; lint-openapi reports on documents itself.
const emitWarning = process.emitWarning;
process.emitWarning = (warning, ...rest) => {
  if (warning?.name !== 'YAMLWarning') emitWarning.call(process, warning, ...rest);
};
// A reader that goes away (`| head`) is not an error of ours.
process.stdout.on('error', (error) => {
  if (error?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
process.exitCode = await runCli(process.argv.slice(2));
