// Entry point of the `cairn` command (loaded by bin/cairn.cjs).
import { runCli } from './run-cli';

void runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n'),
  isTty: Boolean(process.stdout.isTTY),
}).then((code) => {
  process.exitCode = code;
});
