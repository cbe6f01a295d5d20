import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's clients, run through Debian's own Python (not a pyenv or venv one that may be first on PATH). */
export const OPENSTACK = '/usr/bin/openstack';
export const GLANCE = '/usr/bin/glance';
export const PYTHON = '/usr/bin/python3';

/** One client call may take this long before it is killed and the test fails. */
export const CLIENT_TIMEOUT_MS = 60_000;

export interface ClientRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Both streams, for messages whose stream does not matter. */
  output: string;
}

/** The suite fails, never skips, when a client is missing: CI must not go green without having run them. */
export function assertClientsInstalled(): void {
  const missing = [OPENSTACK, GLANCE, PYTHON].filter((file) => {
    try {
      accessSync(file, constants.X_OK);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    throw new Error(`missing OpenStack clients: ${missing.join(', ')}; install them with scripts/interop/install-clients.sh`);
  }
}

/**
 * Run a client with only the environment given (no OS_* or clouds.yaml of the
 * machine leaks in) and a fresh HOME, so glanceclient's schema cache starts
 * empty on every call.
 */
export function runClient(file: string, args: string[], env: Record<string, string>): Promise<ClientRun> {
  const home = mkdtempSync(join(tmpdir(), 'glance-mock-interop-home-'));
  const fullEnv = { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8', HOME: home, PYTHONDONTWRITEBYTECODE: '1', ...env };
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { env: fullEnv, timeout: CLIENT_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        rmSync(home, { recursive: true, force: true });
        const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
        if (err && err.killed) stderr += `\n[killed after ${CLIENT_TIMEOUT_MS} ms]`;
        resolve({ code, stdout, stderr, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** The rows of a cliff table (`| a | b |`), cells trimmed, header row included. */
export function tableRows(stdout: string): string[][] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

/** A cliff `Field | Value` table as an object. */
export function fields(stdout: string): Record<string, string> {
  return Object.fromEntries(
    tableRows(stdout)
      .slice(1)
      .map(([key, value]) => [key, value]),
  );
}
