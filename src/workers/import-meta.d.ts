// scripts/build.js defines `import.meta.compiledUrl` as the compiled file's own URL in dist/ (its
// `import.meta.url` is rewritten to the source's); run from the sources through tsx, it is undefined.
interface ImportMeta {
  compiledUrl?: string;
}
