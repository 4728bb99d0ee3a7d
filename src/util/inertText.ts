// Outside text (names and messages from the server, profile names from ~/.aliyun/config.json, whatever a user or a
// page typed) is data. VS Code renders some syntax in the texts an extension hands it:
// - notifications and notification progress titles turn `[label](command:…)`, `[label](https://…)` and
//   `[label](file:…)` into links that run the command or open the target (only that bracket form; there is no
//   backslash escape: `\[a\](command:x)` still links, with the label `a\`);
// - quick pick labels, descriptions and the status bar turn `$(name)` into an icon.
// `inertText` breaks those forms with an invisible ZERO WIDTH SPACE (U+200B) where they join (`]` and `(`, `$` and
// `(`, after `<`, before the colon of `command:`). No renderer parses them any more and the text still reads exactly
// as it was. (Fullwidth look-alike brackets were tried first: without a CJK font, as in the UI test's Chromium, they
// show as empty boxes.)
// Our own localized text is not passed through it; only the pieces that come from outside are, before they are put
// into it.

const ZWSP = '\u200B';

// C0/C1 controls, line and paragraph separators, and bidi embeddings/overrides/isolates: a line break in a name
// would start a new line of the message, and a bidi override would show its characters in another order.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** URIs a linkifier could make clickable: `command:` and `javascript:` always, web and file schemes before a `/`. */
const SCHEME = /\b(command|javascript)(?=\s*:)|\b(https?|file|vscode(?:-insiders)?)(?=:\/)/gi;

/** The text, shown as plain text wherever VS Code renders an extension's strings. Idempotent. */
export function inertText(text: string): string {
  return text
    .replace(CONTROL, ' ')
    .replace(/\]\(/g, `]${ZWSP}(`) // `[label](target)`
    .replace(/\$\(/g, `$${ZWSP}(`) // `$(icon)`
    .replace(/<(?!\u200B)/g, `<${ZWSP}`) // `<https://…>` autolinks
    .replace(SCHEME, `$&${ZWSP}`);
}
