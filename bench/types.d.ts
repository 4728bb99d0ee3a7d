// What the benchmark's three parts hand each other: bench/lib/vscode.mjs writes a BenchConfig for each window, the
// payload (bench/payload/index.cjs, in the extension host) answers with a PayloadOutput, vscode.mjs summarises the
// windows into a VsCodeResult, and bench/run.mjs checks the budgets on it and writes it into bench/results.json.
// Imported through JSDoc (`import('../types.js')`); nothing here exists at run time.

/** The three extensions an activation window times. */
export type Who = 'ours' | 'hello' | 'floor';

/** The webview forms timed: ours, and the hello world's two as the platform's floor. */
export type FormName = 'businessProcess' | 'userGroup' | 'hello-plain' | 'hello-scripted';

// ---------------------------------------------------------------------------------------------------------------
// vscode.mjs -> payload: the task of one window ($DATAWORKS_BENCH_CONFIG)

export interface ExtensionRef {
  readonly id: string;
  /** The absolute path of the extension's main file, which the payload's Module._load hook times. */
  readonly main: string;
}

export interface BusinessProcessValues {
  readonly projectId: string;
  readonly apiGatewayGroupId: string;
  readonly name: string;
}

export interface UserGroupValues {
  readonly name: string;
  readonly owner: string;
}

export interface ActivationTask {
  readonly task: 'activation';
  readonly rep: number;
  /** Who activates first, second and third in this window. */
  readonly order: readonly Who[];
  /** Measure the tree after activation (the window runs against the "large" seed). */
  readonly tree?: boolean;
  /** "Load all" and the memory figure (the last window). */
  readonly loadAll?: boolean;
  /** Warm expansions per latency (default 3). */
  readonly warmReps?: number;
  /** Injected latencies of the warm expansions (default 0 and 200 ms). */
  readonly latencies?: readonly number[];
  /** Pause after the last activation, for anything it started in the background (default 1000 ms). */
  readonly quietMs?: number;
  /** Pause before each warm expansion, so that our rate limiter has refilled (default 1100 ms). */
  readonly limiterRefillMs?: number;
}

export interface SessionTask {
  readonly task: 'session';
  /** Form timings per form after the counted session (default 4). */
  readonly formReps?: number;
  readonly businessProcess: BusinessProcessValues;
  readonly userGroup: UserGroupValues;
}

export interface GroupsTask {
  readonly task: 'groups';
  readonly region: string;
  /** The groups file (prune false) and its prune: true twin, outside the window's workspace folder. */
  readonly file: string;
  readonly pruneFile: string;
  /** dataworks.requestsPerSecond after the first plan: high enough that our limiter never waits. */
  readonly liftedRate: number;
}

export type Task = ActivationTask | SessionTask | GroupsTask;

export type BenchConfig = Task & {
  /** Where the payload writes its PayloadOutput. */
  readonly out: string;
  readonly ours: ExtensionRef;
  readonly hello: ExtensionRef;
  readonly floor?: ExtensionRef;
  /** The id of the warm-up extension, activated before the timed ones. */
  readonly warmup: string;
  /** The emulator's base URL. */
  readonly emulator: string;
  /** The bench process's control server (forms are waited for and filled from there). */
  readonly control: string;
};

// ---------------------------------------------------------------------------------------------------------------
// payload <-> vscode.mjs: the control server's routes

/** A resource the webview document loaded (its script, its style), relative to the document's time origin. */
export interface ResourceTiming {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** What the init script in every frame reports when a form's first control is enabled. */
export interface FormReady {
  /** Date.now() in the page. */
  readonly at: number;
  /** The form element's id (bp-form, ug-form, hello-plain, hello-scripted). */
  readonly form: string;
  /** performance.timeOrigin of the webview document, rounded. */
  readonly origin: number;
  readonly resources: readonly ResourceTiming[];
}

export interface FormWaitRequest {
  readonly form: FormName;
  /** Date.now() when the command was run: a report from before belongs to an earlier opening. */
  readonly since: number;
}
export type FormWaitReply = Omit<FormReady, 'form'>;

export type FormSubmitRequest =
  | { readonly form: 'businessProcess'; readonly values: BusinessProcessValues }
  | { readonly form: 'userGroup'; readonly values: UserGroupValues };
export interface FormSubmitReply {
  /** The form's result line, whitespace collapsed, at most 200 characters. */
  readonly result: string;
}

// ---------------------------------------------------------------------------------------------------------------
// payload -> vscode.mjs: what one window measured

/** Emulator requests between two readings of /__admin/counts. */
export interface CallDiff {
  readonly total: number;
  readonly byAction: Readonly<Record<string, number>>;
}

export interface NetworkEvent {
  readonly kind: 'socket' | 'fetch';
  readonly target: string;
}

export interface Memory {
  readonly heapUsed: number;
  readonly rss: number;
}

/** One extension's activation in one window. null: the Module._load hook did not see the main file load. */
export interface ActivationTiming {
  /** ext.activate() end to end, wall. */
  readonly totalMs: number;
  readonly totalCpuMs: number;
  readonly codeLoadingMs: number | null;
  readonly codeLoadingCpuMs: number | null;
  /** The activate() call until it returned. */
  readonly activateCallMs: number | null;
  readonly activateCallCpuMs: number | null;
  /** The activate() call until its promise resolved. */
  readonly activateResolvedMs: number | null;
  /** From ext.activate() to the start of the module load (VS Code's own preparation). */
  readonly beforeLoadMs: number | null;
}

export interface ActivationWindow {
  readonly ours: ActivationTiming;
  readonly hello: ActivationTiming;
  readonly floor?: ActivationTiming;
  /** Sockets and fetches while the extensions activated. */
  readonly network: readonly NetworkEvent[];
  readonly emulatorCalls: number;
  /** Files of the production snapshot in require.cache after activation, relative to it. */
  readonly loadedFromStage: readonly string[];
  readonly alicloudLoaded: readonly string[];
  /** The first tree question after activation, which loads dist/core.js. */
  readonly coreLoad: { readonly ms: number; readonly cpuMs: number; readonly loaded: boolean };
  readonly rootRows: { readonly ms: number; readonly cpuMs: number; readonly items: number };
}

export interface TreeLatencySamples {
  /** Expansions after Refresh. */
  readonly warm: readonly number[];
  /** The same page asked of the API layer directly. */
  readonly apiCall: readonly number[];
  readonly items: number;
}

export interface MemoryGrowth {
  readonly afterActivation: Memory;
  readonly firstPage: Memory;
  readonly allLoaded: Memory;
  readonly heapGrowthMb: number;
  readonly rssGrowthMb: number;
  readonly heapGrowthFromFirstPageMb: number;
  /** Whether the figures were taken after forced GCs. */
  readonly gc: boolean;
}

export interface LoadAll {
  readonly ms: number;
  /** The command, or the folder's loadAll() when the command left a Load more node. */
  readonly via: string;
  readonly items: number;
  readonly calls: number;
}

export interface TreeWindow {
  /** The first expansion of "User Groups" in the window. */
  readonly cold: { readonly ms: number; readonly items: number; readonly calls: CallDiff; readonly apiChunkLoadMs: number | null };
  /** By injected latency (ms). */
  readonly samples: Readonly<Record<number, TreeLatencySamples>>;
  /** From showing the view to dist/api.js loaded by the preload (capped at 5 s). */
  readonly preloadMs: number;
  readonly apiChunkLoadedBeforeFirstCall: boolean;
  readonly apiChunkLoadedAfterFirstCall: boolean;
  readonly deferredChunkLoadedAfterFirstCall: boolean;
  readonly warnings?: readonly string[];
  readonly loadAll?: LoadAll;
  readonly memory?: MemoryGrowth;
}

export interface StepCalls extends CallDiff {
  readonly ms: number;
}

export interface SessionWindow {
  /** By step name, in order. */
  readonly steps: Readonly<Record<string, StepCalls>>;
  /** Nodes seen by the first walk of the tree. */
  readonly nodes: number;
  readonly submitted: { readonly businessProcess: FormSubmitReply; readonly userGroup: FormSubmitReply };
}

export interface FormSample {
  /** From the command to the first enabled input. */
  readonly total: number;
  /** From the webview document's time origin to that moment (undefined when the document is older than the command). */
  readonly inPage?: number;
  readonly resources: readonly ResourceTiming[];
}

/** One Plan or Apply command in the extension host. */
export interface GroupsStep {
  /** The command end to end, wall (the plan: until its page is open; the apply: until the result is shown). */
  readonly ms: number;
  /** Extension-host CPU time meanwhile. */
  readonly cpuMs: number;
  readonly calls: CallDiff;
  /** The extension host's heap after the command (after GC). */
  readonly memory: Memory;
  /** The highest heapUsed sampled every 50 ms while the command ran (no GC). */
  readonly peakHeapUsed: number;
  /** Failures the extension logged meanwhile. */
  readonly errors: readonly string[];
}

export interface GroupsWindow {
  readonly defaultRate: number;
  readonly liftedRate: number;
  /** Calls made when the file was opened (its diagnostics), before any plan. */
  readonly opened: CallDiff;
  readonly pruneOpened: CallDiff;
  /** The heap after activation, the API code loaded and one call made (after GC). */
  readonly baseline: Memory;
  readonly planDefaultRate: GroupsStep;
  readonly plan: GroupsStep;
  readonly apply: GroupsStep;
  readonly replan: GroupsStep;
  readonly prunePlan: GroupsStep;
}

export type WarmupResult = { readonly ms: number; readonly active: boolean; readonly missing?: undefined } | { readonly missing: string; readonly ms?: undefined };

export interface PayloadOutput {
  readonly task: Task['task'];
  /** Date.now() when the payload started. */
  readonly startedAt: number;
  /** Set when the task failed: the rest may be missing. */
  error?: string;
  /** Time spent waiting for a quiet extension host. */
  idle?: number;
  warmup?: WarmupResult;
  activation?: ActivationWindow;
  memoryAfterActivation?: Memory;
  tree?: TreeWindow;
  session?: SessionWindow;
  forms?: Record<FormName, FormSample[]>;
  groups?: GroupsWindow;
}

// ---------------------------------------------------------------------------------------------------------------
// vscode.mjs -> run.mjs: the windows summarised (medians; NaN where nothing was measured, null in results.json)

export interface ActivationPart {
  readonly codeLoadingMs: number;
  readonly activateCallMs: number;
  readonly activateResolvedMs: number;
  readonly totalMs: number;
  readonly codeLoadingCpuMs: number;
  readonly activateCallCpuMs: number;
  readonly totalCpuMs: number;
}

export interface ActivationSummary {
  /** Windows measured. */
  readonly reps: number;
  readonly ours: ActivationPart;
  readonly hello: ActivationPart;
  readonly floor: ActivationPart | undefined;
  /** The budget: ratio of the medians of ext.activate() end to end, wall. */
  readonly ratio: number;
  readonly cpuRatio: number;
  /** CPU ratio of each window. */
  readonly ratios: readonly number[];
  readonly wallRatio: number;
  readonly wallRatios: readonly number[];
  /** Median over the windows of (load + activate call) ours / hello. */
  readonly loadRatio: number;
  readonly networkCalls: number;
  readonly network: readonly NetworkEvent[];
  readonly emulatorCalls: number;
  /** dist/core.js, dist/deferred.js, dist/api.js or @alicloud/* files loaded by activation in any window. */
  readonly sdkLoadedAtActivation: readonly string[];
  readonly coreLoadMs: number;
  readonly coreLoadCpuMs: number;
  readonly rootRowsMs: number;
  readonly untilRootRowsMs: number;
  readonly floorRatio: number | undefined;
  readonly floorCpuRatio: number | undefined;
  readonly samples: readonly { readonly ours: ActivationTiming; readonly hello: ActivationTiming; readonly floor: ActivationTiming | undefined }[];
}

export interface FirstPageRow {
  readonly kind: string;
  /** The first expansion of a window: printed, not budgeted. */
  readonly cold?: boolean;
  readonly latencyMs: number;
  readonly medianMs: number;
  readonly samples: readonly number[];
  /** The raw emulator round trip at this latency, from the bench process. */
  readonly roundTripMs: number;
  readonly apiCallMs?: number;
}

export interface TreeSummary {
  readonly firstPage: readonly FirstPageRow[];
  readonly items: number;
  readonly apiChunkLoadMs: number;
  readonly preloadMs: number;
  /** Windows in which the preload had loaded dist/api.js before the first expansion. */
  readonly preloadedWindows: number;
  readonly coldCalls: CallDiff;
  readonly apiChunkLoadedBeforeFirstCall: boolean;
  readonly apiChunkLoadedAfterFirstCall: boolean;
  readonly loadAll: LoadAll | undefined;
  readonly memory: MemoryGrowth | undefined;
  readonly warnings: readonly string[];
}

export interface SessionSummary {
  readonly steps: Readonly<Record<string, StepCalls>>;
  readonly total: number;
  /** Calls when reopening the view; undefined when that step did not run. */
  readonly reopen: number | undefined;
  /** Reads a step needed and got from the cache. */
  readonly fromCache: readonly string[];
  readonly nodes: number;
  readonly submitted: SessionWindow['submitted'];
}

export interface FormSummary {
  readonly form: FormName;
  /** Median of the openings after the first. */
  readonly medianMs: number;
  readonly firstMs: number;
  readonly samples: readonly number[];
  readonly inPageMedianMs: number;
  readonly beforePageMedianMs: number;
  readonly resources: readonly ResourceTiming[] | undefined;
}

/** A user group in the emulator's state (test/emulator/model.ts), the fields the bench reads. */
export interface EmulatorUserGroup {
  readonly id: number;
  readonly name: string;
  readonly owner: string;
  readonly type: 1 | 2 | 3;
  readonly accounts: readonly string[];
  /** '' unless type 3. */
  readonly projectName: string;
}

/** One group of a *.dwgroups.json file. */
export interface GroupsFileGroup {
  readonly name: string;
  readonly owner: string;
  readonly type: 1 | 2 | 3;
  readonly projectName?: string;
  readonly accounts: readonly string[];
}

/** DsgUserGroupQueryList pages (and the ListProjects page) a plan's snapshot reads, by listing. */
export interface PlanPages {
  /** The unfiltered list. */
  readonly all: number;
  /** The three userGroupType lists together. */
  readonly typeFilters: number;
  /** The ProjectName probe (a project that cannot exist). */
  readonly probe: number;
  /** At most: the candidate projects' lists (at most 20; an empty list costs its one call). */
  readonly candidates: number;
  /** The first page of workspaces, the candidates (the tree's cache may answer it). */
  readonly listProjects: number;
  readonly total: number;
}

/** The file written and what it should cost, computed from the tenant and the file (bench/lib/groups.mjs). */
export interface GroupsScenario {
  readonly region: string;
  readonly file: string;
  readonly pruneFile: string;
  /** Groups on the server before. */
  readonly tenant: number;
  readonly fileGroups: number;
  readonly counts: { readonly unchanged: number; readonly update: number; readonly create: number; readonly pruneDelete: number };
  readonly plan: PlanPages;
  /** The plan after the apply (the created groups added to the tenant). */
  readonly replan: PlanPages;
  readonly apply: { readonly staleCheck: number; readonly batches: number; readonly readBack: number; readonly total: number };
  /** DsgUserGroupDelete requests the prune plan has. */
  readonly pruneBatches: number;
  readonly groups: readonly GroupsFileGroup[];
}

export interface GroupsSummary {
  /** The scenario without its groups. */
  readonly scenario: Omit<GroupsScenario, 'groups'>;
  readonly window: GroupsWindow;
  /** What is wrong with the tenant after the apply (empty: every file group is there once, as the file says). */
  readonly problems: readonly string[];
}

export interface VsCodeResult {
  readonly codeServer: string;
  /** Windows that failed; the other parts are still reported. */
  readonly errors: string[];
  activation?: ActivationSummary;
  tree?: TreeSummary;
  session?: SessionSummary;
  forms?: FormSummary[];
  groups?: GroupsSummary;
}

export interface VsCodeOptions {
  /** The checkout measured (its test/emulator signs the reference round trips). */
  readonly root: string;
  /** The production snapshot. */
  readonly stage: string;
  /** bench/fixtures/hello. */
  readonly hello: string;
  /** The run's temp folder. */
  readonly work: string;
  /** Activation windows. */
  readonly reps: number;
  readonly log: (msg: string) => void;
  readonly only: 'activation' | 'session' | 'groups' | undefined;
}
