// First UI test: the extension is installed from the VSIX and its activity-bar container opens.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Workbench } from './driver';
import { openWorkbench } from './driver';

interface Manifest {
  contributes?: {
    viewsContainers?: { activitybar?: { id: string; title: string }[] };
    views?: Record<string, { id: string; name: string }[]>;
  };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
/** Resolves "%key%" through package.nls.json (English), as the workbench shows it. */
function localise(text: string): string {
  const m = /^%(.+)%$/.exec(text);
  if (!m) return text;
  try {
    const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string | { message: string }>;
    const v = nls[m[1] ?? ''];
    return typeof v === 'string' ? v : (v?.message ?? text);
  } catch {
    return text;
  }
}
const container = manifest.contributes?.viewsContainers?.activitybar?.[0];

describe('workbench with the DataWorks extension (UI)', () => {
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  it('loads the workbench', async () => {
    assert.match(await wb.page.title(), /code-server|Visual Studio Code/);
  });

  it('opens the DataWorks view from the activity bar', async function () {
    if (!container) this.skip(); // package.json contributes no view container yet
    await wb.openViewContainer('DataWorks');
    const views = manifest.contributes?.views?.[container.id] ?? [];
    for (const view of views) {
      await wb.viewPane(localise(view.name)).first().waitFor({ state: 'visible', timeout: 20_000 });
    }
    await wb.screenshot('e2e-dataworks-view');
  });
});
