import { describe, expect, it } from 'vitest';
import { OutletIndex } from '../../src/core/domains';
import { outletCategory, resolvePublisher } from '../../src/core/publisher';
import { fixtureOutlets } from './store/kb-fixture';

const index = new OutletIndex(fixtureOutlets);

describe('resolvePublisher', () => {
  it('knows the publisher by its canonical address first', () => {
    expect(
      resolvePublisher(
        {
          canonicalUrl: 'https://fr.sputniknews.africa/20231105/article.html',
          siteName: 'BBC', // a name that says otherwise does not win over the address
          url: 'http://127.0.0.1:8080/page.html',
        },
        index,
      ),
    ).toEqual({
      name: 'Sputnik',
      url: 'https://fr.sputniknews.africa/20231105/article.html',
      domain: 'sputniknews.africa',
      category: 'state-media',
      entityId: 'sputnik',
      country: 'RU',
    });
  });

  it('falls back to the page address, then to the declared name', () => {
    expect(resolvePublisher({ url: 'https://www.bbc.co.uk/news/x' }, index)).toMatchObject({
      entityId: 'bbc',
      category: 'media',
      country: 'GB',
    });
    expect(
      resolvePublisher({ url: 'http://127.0.0.1:8080/a.html', siteName: 'Sputnik Afrique' }, index),
    ).toMatchObject({ entityId: 'sputnik', category: 'state-media', url: 'http://127.0.0.1:8080/a.html' });
    expect(resolvePublisher({ jsonLdPublisher: "l'agence TASS" }, index)).toMatchObject({
      entityId: 'tass',
      name: 'TASS',
    });
  });

  it('does not take a look-alike for an outlet', () => {
    expect(
      resolvePublisher({ url: 'https://www.sputnikmusic.com/x', siteName: 'Sputnikmusic' }, index),
    ).toEqual({
      name: 'Sputnikmusic',
      url: 'https://www.sputnikmusic.com/x',
      domain: 'sputnikmusic.com',
      category: 'media',
    });
    expect(resolvePublisher({ canonicalUrl: 'https://rt.com.example.org/' }, index)).toEqual({
      name: 'example.org',
      url: 'https://rt.com.example.org/',
      domain: 'example.org',
      category: 'other',
    });
    expect(resolvePublisher({ siteName: 'RTL info' }, index)).toEqual({
      name: 'RTL info',
      category: 'media',
    });
  });

  it('names official channels as government and independent broadcasters as media', () => {
    expect(resolvePublisher({ url: 'http://kremlin.ru/events/1' }, index)?.category).toBe('government');
    expect(outletCategory(index.get('afp')!)).toBe('media');
    expect(outletCategory(index.get('bbc')!)).toBe('media');
    expect(outletCategory(index.get('rt')!)).toBe('state-media');
  });

  it('says nothing when the page gives nothing', () => {
    expect(resolvePublisher({}, index)).toBeUndefined();
    expect(resolvePublisher({ siteName: '   ', canonicalUrl: 'not a url' }, index)).toBeUndefined();
  });
});
