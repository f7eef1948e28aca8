// A slow consumer for pipe tests: copies stdin to stdout in 1 KiB pieces with a pause
// after each, so that the writer on the other end of the pipe meets a full pipe.
import { setTimeout as sleep } from 'node:timers/promises';

const PIECE = 1024;
for await (const chunk of process.stdin) {
  for (let at = 0; at < chunk.length; at += PIECE) {
    if (!process.stdout.write(chunk.subarray(at, at + PIECE))) await new Promise((r) => process.stdout.once('drain', r));
    await sleep(1);
  }
}
