import type { Line } from './line-breaker';
import { PageFlow } from './page-flow';
import type { PageGeometry } from './page-geometry';
import type { Typesetter } from './typesetter';

// Ten lines of 10 pt fit between top and bottom.
const geometry: PageGeometry = {
  size: [200, 200],
  left: 10,
  top: 50,
  bottom: 150,
  contentWidth: 180,
  footerBaseline: 190,
};

// A flow over a stand-in document that only counts pages.
function setUp(): { flow: PageFlow; page: () => number } {
  let page = 1;
  const doc = { addPage: () => page++ };
  const typesetter = { pageChanged: () => undefined };
  const flow = new PageFlow(
    doc as unknown as PDFKit.PDFDocument,
    geometry,
    typesetter as unknown as Typesetter,
  );
  return { flow, page: () => page };
}

const lines = (count: number): Line[] =>
  Array.from({ length: count }, () => ({ pieces: [], width: 0 }));

/** Where each line of a block starting at `y` goes: "page:top:index". */
function flowAt(y: number, count: number): string[] {
  const { flow, page } = setUp();
  flow.y = y;
  const placed: string[] = [];
  flow.flowLines(lines(count), 10, (_line, top, index) => placed.push(`${page()}:${top}:${index}`));
  return placed;
}

describe('PageFlow.flowLines', () => {
  it('places lines one below the other', () => {
    expect(flowAt(50, 3)).toEqual(['1:50:0', '1:60:1', '1:70:2']);
  });

  it('moves a short block whole rather than split it', () => {
    expect(flowAt(130, 3)).toEqual(['2:50:0', '2:60:1', '2:70:2']);
  });

  it('never leaves a single line at the foot of a page', () => {
    // Room for one line, block of five: all five go to the next page.
    expect(flowAt(140, 5).map((p) => p.split(':')[0])).toEqual(['2', '2', '2', '2', '2']);
  });

  it('never carries a single line to the next page', () => {
    // Room for four lines, block of five: three stay, two go.
    expect(flowAt(110, 5).map((p) => p.split(':')[0])).toEqual(['1', '1', '1', '2', '2']);
  });

  it('splits a block taller than a page', () => {
    const pages = flowAt(50, 25).map((p) => p.split(':')[0]);
    expect(pages.filter((p) => p === '1')).toHaveLength(10);
    expect(pages.filter((p) => p === '2')).toHaveLength(10);
    expect(pages.filter((p) => p === '3')).toHaveLength(5);
  });

  it('ensure() starts a page only when the room is missing and the page is not empty', () => {
    const { flow } = setUp();
    flow.ensure(500);
    expect(flow.y).toBe(50);
    flow.y = 120;
    flow.ensure(30);
    expect(flow.y).toBe(120);
    flow.ensure(31);
    expect(flow.y).toBe(50);
  });
});
