import type { Font } from 'fontkit';

// The parts of fontkit's decoded GPOS table that pair kerning needs (OpenType names).
// Some arrays fontkit decodes lazily, on `get(index)`; others it decodes whole.
type Lazy<T> = T[] | { length: number; get(index: number): T };

function at<T>(array: Lazy<T>, index: number): T {
  return Array.isArray(array) ? array[index] : array.get(index);
}
type Coverage =
  | { version: 1; glyphs: number[] }
  | { version: 2; rangeRecords: { start: number; end: number; startCoverageIndex: number }[] };
type ClassDef =
  | { version: 1; startGlyph: number; classValueArray: number[] }
  | { version: 2; classRangeRecord: { start: number; end: number; class: number }[] };
interface ValueRecord {
  xAdvance?: number;
}
type PairPos =
  | {
      version: 1;
      coverage: Coverage;
      pairSets: Lazy<{ secondGlyph: number; value1: ValueRecord }[]>;
    }
  | {
      version: 2;
      coverage: Coverage;
      classDef1: ClassDef;
      classDef2: ClassDef;
      classRecords: Lazy<Lazy<{ value1: ValueRecord }>>;
    };
interface Lookup {
  lookupType: number;
  subTables: Lazy<PairPos | { lookupType: number; extension: PairPos }>;
}
interface Gpos {
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: Lazy<Lookup>;
}

const PAIR_ADJUSTMENT = 2;
const EXTENSION = 9;

/**
 * Pair kerning read straight from the font's GPOS table: the pair-adjustment lookups of its
 * `kern` features, applied as an OpenType shaper would to two glyphs side by side. Used for
 * simple text instead of running fontkit's whole shaper on every new pair, whose first runs
 * cost ~0.4 s per process. Returns the adjustment to the first glyph's advance, font units.
 */
export function pairKerning(font: Font): (left: number, right: number) => number {
  const gpos = (font as unknown as { GPOS?: Gpos }).GPOS;
  if (gpos === undefined) return () => 0;
  const indexes = new Set(
    gpos.featureList.filter((f) => f.tag === 'kern').flatMap((f) => f.feature.lookupListIndexes),
  );
  // The subtables of each pair-adjustment lookup (extension lookups unwrapped), in order.
  const lookups: PairPos[][] = [];
  for (const index of [...indexes].sort((a, b) => a - b)) {
    const lookup = at(gpos.lookupList, index);
    const tables: PairPos[] = [];
    for (let i = 0; i < lookup.subTables.length; i++) {
      const table = at(lookup.subTables, i);
      if (lookup.lookupType === PAIR_ADJUSTMENT) tables.push(table as PairPos);
      else if (lookup.lookupType === EXTENSION && 'extension' in table) {
        if (table.lookupType === PAIR_ADJUSTMENT) tables.push(table.extension);
      }
    }
    if (tables.length > 0) lookups.push(tables);
  }
  // As the shaper does: every lookup may adjust the pair, each by its first subtable that
  // applies to it.
  return (left, right) => {
    let kern = 0;
    for (const tables of lookups) {
      for (const table of tables) {
        const adjustment = adjust(table, left, right);
        if (adjustment !== null) {
          kern += adjustment;
          break;
        }
      }
    }
    return kern;
  };
}

// The first glyph's advance adjustment, or null when the subtable does not apply.
function adjust(table: PairPos, left: number, right: number): number | null {
  const covered = coverageIndex(table.coverage, left);
  if (covered < 0) return null;
  if (table.version === 1) {
    const pair = at(table.pairSets, covered).find((p) => p.secondGlyph === right);
    return pair === undefined ? null : (pair.value1.xAdvance ?? 0);
  }
  const first = classOf(table.classDef1, left);
  const second = classOf(table.classDef2, right);
  return at(at(table.classRecords, first), second).value1.xAdvance ?? 0;
}

function coverageIndex(coverage: Coverage, glyph: number): number {
  if (coverage.version === 1) {
    let low = 0;
    let high = coverage.glyphs.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = coverage.glyphs[middle];
      if (found === glyph) return middle;
      if (found < glyph) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
  for (const range of coverage.rangeRecords) {
    if (glyph >= range.start && glyph <= range.end)
      return range.startCoverageIndex + glyph - range.start;
  }
  return -1;
}

function classOf(classDef: ClassDef, glyph: number): number {
  if (classDef.version === 1) {
    const offset = glyph - classDef.startGlyph;
    return offset >= 0 && offset < classDef.classValueArray.length
      ? classDef.classValueArray[offset]
      : 0;
  }
  for (const range of classDef.classRangeRecord) {
    if (glyph >= range.start && glyph <= range.end) return range.class;
  }
  return 0;
}
