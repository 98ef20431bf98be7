// The one way UI reaches the page: an element of our own holding an open shadow root, styled from inside
// with `?inline` CSS. Page CSS cannot reach in; `all: initial` and !important on :host keep the host itself
// out of the page's rules (in the cascade, a shadow tree's !important wins over the page's !important).
import { render, type ComponentChild } from 'preact';

export const HOST_TAG = 'provenance-lens-ui';

export interface ShadowMount {
  host: HTMLElement;
  root: ShadowRoot;
  /** Renders (again) into the shadow root. */
  update(vnode: ComponentChild): void;
  unmount(): void;
}

export function mountInShadow(doc: Document, css: string, signal: AbortSignal): ShadowMount {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('data-provenance-lens-ui', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.appendChild(style);
  const container = doc.createElement('div');
  container.className = 'pl-root';
  root.appendChild(container);
  // On <html>, not <body>: pages restyle and rebuild their body far more often.
  doc.documentElement.appendChild(host);
  const mount: ShadowMount = {
    host,
    root,
    update: (vnode) => render(vnode, container),
    unmount: () => {
      render(null, container);
      host.remove();
    },
  };
  signal.addEventListener('abort', () => mount.unmount(), { once: true });
  return mount;
}
