// Vite hands `?raw` imports over as the file's text (the demo articles and their lessons).
declare module '*?raw' {
  const text: string;
  export default text;
}
