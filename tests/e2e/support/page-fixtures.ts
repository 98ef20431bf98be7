// Fixture pages for the page-behaviour tests, built from the source articles in seeds/: a realistic news
// page (navigation, headline, byline, photo credit, related-article teaser, footnote, comments), a page
// that appends paragraphs after load, and a hostile page (payloads in text and attributes, aggressive
// !important CSS). Served only when tests/fixtures/pages/ has no page of the same name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function sourceArticle(): string {
  const raw = readFileSync(join(root, 'seeds', 'articles', '000_2a3898ad9733a0ba.txt'), 'utf8');
  const lines = raw
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const [title, , rubric, ...rest] = lines;
  const body: string[] = [];
  for (const line of rest) {
    if (line.startsWith('©')) body.push(`<figcaption>${esc(line)}</figcaption></figure>`);
    else if (/image d'archive$/.test(line))
      body.push(
        `<figure><div class="photo" role="img" aria-label="${esc(line)}"></div><p class="legend">${esc(line)}</p>`,
      );
    else if (/^«D’où proviennent/.test(line))
      body.push(`<aside class="teaser"><a href="/built/related/">${esc(line)}</a></aside>`);
    else if (line.startsWith('*')) body.push(`<footer class="footnote"><p>${esc(line)}</p></footer>`);
    else body.push(`<p>${esc(line)}</p>`);
  }
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${esc(title ?? '')} - Sputnik France</title>
<link rel="canonical" href="https://fr.sputniknews.com/international/201809101038043938-idlib-casques-blancs/">
<meta property="og:site_name" content="Sputnik France">
<meta property="og:type" content="article">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":${JSON.stringify(title)},"publisher":{"@type":"Organization","name":"Sputnik"}}</script>
<style>body{font:17px/1.6 Georgia,serif;max-width:44em;margin:0 auto;padding:1em}.photo{height:160px;background:#ccc}nav a{margin-right:1em}</style>
</head><body>
<header><nav aria-label="Rubriques"><a href="/">Actualités</a><a href="/international/">International</a><a href="/defense/">Défense</a></nav></header>
<main><article>
<p class="rubric">${esc(rubric ?? '')}</p>
<h1>${esc(title ?? '')}</h1>
<p class="byline">Par la rédaction · <time datetime="2018-09-10">10.09.2018</time></p>
${body.join('\n')}
</article>
<section class="comments"><h2>Commentaires</h2><p>Aucun commentaire pour le moment.</p></section>
</main>
<footer><p>© Sputnik. Tous droits réservés.</p></footer>
</body></html>`;
}

function appending(): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Fil en direct</title></head><body>
<main><article><h1>Fil en direct</h1>
<p>La réunion s'est tenue à Genève, a déclaré le porte-parole du ministère russe des Affaires étrangères.</p>
<div id="live"></div></article></main>
<script>
  const lines = [
    "Le porte-parole du ministère iranien des Affaires étrangères a précisé que les discussions reprendraient lundi.",
    "« Nous restons prudents », a-t-il ajouté devant la presse.",
  ];
  let i = 0;
  const add = () => {
    const p = document.createElement('p');
    p.textContent = lines[i++];
    document.getElementById('live').append(p);
    if (i < lines.length) setTimeout(add, 600);
  };
  setTimeout(add, 1200);
</script>
</body></html>`;
}

function hostile(): string {
  const payload = '<img src=x onerror="window.__pwned=1;alert(1)">';
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Page hostile</title>
<style>
  *, *::before, *::after { color: #f0f !important; background: #0f0 !important; font-size: 9px !important;
    letter-spacing: 4px !important; line-height: 3 !important; z-index: -1 !important; opacity: 0.9 !important; }
  provenance-lens-ui, provenance-lens-ui * { display: none !important; visibility: hidden !important;
    width: 0 !important; height: 0 !important; position: absolute !important; left: -9999px !important; }
  div, aside, [role="dialog"], button { display: none !important; }
  body > * { max-width: 10px !important; overflow: hidden !important; }
  provenance-lens-mark { display: none !important; }
</style></head><body>
<main><article><h1 title="${esc(payload)}">${esc(payload)} Titre</h1>
<p data-x="${esc('"><script>window.__pwned=1</script>')}">« ${esc(payload)} Nous ne céderons pas », a déclaré le porte-parole du ministère russe de la Défense, Igor Konachenkov.</p>
<p>Selon ${esc('<script>window.__pwned=1</script>')} l'agence TASS, la réunion ${esc('<svg onload="window.__pwned=1">')} aurait été annulée.</p>
<p><a href="javascript:window.__pwned=1">Un lien</a> « ${esc("'); window.__pwned=1; //")} », a-t-il ajouté.</p>
</article></main>
</body></html>`;
}

function links(): string {
  const a = (href: string, text: string) => `<a href="${href}">${esc(text)}</a>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Links</title>
<link rel="canonical" href="https://www.example-news.org/world/links.html"></head><body>
<main><article><h1>Who links to whom</h1>
<p>The claim first appeared on ${a('https://www.rt.com/news/123-claim/', 'RT')} and was repeated by
${a('https://sputnikglobe.com/20240101/claim.html', 'Sputnik')}, the foreign ministry said.</p>
<p>Look-alikes are not state media: ${a('https://www.deviantart.com/art/1', 'an artist')},
${a('https://www.rtl.be/info/1', 'RTL')}, ${a('https://rt.com.example.org/x', 'a trap')} and
${a('https://www.sputnikmusic.com/review/1', 'a music review')}, officials told Reuters.</p>
</article></main></body></html>`;
}

/** A page that rewrites a ticker about a thousand times a second, forever. */
function storm(): string {
  return `<!doctype html>
<html lang="fr" data-provenance-lens-bench><head><meta charset="utf-8"><title>Tempête</title></head><body>
<main><article><h1>Marchés</h1>
<p>La banque centrale a déclaré que les taux resteraient inchangés.</p>
<div id="ticker"></div></article></main>
<script>
  let n = 0;
  setInterval(() => {
    const box = document.getElementById('ticker');
    for (let i = 0; i < 10; i++) {
      const span = document.createElement('span');
      span.textContent = 'Cours ' + n++;
      box.replaceChildren(span);
    }
  }, 10);
</script>
</body></html>`;
}

let cache: Map<string, string> | undefined;

/** slug → HTML of every page built here. */
export function builtPages(): Map<string, string> {
  cache ??= new Map([
    ['source-article-fr', sourceArticle()],
    ['appending', appending()],
    ['hostile', hostile()],
    ['state-media-links', links()],
    ['storm', storm()],
    [
      'related',
      '<!doctype html><html lang="fr"><head><title>Related</title></head><body><p>Related.</p></body></html>',
    ],
  ]);
  return cache;
}
