// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/dom/extract';
import { rangeForSpan, slicesForSpan } from '../../src/dom/ranges';
import { MARK_TAG, markSpans, removeMarks, type MarkSpec } from '../../src/content/marks';

/** Fixture markup into the test's document (Ranges need the live document in happy-dom). */
function load(html: string): Document {
  const parsed = new DOMParser().parseFromString(
    `<!doctype html><html><body>${html}</body></html>`,
    'text/html',
  );
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.adoptNode(n)));
  return document;
}

const spec = (text: string, phrase: string, kind: MarkSpec['kind'], id = 'f1', from = 0): MarkSpec => {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`"${phrase}" not in text`);
  return {
    start,
    end: start + phrase.length,
    kind,
    category: 'government',
    findingId: id,
    focusable: kind === 'cue',
  };
};

describe('anchoring: text offsets back to DOM ranges', () => {
  it('round-trips every span of the text through a Range', () => {
    const doc = load(
      '<article><p>Les participants <b>se seraient</b>\n   mis d’accord, a <a href="/x">annoncé</a> la Défense russe.</p><p>Deuxième&nbsp;bloc, a-t-il <em>ajouté</em>.</p></article>',
    );
    const { text, segments } = extractText(doc, { computedStyle: false });
    for (let start = 0; start < text.length; start += 3)
      for (const len of [1, 5, 17]) {
        const end = Math.min(text.length, start + len);
        const range = rangeForSpan(doc, segments, start, end);
        const expected = text.slice(start, end).replace(/\n\n/g, '').trim();
        if (!expected) continue;
        expect(range).not.toBeNull();
        // The range reads the same words (block separators are in no text node).
        expect(range!.toString().replace(/\s+/g, ' ').trim()).toBe(expected.replace(/\s+/g, ' ').trim());
      }
  });

  it('gives slices per text node across inline elements', () => {
    const doc = load('<p>«Lors <em>de la</em> réunion», a précisé la Défense russe.</p>');
    const { text, segments } = extractText(doc, { computedStyle: false });
    const slices = slicesForSpan(segments, 0, text.indexOf('»') + 1);
    expect(slices.map((s) => s.node.data.slice(s.start, s.end))).toEqual(['«Lors ', 'de la', ' réunion»']);
  });
});

describe('marking', () => {
  it('wraps the cue, speaker and quote of one attribution with a shared id, text unchanged', () => {
    const html =
      '<p>«Nous sommes <em>en contact</em> avec eux», a déclaré le porte-parole <a href="/p">Igor Konachenkov</a>.</p>';
    const doc = load(html);
    const before = doc.body.textContent;
    const { text, segments } = extractText(doc, { computedStyle: false });
    const specs = [
      spec(text, '«Nous sommes en contact avec eux»', 'quote', 'a1'),
      spec(text, 'a déclaré', 'cue', 'a1'),
      spec(text, 'Igor Konachenkov', 'speaker', 'a1'),
    ];
    const created = markSpans(doc, segments, specs);
    expect(doc.body.textContent).toBe(before);
    const marks = Array.from(doc.querySelectorAll(MARK_TAG)) as HTMLElement[];
    expect(new Set(marks.map((m) => m.dataset.plId))).toEqual(new Set(['a1']));
    expect(marks.map((m) => m.dataset.plKind).sort()).toEqual(['cue', 'quote', 'quote', 'quote', 'speaker']);
    expect(created.get('a1')).toHaveLength(5);
    // The link still holds its text and its href; the speaker mark sits inside it.
    const link = doc.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('/p');
    expect(link.textContent).toBe('Igor Konachenkov');
    expect(link.querySelector(MARK_TAG)).not.toBeNull();
    // The cue is the focus stop, described for screen readers.
    const cue = doc.querySelector(`${MARK_TAG}[data-pl-kind="cue"]`) as HTMLElement;
    expect(cue.textContent).toBe('a déclaré');
    expect(cue.tabIndex).toBe(0);
    expect(cue.getAttribute('role')).toBe('button');
  });

  it('nests overlapping findings and cuts each text node once', () => {
    const doc = load('<p>Il aurait été tué, selon une source proche du dossier.</p>');
    const { text, segments } = extractText(doc, { computedStyle: false });
    markSpans(doc, segments, [
      spec(text, 'selon une source proche du dossier', 'unnamed', 'u1'),
      spec(text, 'selon', 'cue', 'a1'),
      spec(text, 'aurait été tué', 'hedge', 'h1'),
    ]);
    const cue = doc.querySelector(`${MARK_TAG}[data-pl-kind="cue"]`)!;
    expect(cue.parentElement?.getAttribute('data-pl-kind')).toBe('unnamed');
    expect(doc.body.textContent).toBe('Il aurait été tué, selon une source proche du dossier.');
  });

  it('never puts a mark where an inline element is illegal (between table rows)', () => {
    const doc = load(
      '<table>\n  <tbody>\n    <tr>\n      <td>Moscou a déclaré</td>\n    </tr>\n    <tr>\n      <td>la paix, a dit Paris</td>\n    </tr>\n  </tbody>\n</table>',
    );
    const { text, segments } = extractText(doc, { computedStyle: false });
    // A span running across both cells (and the whitespace between rows).
    const start = text.indexOf('déclaré');
    const end = text.indexOf('a dit') + 5;
    markSpans(doc, segments, [{ start, end, kind: 'quote', category: 'government', findingId: 'x' }]);
    for (const m of Array.from(doc.querySelectorAll(MARK_TAG))) {
      expect(['TD', 'PROVENANCE-LENS-MARK']).toContain(m.parentElement!.tagName);
      expect(m.textContent!.trim()).not.toBe('');
    }
    for (const tag of ['table', 'tbody', 'tr'])
      for (const el of Array.from(doc.querySelectorAll(tag)))
        for (const child of Array.from(el.childNodes))
          expect(child.nodeName).not.toBe(MARK_TAG.toUpperCase());
  });

  it('takes every mark out again, leaving the original text nodes joined', () => {
    const doc = load('<p>Selon <b>Moscou</b>, la situation est «préoccupante», a dit M. Peskov.</p>');
    const p = doc.querySelector('p')!;
    const original = p.textContent;
    const { text, segments } = extractText(doc, { computedStyle: false });
    markSpans(doc, segments, [
      spec(text, 'Selon', 'cue', 'a'),
      spec(text, 'Moscou', 'speaker', 'a'),
      spec(text, '«préoccupante»', 'quote', 'b'),
      spec(text, 'a dit', 'cue', 'b'),
    ]);
    expect(p.querySelectorAll(MARK_TAG).length).toBeGreaterThan(3);
    removeMarks(doc.body);
    expect(p.querySelectorAll(MARK_TAG)).toHaveLength(0);
    expect(p.textContent).toBe(original);
    expect(Array.from(p.childNodes).map((n) => n.nodeName)).toEqual(['#text', 'B', '#text']);
  });

  it('does not make a mark inside a link a second focus stop', () => {
    const doc = load('<p><a href="/a">Sputnik a rapporté</a> la nouvelle.</p>');
    const { text, segments } = extractText(doc, { computedStyle: false });
    markSpans(doc, segments, [spec(text, 'a rapporté', 'cue', 'a')]);
    const cue = doc.querySelector(MARK_TAG) as HTMLElement;
    expect(cue.hasAttribute('tabindex')).toBe(false);
  });
});
