import { foldForSearch, nameKey } from './name-key';

describe('nameKey', () => {
  it.each([
    [
      'The Kleptocracy Initiative (Hudson Institute)',
      'kleptocracy initiative - Hudson   Institute',
    ],
    ['Asociación Pro Derechos Humanos de Ñuñoa', 'ASOCIACION pro derechos humanos de nunoa'],
    ['Community Watchdog.md', 'community watchdog md'],
    ["Reporters' Network", 'Reporters Network'],
  ])('gives %j and %j the same key', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ['Theatre Alliance', 'Alliance'],
    ['شبكة الصحفيين', 'شبكة المحامين'],
    ['中文新闻', '中文法律'],
  ])('keeps %j and %j apart', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('folds for search without losing other scripts', () => {
    expect(foldForSearch('  Zoë  ŠIMIĆ ')).toBe('zoe simic');
    expect(foldForSearch('Коалиция «Свобода»')).toBe('коалиция «свобода»');
  });
});
