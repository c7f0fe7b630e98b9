import { haversineKm } from '../../bot/offers/distance';

describe('haversineKm', () => {
  test.each([
    [{ lat: 51.4275, lon: 6.8825 }, { lat: 51.4275, lon: 6.8825 }, 0, 0.0001],
    [{ lat: 0, lon: 0 }, { lat: 1, lon: 0 }, 111.195, 0.01], // one degree of latitude
    [{ lat: 0, lon: 0 }, { lat: 0, lon: 1 }, 111.195, 0.01], // one degree of longitude at the equator
    [{ lat: 60, lon: 0 }, { lat: 60, lon: 1 }, 55.6, 0.1], // half as far at 60° N
    [{ lat: 0, lon: 0 }, { lat: 0, lon: 180 }, 20015.1, 1], // half the circumference
  ])('%o → %o ≈ %f km', (a, b, km, tolerance) => {
    expect(Math.abs(haversineKm(a, b) - km)).toBeLessThanOrEqual(tolerance);
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 9);
  });
});
