import { execFileSync } from 'node:child_process';
import { chmod, lstat, mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../test/run-cli.js';

/** A scenario of a few seconds' run. */
const CLINIC = {
  name: 'clinic',
  start: '2026-03-02T08:00',
  horizonDays: 5,
  replications: 2,
  resources: [{ id: 'cubicle', department: 'clinic', units: 2 }],
  patientClasses: [{ id: 'walkIn', department: 'clinic', arrivals: { type: 'weekly', perDay: 30 }, pathway: 'visit' }],
  pathways: { visit: [{ seize: ['cubicle'] }, { hold: { type: 'exponential', mean: 30 }, activity: 'treatment' }, { release: 'all' }] },
};

async function scenarioFile(dir: string, name = 'clinic.json'): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(CLINIC));
  return file;
}

describe('outputs that are not regular files are refused, not replaced (exit 2)', () => {
  it('export-log --out /dev/null leaves the device a device', async () => {
    const r = await runCli(['export-log', 'textbook-mmc', '--out', '/dev/null']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out \/dev\/null: is a device, not a regular file/);
    expect((await stat('/dev/null')).isCharacterDevice()).toBe(true);
  });

  it('a symbolic link and a FIFO given as --trace or --out are left as they were', async () => {
    const dir = await tempDir();
    const scenario = await scenarioFile(dir);
    await writeFile(join(dir, 'target.txt'), 'kept\n');
    await symlink(join(dir, 'target.txt'), join(dir, 'link.json'));
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    const viaLink = await runCli(['run', scenario, '--trace', join(dir, 'link.json')]);
    expect(viaLink.code).toBe(2);
    expect(viaLink.stderr).toMatch(/--trace .*link\.json: is a symbolic link/);
    const viaFifo = await runCli(['export-log', scenario, '--out', join(dir, 'pipe.csv')]);
    expect(viaFifo.code).toBe(2);
    expect(viaFifo.stderr).toMatch(/--out .*pipe\.csv: is a named pipe/);
    expect((await lstat(join(dir, 'link.json'))).isSymbolicLink()).toBe(true);
    expect((await lstat(join(dir, 'pipe.csv'))).isFIFO()).toBe(true);
    expect(await readFile(join(dir, 'target.txt'), 'utf8')).toBe('kept\n');
  });
});

describe('an output that is the same file as an input or another output is refused (exit 2)', () => {
  it('run s.json --trace s.json and export-log s.json --out s.json keep the scenario', async () => {
    const dir = await tempDir();
    const scenario = await scenarioFile(dir);
    const before = await readFile(scenario, 'utf8');
    const trace = await runCli(['run', scenario, '--trace', scenario]);
    expect(trace.code).toBe(2);
    expect(trace.stderr).toMatch(/--trace .*clinic\.json: is the same file as the scenario/);
    // The same file by another name.
    await mkdir(join(dir, 'sub'));
    await symlink(dir, join(dir, 'sub', 'again'));
    const out = await runCli(['export-log', scenario, '--out', join(dir, 'sub', 'again', 'clinic.json')]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--out .*again\/clinic\.json: is the same file as the scenario/);
    expect(await readFile(scenario, 'utf8')).toBe(before);
  });

  it('calibrate refuses --report equal to the log, --report equal to --out, and --out equal to the mapping', async () => {
    const dir = await tempDir();
    const log = join(dir, 'log.csv');
    const logText = 'case,activity,start,end,resource,class\np1,triage,2026-01-05T08:00:00,2026-01-05T08:10:00,nurse,ed\n';
    await writeFile(log, logText);
    const map = join(dir, 'map.yaml');
    const mapText = await readFile('calibration/maps/export-log.yaml', 'utf8');
    await writeFile(map, mapText);
    const cases: [string[], RegExp][] = [
      [['--out', join(dir, 'out.yaml'), '--report', log], /--report .*log\.csv: is the same file as the log/],
      [['--out', join(dir, 'out.yaml'), '--report', join(dir, 'out.yaml')], /--report .*out\.yaml: is the same file as --out/],
      [['--out', join(dir, 'map.yaml')], /--out .*map\.yaml: is the same file as the mapping/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['calibrate', log, '--map', map, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(await readFile(log, 'utf8')).toBe(logText);
    expect(await readFile(map, 'utf8')).toBe(mapText);
    expect((await readdir(dir)).sort()).toEqual(['log.csv', 'map.yaml']);
  });

  it('sweep --out naming a file is refused with exit 2', async () => {
    const dir = await tempDir();
    const spec = join(dir, 'sweep.yaml');
    await writeFile(spec, 'name: s\nbase: textbook-mmc\nreplications: 2\nparameters:\n  resources.cubicle.units: [3, 4]\n');
    const r = await runCli(['sweep', spec, '--out', spec]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*sweep\.yaml: is a file, not a folder/);
  });
});

describe('outputs that cannot be written are found before the run, and the report comes first', () => {
  it('run --csv into a read-only folder is refused before running, naming the folder', async () => {
    const dir = await tempDir();
    const scenario = await scenarioFile(dir);
    const readOnly = join(await tempDir(), 'ro');
    await mkdir(readOnly);
    let mounted = false;
    if (process.getuid?.() === 0) {
      // Root writes through permissions: a read-only mount it must be.
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', readOnly], { stdio: 'ignore' });
        mounted = true;
      } catch {
        return;
      }
    } else await chmod(readOnly, 0o555);
    try {
      const r = await runCli(['run', scenario, '--csv', join(readOnly, 'results')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--csv .*results: files cannot be written in .*ro \((a read-only disk|permission denied)\)/);
      expect(r.stdout).toBe('');
    } finally {
      if (mounted) execFileSync('umount', [readOnly]);
    }
  });

  it.skipIf(process.getuid?.() !== 0)('run --csv onto a disk that fills up prints the report, then exits 1 naming the file', async () => {
    const dir = await tempDir();
    const scenario = await scenarioFile(dir);
    const disk = await tempDir();
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk], { stdio: 'ignore' });
    } catch {
      return;
    }
    try {
      // Leave the disk all but full: the check's empty probe file fits, the figures do not.
      await writeFile(join(disk, 'filler'), 'x'.repeat(64 * 1024)).catch(() => undefined);
      const r = await runCli(['run', scenario, '--csv', disk]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/clinic/);
      expect(r.stderr).toMatch(/figures\.csv could not be written \(no space left on the disk\)/);
      expect((await readdir(disk)).sort()).toEqual(['filler']);
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});

describe('--workers is at most a few per core (issue 16, item 10)', () => {
  it('--workers 256 on this machine is refused naming the limit, before anything runs', async () => {
    const { availableParallelism } = await import('node:os');
    if (availableParallelism() * 4 >= 256) return;
    const r = await runCli(['run', 'textbook-mmc', '--workers', '256']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`must be a whole number from 1 to ${availableParallelism() * 4} \\(4 per core, ${availableParallelism()} cores here\\)`),
    );
  });
});

describe('smaller refusals (issue 16, item 13)', () => {
  it('stdout on a full device (> /dev/full) is a plain message and exit 1, not a stack trace', async () => {
    const { spawn } = await import('node:child_process');
    const { openSync, closeSync } = await import('node:fs');
    const { CLI } = await import('../test/run-cli.js');
    const full = openSync('/dev/full', 'w');
    try {
      const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'list'], { stdio: ['ignore', full, 'pipe'] });
        let stderr = '';
        child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/cannot write to standard output \(no space left on the device\)/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      closeSync(full);
    }
  });

  it('--precision naming a figure the scenario lacks is refused before any replication', async () => {
    const r = await runCli(['run', 'textbook-mmc', '--precision', 'nosuch.figure:0.1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--precision nosuch\.figure: the scenario has no such figure/);
    expect(r.stdout).toBe('');
  });
});

describe('two sweeps into one folder (issue 16, item 13)', () => {
  it('the second is refused with exit 2 while the first holds the lock; a lock left by a dead process is taken over', async () => {
    const dir = await tempDir();
    const spec = join(dir, 'sweep.yaml');
    await writeFile(spec, 'name: s\nbase: textbook-mmc\nreplications: 2\nparameters:\n  resources.cubicle.units: [3, 4]\n');
    const out = join(dir, 'out');
    await mkdir(out);
    // A live process holds the lock: this test's own parent stands in for the first sweep.
    await writeFile(join(out, 'sweep.lock'), `${process.pid}\n`);
    const second = await runCli(['sweep', spec, '--out', out, '--workers', '1']);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`another sweep \\(process ${process.pid}\\) is writing to`));
    expect(await readdir(out)).toEqual(['sweep.lock']);
    // Killed with -9 long ago: its lock is stale.
    await writeFile(join(out, 'sweep.lock'), '2147483646\n');
    const after = await runCli(['sweep', spec, '--out', out, '--workers', '1']);
    expect(after.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['sweep.csv', 'sweep.json', 'sweep.jsonl']);
  }, 60_000);
});
