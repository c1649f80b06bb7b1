import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './redis-process';

const BIN = '/usr/lib/postgresql/15/bin';

/**
 * A private PostgreSQL server (its own `initdb` cluster in a temporary folder, on a free
 * port) that a fault test can stop and start again to play an outage, without touching
 * the shared server on 5432. PostgreSQL refuses to run as root, so under root the server
 * runs as the `postgres` user.
 */
export class PostgresProcess {
  private child: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<PostgresProcess> {
    const dir = mkdtempSync(join(tmpdir(), 'signatory-pg-'));
    chmodSync(dir, 0o777);
    const pg = new PostgresProcess(await freePort(), dir);
    pg.run(`${BIN}/initdb`, ['-D', pg.dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync']);
    await pg.start();
    return pg;
  }

  static available(): boolean {
    try {
      execFileSync(`${BIN}/postgres`, ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }

  /** The `postgres` database of this server. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  async start(): Promise<void> {
    if (this.child && this.child.exitCode === null) return;
    const args = [
      '-D',
      this.dataDir,
      '-p',
      String(this.port),
      '-k',
      this.dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
    ];
    this.child = asPostgres(`${BIN}/postgres`, args);
    const deadline = Date.now() + 20000;
    for (;;) {
      const client = new Client({ connectionString: this.url });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.query('SELECT 1');
        return;
      } catch (error) {
        if (Date.now() > deadline || this.child.exitCode !== null) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  }

  /** Stops the server at once (SIGQUIT: immediate shutdown, connections dropped). */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // The postmaster's own pid (runuser may stay in between as its parent).
    const pid = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGQUIT');
    await exited;
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private run(command: string, args: string[]): void {
    const asRoot = process.getuid?.() === 0;
    if (asRoot)
      execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'ignore' });
    else execFileSync(command, args, { stdio: 'ignore' });
  }
}

function asPostgres(command: string, args: string[]): ChildProcess {
  return process.getuid?.() === 0
    ? spawn('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'ignore' })
    : spawn(command, args, { stdio: 'ignore' });
}
