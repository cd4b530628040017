// Entry point of the `cairn` command (loaded by bin/cairn.cjs).
import { runCli } from './run-cli';

// A reader that stops early (`cairn stats | head -1`) closes the pipe: the rest of
// the output has nowhere to go, which is not an error. The command still finishes,
// so an import or export is never cut off half-way.
let stdoutOpen = true;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutOpen = false;
});

// Errors are one line: a library's warnings (yaml's "Unresolved tag" and the like) are
// not for the person at the terminal, unless CAIRN_DEBUG asks for them.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (process.env.CAIRN_DEBUG) process.stderr.write(`${warning.stack ?? String(warning)}\n`);
});

void runCli(process.argv.slice(2), {
  stdout: (line) => {
    if (stdoutOpen) process.stdout.write(line + '\n');
  },
  stderr: (line) => process.stderr.write(line + '\n'),
  isTty: Boolean(process.stdout.isTTY),
}).then((code) => {
  process.exitCode = code;
});
