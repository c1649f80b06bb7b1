// The renderer alone, in a process of its own so that its peak RSS is the renderer's: the
// pdf scenario compiles this file to plain JavaScript (no ts-node in this process) and forks
// it once per list size. It loads the BUILT renderer (dist/libs/pdf, from `npm run build`),
// renders the given LetterDocument once to warm up, then `runs` times, timed, and reports
// back over IPC. The last PDF is written to `pdfFile` for the parent's checks.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

export interface RenderRequest {
  /** Absolute path of dist/libs/pdf/src/index.js. */
  renderer: string;
  /** A LetterDocument as JSON (no logo). */
  documentFile: string;
  pdfFile: string;
  runs: number;
}

export interface RenderReply {
  /** Wall-clock milliseconds of each timed render. */
  timesMs: number[];
  /** CPU milliseconds (user + system, all threads) of each timed render. */
  cpuMs: number[];
  warmUpMs: number;
  pages: number;
  bytes: number;
  /** The sha256 of every render, warm-up first: all equal when the renderer is deterministic. */
  sha256s: string[];
  warnings: string[];
  /** VmHWM of this process, bytes: before loading the renderer, and at the end. */
  baselineRss: number;
  peakRss: number;
}

type Renderer = typeof import('@app/pdf');

function vmHwm(): number {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
}

async function run(request: RenderRequest): Promise<RenderReply> {
  const baselineRss = vmHwm();
  const { renderLetterPdf } = (await import(request.renderer)) as Renderer;
  const document = JSON.parse(readFileSync(request.documentFile, 'utf8')) as Parameters<
    Renderer['renderLetterPdf']
  >[0];
  const sha256s: string[] = [];
  let start = process.hrtime.bigint();
  let result = await renderLetterPdf(document);
  const warmUpMs = Number(process.hrtime.bigint() - start) / 1e6;
  sha256s.push(result.sha256);
  const timesMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < request.runs; i++) {
    const cpu = process.cpuUsage();
    start = process.hrtime.bigint();
    result = await renderLetterPdf(document);
    timesMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
    sha256s.push(result.sha256);
  }
  const peakRss = vmHwm();
  writeFileSync(request.pdfFile, result.bytes);
  if (createHash('sha256').update(result.bytes).digest('hex') !== result.sha256) {
    throw new Error('the sha256 the renderer reports is not that of its bytes');
  }
  return {
    timesMs,
    cpuMs,
    warmUpMs,
    pages: result.pages,
    bytes: result.bytes.length,
    sha256s,
    warnings: result.warnings,
    baselineRss,
    peakRss,
  };
}

process.once('message', (request: RenderRequest) => {
  run(request).then(
    (reply) => process.send?.({ ok: true, reply }, () => process.exit(0)),
    (error: unknown) =>
      process.send?.({ ok: false, error: String((error as Error)?.stack ?? error) }, () =>
        process.exit(1),
      ),
  );
});
