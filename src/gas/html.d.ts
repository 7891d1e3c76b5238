/** Sidebar pages are bundled as text by scripts/build.mjs (loader '.html': 'text'). */
declare module '*.html' {
  const html: string;
  export default html;
}
