// Vite hands `?inline` CSS over as a string: the overlay puts it in its shadow root, never in the page.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
