// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createExtractor, extractText, readPublisherMeta } from '../../src/dom/extract';
import { slicesForSpan } from '../../src/dom/ranges';

function page(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html>${html}</html>`, 'text/html');
}

const ARTICLE = `<head><title>T</title></head><body>
  <nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
  <header class="site"><div>Menu du site</div></header>
  <aside><p>À lire aussi : un autre article, a déclaré quelqu'un.</p></aside>
  <article>
    <h1>Une rencontre a eu lieu</h1>
    <p>Les participants se seraient mis d’accord,
       a annoncé la Défense russe.</p>
    <figure><img src="x.jpg" alt=""><figcaption>© SPUTNIK . MURAD SAID</figcaption></figure>
    <p>«Lors de la réunion <em>ont été</em> mis au point <a href="#">les scénarios</a>», a précisé la Défense russe.</p>
    <p hidden>Caché</p>
    <p aria-hidden="true">Aussi caché</p>
    <p style="display: none">Encore caché</p>
    <script>var x = "a déclaré";</script>
    <style>p { color: red }</style>
    <form><textarea>Écrit par un lecteur</textarea><input value="a dit"></form>
    <div contenteditable="true">Brouillon</div>
    <footer>*Organisation terroriste interdite en Russie</footer>
  </article>
  <footer class="site">Mentions légales</footer>
</body>`;

describe('extractText', () => {
  it('reads the article first, block by block, skipping furniture, hidden text and fields', () => {
    const { text, blocks, isArticle } = extractText(page(ARTICLE), { computedStyle: false });
    expect(isArticle).toBe(true);
    expect(text.split('\n\n')).toEqual([
      'Une rencontre a eu lieu',
      'Les participants se seraient mis d’accord, a annoncé la Défense russe.',
      '© SPUTNIK . MURAD SAID',
      '«Lors de la réunion ont été mis au point les scénarios», a précisé la Défense russe.',
      '*Organisation terroriste interdite en Russie',
    ]);
    expect(blocks).toHaveLength(5);
    for (const b of blocks) expect(text.slice(b.start, b.end)).not.toMatch(/^\s|\s$|\n/);
  });

  it('follows a quote across inline elements as one run of text', () => {
    const { text, segments } = extractText(page(ARTICLE), { computedStyle: false });
    const quote = '«Lors de la réunion ont été mis au point les scénarios»';
    const at = text.indexOf(quote);
    expect(at).toBeGreaterThan(0);
    const slices = slicesForSpan(segments, at, at + quote.length);
    expect(slices.map((s) => s.node.data.slice(s.start, s.end)).join('')).toBe(quote);
    expect(slices).toHaveLength(5); // text, <em>, text, <a>, text
  });

  it('maps every character back to its text node, whitespace collapsed', () => {
    const { text, segments } = extractText(page(ARTICLE), { computedStyle: false });
    for (const seg of segments) {
      const fromText = text.slice(seg.start, seg.start + seg.length);
      const fromNode = seg.node.data.slice(seg.nodeStart, seg.nodeStart + seg.length).replace(/\s/g, ' ');
      expect(fromText).toBe(fromNode);
    }
    expect(text).not.toMatch(/ {2}|[^\n]\n[^\n]/);
  });

  it('reads the whole body when there is no article, still skipping navigation', () => {
    const { text, isArticle } = extractText(
      page('<body><nav>Menu</nav><div>Bonjour<br>le monde</div><div role="navigation">x</div></body>'),
    );
    expect(isArticle).toBe(false);
    expect(text).toBe('Bonjour le monde');
  });

  it('leaves out our own UI', () => {
    const { text } = extractText(
      page(
        '<body><p>Texte</p><provenance-lens-ui>Panneau</provenance-lens-ui><div data-provenance-lens-ui>x</div></body>',
      ),
    );
    expect(text).toBe('Texte');
  });
});

describe('resumable extraction', () => {
  it('gives the same text and blocks when cut into many short runs', () => {
    const paras = Array.from(
      { length: 60 },
      (_, i) => `<p>Paragraphe ${i}, <em>a déclaré</em> le <a href="#">porte-parole</a> ${i}.</p>`,
    ).join('<div><p>Encadré</p> texte libre</div>');
    const doc = page(`<body><nav>Menu</nav><article><h1>Titre</h1>${paras}</article><p>Après</p></body>`);
    const whole = extractText(doc, { computedStyle: false });
    const { extractor } = createExtractor(doc, { computedStyle: false });
    let runs = 0;
    while (!extractor.done) {
      extractor.run(() => true); // the time slice is always spent: stop at every chance
      runs++;
    }
    const cut = extractor.result();
    expect(runs).toBeGreaterThan(5);
    expect(cut.text).toBe(whole.text);
    expect(cut.blocks.map((b) => [b.start, b.end, b.element.tagName])).toEqual(
      whole.blocks.map((b) => [b.start, b.end, b.element.tagName]),
    );
    // Free text after a nested block belongs to the block around it.
    const free = whole.blocks.find((b) => b.text === 'texte libre');
    expect(free?.element.tagName).toBe('DIV');
    // The main content comes first, the rest of the page after it.
    expect(whole.text.startsWith('Titre')).toBe(true);
    expect(whole.text.endsWith('Après')).toBe(true);
  });
});

describe('readPublisherMeta', () => {
  it('reads canonical, og:site_name, JSON-LD publisher in @graph and the title', () => {
    const doc = page(`<head><title>Titre</title>
      <link rel="canonical" href="https://fr.sputniknews.africa/20180910/a.html">
      <meta property="og:site_name" content="Sputnik France">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"x"},
        {"@type":"NewsArticle","headline":"h","publisher":{"@type":"Organization","name":"Sputnik"}}]}</script>
      <script type="application/ld+json">{ broken</script></head><body></body>`);
    expect(readPublisherMeta(doc)).toEqual({
      canonicalUrl: 'https://fr.sputniknews.africa/20180910/a.html',
      siteName: 'Sputnik France',
      jsonLdPublisher: 'Sputnik',
      title: 'Titre',
    });
  });

  it('returns nothing it cannot read', () => {
    expect(readPublisherMeta(page('<head></head><body><p>x</p></body>'))).toEqual({});
  });
});
