import { fontChain } from '../fonts/font-families';
import type { StyledSpan, TextStyle, Word } from './text-style';
import { buildWords } from './words';

const style: TextStyle = { bold: false, italic: false, size: 10, color: '#000000' };
const measure = (text: string): number => [...text].length * 5;
const family = (id: string): number => fontChain.findIndex((f) => f.id === id);

function words(text: string, onMissing = jest.fn()): Word[] {
  const spans: StyledSpan[] = [{ text, style }];
  return buildWords(spans, 'ltr', measure, onMissing);
}

const summary = (list: Word[]): string[][] =>
  list.map((word) => word.pieces.map((p) => `${fontChain[p.family].id}:${p.level}:${p.text}`));

describe('buildWords', () => {
  it('sets plain Latin in Noto Sans, one piece per word, gaps between', () => {
    const list = words('Zoë Šimić  Łódź');
    expect(summary(list)).toEqual([
      ['noto-sans:0:Zoë'],
      ['noto-sans:0:Šimić'],
      ['noto-sans:0:Łódź'],
    ]);
    expect(list[0].gap).toBeNull();
    expect(list[1].gap?.text).toBe(' ');
    expect(list[1].width).toBe(25);
  });

  it('chooses the first font of the chain that has each script', () => {
    const list = words('Abroad 香港 Вільне שלום مرحبا नमस्ते \ua8f2');
    const families = list.map((word) => fontChain[word.pieces[0].family].id);
    expect(families).toEqual([
      'noto-sans',
      'noto-sans-sc',
      'noto-sans-sc',
      'noto-sans',
      'noto-sans-hebrew',
      'ibm-plex-sans-arabic',
      // Noto Sans has the basic Devanagari block; the Devanagari family adds its extensions.
      'noto-sans',
      'noto-sans-devanagari',
    ]);
  });

  it('lets a line break between Chinese characters, not before closing punctuation', () => {
    expect(
      summary(words('中文，你好。')).map((w) => w.map((p) => p.split(':')[2]).join('')),
    ).toEqual(['中', '文，', '你', '好。']);
  });

  it('gives right-to-left text an odd level, and Arabic words their own pieces', () => {
    const list = words('Network – شبكة الصحفيين');
    const arabic = list.slice(-2).map((word) => word.pieces[0]);
    expect(arabic.map((p) => [p.text, p.level, p.family])).toEqual([
      ['شبكة', 1, family('ibm-plex-sans-arabic')],
      ['الصحفيين', 1, family('ibm-plex-sans-arabic')],
    ]);
  });

  it('reports each character no font has and draws a replacement instead', () => {
    const onMissing = jest.fn();
    const list = words('Thai ไทย', onMissing);
    expect(onMissing.mock.calls.map(([code]) => code)).toEqual([0x0e44, 0x0e17, 0x0e22]);
    expect(list[1].pieces.map((p) => p.text).join('')).toBe('\uFFFD\uFFFD\uFFFD');
  });

  it('drops invisible bidi controls without a warning', () => {
    const onMissing = jest.fn();
    const list = words('\u2068abc\u2069', onMissing);
    // An isolate is one level up from the paragraph: 2, still left to right.
    expect(summary(list)).toEqual([['noto-sans:2:abc']]);
    expect(onMissing).not.toHaveBeenCalled();
  });

  it('composes decomposed accents so that the precomposed glyph is used', () => {
    expect(summary(words('Zoe\u0308'))).toEqual([['noto-sans:0:Zoë']]);
  });
});
