// .github/workflows/ci.yml cannot run here; this parses it and checks what it promises: npm test as .ci/run runs it,
// the extension-host suite in desktop VS Code on three systems, the VSIX as an artifact on v* tags, actions pinned to
// a major version, and no workflow expression expanded inside a shell script.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

const root = join(__dirname, '..', '..');
const FILE = '.github/workflows/ci.yml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  container?: { image?: string; options?: string };
  strategy?: { matrix?: { os?: string[] } };
  needs?: string[];
  if?: string;
  'timeout-minutes'?: number;
  steps: Step[];
}
interface Workflow {
  on: { push?: { branches?: string[]; tags?: string[] }; pull_request?: unknown };
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = load(readFileSync(join(root, FILE), 'utf8'), { filename: FILE }) as Workflow;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const jobs = workflow.jobs;
const runs = (job: Job | undefined): string[] => (job?.steps ?? []).flatMap((s) => (s.run ? s.run.split('\n').map((l) => l.trim()).filter(Boolean) : []));
const uses = (job: Job | undefined): string[] => (job?.steps ?? []).flatMap((s) => (s.uses ? [s.uses] : []));

describe(`CI workflow (${FILE})`, () => {
  it('runs on pushes to main, on pull requests and on v* tags, with read-only repository access', () => {
    assert.deepEqual(workflow.on.push?.branches, ['main']);
    assert.deepEqual(workflow.on.push?.tags, ['v*']);
    assert.ok('pull_request' in workflow.on);
    assert.deepEqual(workflow.permissions, { contents: 'read' });
    assert.deepEqual(Object.keys(jobs).sort(), ['desktop', 'package', 'test']);
  });

  it('every job checks out first, has a time limit, and uses actions pinned to a major version', () => {
    for (const [name, job] of Object.entries(jobs)) {
      assert.ok(job['runs-on'], `${name}: runs-on`);
      assert.ok((job['timeout-minutes'] ?? 0) > 0, `${name}: timeout-minutes`);
      assert.match(job.steps[0]?.uses ?? '', /^actions\/checkout@/, `${name}: first step`);
      for (const u of uses(job)) assert.match(u, /^[\w-]+\/[\w-]+@v\d+$/, `${name}: ${u}`);
      for (const s of job.steps) assert.ok(!!s.uses !== !!s.run, `${name}: a step either uses an action or runs a script`);
    }
  });

  it('no ${{ }} expression inside a script: nothing from a pull request is pasted into a shell', () => {
    for (const [name, job] of Object.entries(jobs)) for (const r of runs(job)) assert.doesNotMatch(r, /\$\{\{/, `${name}: ${r}`);
  });

  it('test: `bash .ci/run` (types, lint, npm test) as root in a Debian container, as here', () => {
    const job = jobs.test;
    assert.equal(job?.['runs-on'], 'ubuntu-latest');
    assert.match(job?.container?.image ?? '', /^node:\d+-(bookworm|trixie)$/);
    assert.deepEqual(runs(job), ['bash .ci/run']);
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
    for (const step of ['npm ci', 'npm run -s check-types', 'npm run -s lint', 'npm test']) assert.ok(ci.includes(step), `.ci/run runs ${step}`);
  });

  it('desktop: `npm run test:desktop` on Linux (under xvfb-run), Windows and macOS', () => {
    const job = jobs.desktop;
    assert.equal(job?.['runs-on'], '${{ matrix.os }}');
    assert.deepEqual(job?.strategy?.matrix?.os, ['ubuntu-latest', 'windows-latest', 'macos-latest']);
    assert.ok(pkg.scripts['test:desktop']?.includes('test/vscode/desktop.mjs'));
    assert.ok(uses(job).some((u) => u.startsWith('actions/setup-node@')));
    const linux = job?.steps.find((s) => s.if === "runner.os == 'Linux'");
    const others = job?.steps.find((s) => s.if === "runner.os != 'Linux'");
    assert.match(linux?.run ?? '', /^xvfb-run -a npm run test:desktop$/m);
    assert.equal(others?.run, 'npm run test:desktop');
    assert.ok(runs(job).indexOf('npm ci --no-audit --no-fund') >= 0);
  });

  it('package: on v* tags only, after both test jobs, `npm run package` uploaded as an artifact', () => {
    const job = jobs.package;
    assert.equal(job?.if, "startsWith(github.ref, 'refs/tags/v')");
    assert.deepEqual(job?.needs, ['test', 'desktop']);
    assert.ok(runs(job).includes('npm run package'));
    const out = / -o (\S+\.vsix)/.exec(pkg.scripts.package ?? '')?.[1];
    const upload = job?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    assert.equal(upload?.with?.path, out, 'the artifact is the file npm run package writes');
    assert.equal(upload?.with?.['if-no-files-found'], 'error');
  });

  it('the node images and versions agree, and every script it names exists', () => {
    const majors = new Set<string>();
    for (const job of Object.values(jobs)) {
      const image = /^node:(\d+)/.exec(job.container?.image ?? '')?.[1];
      if (image) majors.add(image);
      for (const s of job.steps) if (s.uses?.startsWith('actions/setup-node@')) majors.add(String(s.with?.['node-version']));
    }
    assert.equal(majors.size, 1, [...majors].join(', '));
    assert.ok(existsSync(join(root, '.ci', 'run')));
    for (const job of Object.values(jobs)) {
      for (const r of runs(job)) for (const m of r.matchAll(/npm run (?:-s )?([\w:-]+)/g)) assert.ok(pkg.scripts[m[1] ?? ''], `npm run ${m[1]}`);
    }
  });
});
