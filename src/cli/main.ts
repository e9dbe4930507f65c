import { runCli } from './runCli';

// The entry of dist/cli.cjs; everything else lives in runCli so tests can call it in-process.
void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readStdin: async () => {
    const parts: Buffer[] = [];
    for await (const part of process.stdin) parts.push(part as Buffer);
    return Buffer.concat(parts).toString('utf8');
  },
}).then((code) => {
  process.exitCode = code;
});
