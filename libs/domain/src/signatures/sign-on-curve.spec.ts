import { sampleOffsets, signOnCurve } from './sign-on-curve';

describe('the sign-on curve', () => {
  it('samples a long list evenly, ending on the last sign-on', () => {
    expect(sampleOffsets(0, 40)).toEqual([]);
    expect(sampleOffsets(3, 40)).toEqual([0, 1, 2]);
    const s = sampleOffsets(10_000, 40);
    expect(s).toHaveLength(40);
    expect(s[0]).toBe(249);
    expect(s.at(-1)).toBe(9_999);
  });

  it('gives every sign-on below the limit, and the total always', () => {
    const times = [1, 2, 3].map((h) => new Date(Date.UTC(2026, 11, 3, h)));
    expect(signOnCurve(times)).toEqual({
      total: 3,
      points: times.map((at, i) => ({ at, count: i + 1 })),
    });
    const many = Array.from({ length: 1_000 }, (_, i) => new Date(i * 60_000));
    const curve = signOnCurve(many, 10);
    expect(curve.total).toBe(1_000);
    expect(curve.points.map((p) => p.count)).toEqual([
      100, 200, 300, 400, 500, 600, 700, 800, 900, 1_000,
    ]);
    expect(curve.points.at(-1)!.at).toBe(many[999]);
  });
});
