// The README's pictures: every image it shows or links exists, and the ones under media/readme are exactly what the
// screenshot run (`npm run demo -- --screenshots media/readme`, test/e2e/screenshots.ts) writes, so that re-running it
// replaces every picture and leaves none behind.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOT_SCREENS, SCREENSHOT_THEMES, screenshotFiles } from '../e2e/screenshotNames';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const SHOTS_DIR = 'media/readme';

/** Relative targets of markdown images and links and of <img src>, without a #fragment or ?query. */
function localTargets(md: string): { images: string[]; links: string[] } {
  const clean = (t: string): string => t.replace(/[#?].*$/, '');
  const local = (t: string): boolean => !/^[a-z][\w+.-]*:/i.test(t) && !t.startsWith('#');
  const images = [...md.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)/g), ...md.matchAll(/<img\s[^>]*src="([^"]+)"/g), ...md.matchAll(/srcset="([^"\s]+)/g)]
    .map((m) => m[1] ?? '').filter(local).map(clean);
  const links = [...md.matchAll(/(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)/g)].map((m) => m[1] ?? '').filter(local).map(clean);
  return { images, links };
}

describe('README screenshots', () => {
  const { images, links } = localTargets(readme);

  it('every image and file the README shows or links exists in the repository', () => {
    assert.ok(images.length > 0, 'the README shows images');
    for (const target of [...images, ...links]) {
      if (!target) continue; // a link to an anchor of this page
      assert.ok(existsSync(join(root, decodeURIComponent(target))), `README.md refers to ${target}, which does not exist`);
    }
  });

  it('shows the explorer, both forms (editing, review, result) and the groups plan in the light theme and links each dark one', () => {
    for (const screen of SCREENSHOT_SCREENS) {
      assert.ok(images.includes(`${SHOTS_DIR}/${screen}-light.png`), `the README does not show ${screen}-light.png`);
      assert.ok([...images, ...links].includes(`${SHOTS_DIR}/${screen}-dark.png`), `the README does not link ${screen}-dark.png`);
    }
  });

  it('uses only pictures the screenshot run writes, and the run writes nothing the README does not use', () => {
    const written = new Set(screenshotFiles());
    assert.equal(written.size, SCREENSHOT_SCREENS.length * Object.keys(SCREENSHOT_THEMES).length, 'one file per screen and theme');
    const used = [...images, ...links].filter((t) => t.startsWith(`${SHOTS_DIR}/`)).map((t) => t.slice(SHOTS_DIR.length + 1));
    for (const f of used) assert.ok(written.has(f), `README.md uses ${SHOTS_DIR}/${f}, which the screenshot run does not write`);
    assert.deepEqual([...written].filter((f) => !used.includes(f)), [], 'pictures the README does not use');
    const committed = readdirSync(join(root, SHOTS_DIR)).filter((f) => f.endsWith('.png')).sort();
    assert.deepEqual(committed, [...written].sort(), `${SHOTS_DIR} holds exactly the pictures of the last screenshot run`);
  });

  it('says how the pictures are made, with the command that writes them to media/readme', () => {
    assert.ok(readme.includes(`npm run demo -- --screenshots ${SHOTS_DIR}`), 'README names the command');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.match(pkg.scripts['screenshots'] ?? '', new RegExp(`scripts/demo\\.mjs .*--screenshots ${SHOTS_DIR}$`));
  });

  it('keeps the pictures out of the VSIX: no .vscodeignore exception names media/readme, media/** or PNGs at large', () => {
    const exceptions = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.startsWith('!'));
    for (const e of exceptions) assert.doesNotMatch(e, /^!(media\/(readme|\*\*|\*\.png)|\*\*\/\*\.png|\*\.png)/, `.vscodeignore packages the screenshots: ${e}`);
  });
});
