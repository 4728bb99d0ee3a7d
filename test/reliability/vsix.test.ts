// The packaged extension, built the way a release is (production build, then `vsce package` with none of its checks
// skipped): vsce accepts it, its README links resolve on the Marketplace and Open VSX, it stays within the size
// budget, and it (and any dist/*.vsix of an earlier build) carries no test secret, test or source file, or source map.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CREDENTIALS, DEMO_STS_CREDENTIALS, EXPIRED_STS_CREDENTIALS, RESTRICTED_CREDENTIALS } from '../emulator';
import { AK_SECRET, PROXY_PASSWORD, WRONG_SECRET, WRONG_TOKEN } from './support';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
/** Issue 6's package budget (bench/run.mjs checks the same numbers). */
const BUDGET = { bytes: 1.5 * 1024 * 1024, files: 40 };

interface Manifest {
  repository?: { url?: string };
  icon?: string;
  contributes?: { walkthroughs?: { steps: { media: { svg?: string; image?: string | Record<string, string>; markdown?: string } }[] }[] };
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

function entries(vsix: string): string[] {
  const list = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
  assert.equal(list.status, 0, `unzip -Z1 ${vsix}: ${list.stderr}`);
  return list.stdout.split('\n').filter(Boolean);
}

function entryText(vsix: string, name: string): string {
  const r = spawnSync('unzip', ['-p', vsix, name], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  assert.equal(r.status, 0, `unzip -p ${vsix} ${name}: ${r.stderr}`);
  return r.stdout;
}

/** Link and image targets of a markdown text: [text](target), ![alt](target) and <img src="target">. */
function linkTargets(md: string): { images: string[]; links: string[] } {
  const images = [...md.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)/g), ...md.matchAll(/<img\s[^>]*src="([^"]+)"/g)].map((m) => m[1] ?? '');
  const links = [...md.matchAll(/(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)/g)].map((m) => m[1] ?? '');
  return { images, links };
}

describe('reliability: the packaged VSIX', () => {
  let fresh = '';
  let earlier: string[] = [];
  let work: string | undefined;

  before(function () {
    this.timeout(180_000);
    earlier = existsSync(DIST) ? readdirSync(DIST).filter((f) => f.endsWith('.vsix')).map((f) => join(DIST, f)) : [];
    work = mkdtempSync(join(tmpdir(), 'dw-vsix-'));
    fresh = join(work, 'dataworks-vscode.vsix');
    const build = spawnSync(process.execPath, ['esbuild.js', '--production'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    // vsce writes its warnings to stderr, except under GitHub Actions (annotations on stdout): keep them on stderr.
    const env = { ...process.env };
    delete env.GITHUB_ACTIONS;
    const pack = spawnSync(process.execPath, ['--input-type=module', '-e',
      'const h = await import("./test/vscode/harness.mjs"); h.packageVsix(process.argv[1]);', fresh], { cwd: ROOT, encoding: 'utf8', env });
    assert.equal(pack.status, 0, `vsce package (no flags) failed:\n${pack.stderr}`);
    assert.doesNotMatch(pack.stderr, /WARNING|ERROR/, pack.stderr);
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('vsce packages it with no check skipped: LICENSE, CHANGELOG, README, the groups file schema, the Marketplace icon and the walkthrough media are in it', () => {
    const names = new Set(entries(fresh));
    for (const f of ['extension/LICENSE.txt', 'extension/changelog.md', 'extension/readme.md', 'extension/package.json', 'extension/dist/extension.js', 'extension/schemas/dwgroups.schema.json']) {
      assert.ok(names.has(f), `${f} is missing`);
    }
    assert.ok(manifest.icon, 'package.json names an icon');
    assert.ok(names.has(`extension/${manifest.icon}`), `the icon ${manifest.icon} is not packaged`);
    const media = (manifest.contributes?.walkthroughs ?? []).flatMap((w) => w.steps).flatMap(({ media: m }) =>
      [m.svg, m.markdown, ...(typeof m.image === 'string' ? [m.image] : Object.values(m.image ?? {}))].filter((p): p is string => !!p));
    assert.ok(media.length > 0, 'the walkthrough has media');
    for (const m of media) assert.ok(names.has(`extension/${m}`), `walkthrough media ${m} is not packaged`);
    const vsixManifest = entryText(fresh, 'extension.vsixmanifest');
    assert.match(vsixManifest, /Microsoft\.VisualStudio\.Services\.Icons\.Default/);
    assert.match(vsixManifest, /Microsoft\.VisualStudio\.Services\.Content\.License/);
    assert.match(vsixManifest, /Microsoft\.VisualStudio\.Services\.Links\.Source/);
  });

  it('README and CHANGELOG links work outside the repository: absolute https, into the repository, to files that exist', () => {
    const repo = (manifest.repository?.url ?? '').replace(/\.git$/, '');
    assert.match(repo, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/, 'package.json repository.url');
    const source = linkTargets(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    const packaged = linkTargets(entryText(fresh, 'extension/readme.md'));
    assert.ok(packaged.images.length > 0, 'the README shows at least one image');
    // vsce rewrites relative targets; none may be dropped on the way.
    assert.equal(packaged.images.length, source.images.length);
    assert.equal(packaged.links.length, source.links.length);
    const changelog = linkTargets(entryText(fresh, 'extension/changelog.md'));
    for (const target of [...packaged.images, ...packaged.links, ...changelog.images, ...changelog.links]) {
      if (target.startsWith('#')) continue;
      assert.match(target, /^https:\/\//, `${target} is not an absolute https link`);
      const inRepo = new RegExp(`^${repo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(?:raw|blob)/HEAD/([^#?]+)`).exec(target);
      if (inRepo) assert.ok(existsSync(join(ROOT, decodeURIComponent(inRepo[1] ?? ''))), `${target}: no such file in the repository`);
    }
    for (const image of packaged.images) assert.ok(image.startsWith(`${repo}/raw/HEAD/`), `image ${image} is not served from the repository`);
  });

  it(`stays within the package budget (${BUDGET.bytes / 1024 / 1024} MB, ${BUDGET.files} files)`, () => {
    const size = readFileSync(fresh).length;
    const count = entries(fresh).length;
    console.log(`  ${fresh}: ${(size / 1024).toFixed(1)} KB, ${count} files`);
    assert.ok(size <= BUDGET.bytes, `${size} bytes`);
    assert.ok(count <= BUDGET.files, `${count} files`);
  });

  it('no canary, no emulator key pair, no tests, sources or maps in the VSIX', function () {
    const secrets = [AK_SECRET, WRONG_SECRET, WRONG_TOKEN, PROXY_PASSWORD, DEMO_CREDENTIALS.accessKeySecret, DEMO_STS_CREDENTIALS.accessKeySecret,
      DEMO_STS_CREDENTIALS.securityToken, EXPIRED_STS_CREDENTIALS.accessKeySecret, RESTRICTED_CREDENTIALS.accessKeySecret];
    for (const file of [fresh, ...earlier]) {
      const names = entries(file);
      assert.ok(names.includes('extension/dist/extension.js'), `${file} looks like our package`);
      for (const n of names) assert.doesNotMatch(n, /(^|\/)(test|src)\/|\.map$|\.ts$/, `${file}: ${n}`);
      const content = spawnSync('unzip', ['-p', file], { maxBuffer: 64 * 1024 * 1024 });
      assert.equal(content.status, 0);
      const text = content.stdout.toString('latin1');
      assert.ok(text.length > 100_000, 'the contents were read');
      for (const s of secrets) assert.ok(!text.includes(s), `${file} contains ${s.slice(0, 10)}…`);
      console.log(`  ${file}: ${names.length} files, ${(text.length / 1024).toFixed(0)} KB scanned for ${secrets.length} secrets, none found`);
    }
  });
});
