// The part of js-yaml 4 the tests use (the package ships no types, and @types/js-yaml is not installed).
declare module 'js-yaml' {
  /** Parses one YAML document (YAML 1.2 core schema: `on` stays a string key); throws YAMLException on bad YAML. */
  export function load(text: string, options?: { filename?: string; json?: boolean }): unknown;
}
