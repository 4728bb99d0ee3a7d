// Outside text (names and messages from the server, profile names from ~/.aliyun/config.json, whatever a user or a
// page typed) is data. VS Code renders some syntax in the texts an extension hands it:
// - notifications and notification progress titles turn `[label](command:…)`, `[label](https://…)` and
//   `[label](file:…)` into links that run the command or open the target (only that bracket form: there is no
//   backslash escape, and bare URLs are not linked);
// - quick pick labels, descriptions and the status bar turn `$(name)` into an icon.
// `inertText` makes a piece of outside text show as itself in all of these: the characters that build those forms
// become look-alikes that no renderer parses. Our own localized text is not passed through it; only the pieces
// that come from outside are, before they are put into it.

const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '[': '\uFF3B', // ［ fullwidth left square bracket
  ']': '\uFF3D', // ］
  '<': '\u2039', // ‹ (autolinks `<https://…>` in markdown renderers)
  '>': '\u203A', // ›
};

// C0/C1 controls, line and paragraph separators, and bidi embeddings/overrides/isolates: a line break in a name
// would start a new line of the message, and a bidi override would show its characters in another order.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * URIs a renderer could make clickable: their colon becomes a look-alike (fullwidth ：). `command:` and
 * `javascript:` always; web and file schemes only where a path follows, so that "file: x" in prose stays as it is.
 */
const SCHEME = /\b(command|javascript)\s*:|\b(https?|file|vscode(?:-insiders)?):(?=\/)/gi;

/** The text, shown as plain text wherever VS Code renders an extension's strings. Idempotent. */
export function inertText(text: string): string {
  return text
    .replace(CONTROL, ' ')
    .replace(/[[\]<>]/g, (c) => LOOK_ALIKES[c] ?? c)
    .replace(/\$\(/g, '\uFF04(') // ＄( : no `$(icon)`
    .replace(SCHEME, (_m, always?: string, path?: string) => `${always ?? path ?? ''}\uFF1A`);
}
