import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { ServiceConfig } from '../../../src/api/config';
import { ProfileStore } from '../../../src/auth/profileStore';
import { ServiceProvider, type ServiceFactory } from '../../../src/services/serviceProvider';
import { ApiPreload } from '../../../src/tree/apiPreload';
import { Emitter } from '../../../src/util/event';
import { FakeDataWorksService } from '../fakes/fakeDataWorksService';
import { MemoryMemento, MemorySecretStorage } from '../fakes/memoryStorage';

const DELAY = 20;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The part of the explorer's TreeView the preload reads, with VS Code's visibility event. */
class FakeView implements Pick<vscode.TreeView<unknown>, 'visible' | 'onDidChangeVisibility'> {
  visible = false;
  private readonly emitter = new Emitter<vscode.TreeViewVisibilityChangeEvent>();
  readonly onDidChangeVisibility = this.emitter.event;

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.emitter.fire({ visible });
  }
}

function setup(load: () => Promise<void> = () => Promise.resolve()) {
  const view = new FakeView();
  const roots = new Emitter<void>();
  const loads: number[] = [];
  const warnings: string[] = [];
  const preload = new ApiPreload({
    view,
    onDidAnswerRoots: roots.event,
    load: () => {
      loads.push(Date.now());
      return load();
    },
    log: { debug() {}, warn: (m) => warnings.push(m) },
    delayMs: DELAY,
  });
  /** The tree answered the root's children (the view draws them when it is visible). */
  const answerRoots = (): void => roots.fire();
  return { view, answerRoots, loads, warnings, preload };
}

describe('ApiPreload: loading the API code once the explorer is visible and drawn', () => {
  it('never loads in a window that has not shown the view, even when the roots are asked for', async () => {
    const { answerRoots, loads, preload } = setup();
    answerRoots();
    answerRoots();
    await sleep(DELAY * 4);
    assert.equal(loads.length, 0);
    preload.dispose();
  });

  it('waits for the root rows of the visible view, then loads after a pause, once', async () => {
    const { view, answerRoots, loads, preload } = setup();
    view.setVisible(true);
    await sleep(DELAY * 4);
    assert.equal(loads.length, 0, 'loaded before the root rows were drawn');
    const drawnAt = Date.now();
    answerRoots();
    assert.equal(loads.length, 0, 'loaded while the rows were being drawn');
    await sleep(DELAY * 4);
    assert.equal(loads.length, 1);
    assert.ok((loads[0] ?? 0) >= drawnAt + DELAY - 2, 'loaded without the pause after the root rows');
    // Later refreshes and visibility changes do not load again.
    answerRoots();
    view.setVisible(false);
    view.setVisible(true);
    await sleep(DELAY * 4);
    assert.equal(loads.length, 1);
    preload.dispose();
  });

  it('does not count root rows answered while hidden as drawn', async () => {
    const { view, answerRoots, loads, preload } = setup();
    answerRoots();
    view.setVisible(true);
    await sleep(DELAY * 4);
    assert.equal(loads.length, 0);
    answerRoots();
    await sleep(DELAY * 4);
    assert.equal(loads.length, 1);
    preload.dispose();
  });

  it('cancels when the view is hidden during the pause and resumes when it is shown again', async () => {
    const { view, answerRoots, loads, preload } = setup();
    view.setVisible(true);
    answerRoots();
    view.setVisible(false);
    await sleep(DELAY * 4);
    assert.equal(loads.length, 0, 'loaded while the view was hidden');
    // VS Code keeps the drawn rows of a hidden view: shown again, they are there without a new question.
    view.setVisible(true);
    await sleep(DELAY * 4);
    assert.equal(loads.length, 1);
    preload.dispose();
  });

  it('a dispose (deactivation) during the pause cancels the load', async () => {
    const { view, answerRoots, loads, preload } = setup();
    view.setVisible(true);
    answerRoots();
    preload.dispose();
    await sleep(DELAY * 4);
    assert.equal(loads.length, 0);
  });

  it('logs a failed load, rejected or thrown, and never lets it escape', async () => {
    for (const load of [() => Promise.reject(new Error('dist/api.js: ENOENT')), (): Promise<void> => { throw new Error('dist/api.js: ENOENT'); }]) {
      const { view, answerRoots, loads, warnings, preload } = setup(load);
      view.setVisible(true);
      answerRoots();
      await sleep(DELAY * 4);
      assert.equal(loads.length, 1);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0] ?? '', /Could not preload the API code.*dist\/api\.js: ENOENT/);
      preload.dispose();
    }
  });

  it('after a failed preload the first real call loads the code again and reports its own failure', async () => {
    // The loader the core shares between the preload and the service factory: it fails once (the preload).
    let attempts = 0;
    let failWith: Error | undefined = new Error('EMFILE: too many open files');
    const factory: ServiceFactory = (c: ServiceConfig) => new FakeDataWorksService(c.region);
    const loadDeferred = (): Promise<ServiceFactory> => {
      attempts++;
      const e = failWith;
      failWith = undefined;
      return e ? Promise.reject(e) : Promise.resolve(factory);
    };
    const { view, answerRoots, warnings, preload } = setup(() => loadDeferred().then(() => undefined));
    const profiles = new ProfileStore({ secrets: new MemorySecretStorage(), state: new MemoryMemento(), env: {} });
    await profiles.save({ name: 'p', region: 'cn-shanghai', mode: 'ak' }, { accessKeyId: 'LTAIxxxxxxxx', accessKeySecret: 'sss' });
    const services = new ServiceProvider({
      profiles,
      factory: loadDeferred,
      settings: { endpointOverride: () => undefined, useVpcEndpoint: () => false, requestsPerSecond: () => 4 },
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      userAgent: 'test/1',
    });
    view.setVisible(true);
    answerRoots();
    await sleep(DELAY * 4);
    assert.equal(attempts, 1);
    assert.equal(warnings.length, 1);

    const service = await services.getService('p', 'cn-shanghai');
    assert.ok(service instanceof FakeDataWorksService);
    assert.equal(attempts, 2, 'the real call did not load the code again');

    // And when the code cannot load at all, the real call gets the error to report, as without the preload.
    failWith = new Error('dist/deferred.js: ENOENT');
    services.clear();
    await assert.rejects(services.getService('p', 'cn-shanghai'), /dist\/deferred\.js: ENOENT/);
    preload.dispose();
  });
});
