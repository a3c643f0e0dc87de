import { parseConstraint, unsatisfiable } from '../../src/core/version-constraints';

describe('provider version constraints', () => {
  test.each([
    ['>= 4.55.0, < 6.0.0', '~> 4.80'],
    ['>= 1.99.0, != 1.114.0, < 2.0.0', '1.115.0'],
    ['>= 1.99.0, != 1.114.0, < 2.0.0', '~> 1.114.0'], // 1.114.1 and later patches of 1.114 remain
    ['>= 4.81.0, < 6.0.0', '>= 4.0, <= 4.81'],
    ['> 2.0.0', '< 2.0.2'],
    ['~> 5', '>= 5.2.0'],
  ])('%j and %j can both hold', (a, b) => {
    expect(unsatisfiable(a, b)).toBeUndefined();
  });

  test.each([
    ['>= 4.81.0, < 6.0.0', '~> 4.70.0', /no version is at least 4.81.0 and below 4.71.0/],
    ['>= 4.81.0, < 6.0.0', '< 4.81', /no version is at least 4.81.0 and below 4.81.0/],
    ['>= 1.99.0, != 1.114.0, < 2.0.0', '1.114.0', /exact version 1.114.0 is outside/],
    ['>= 1.99.0, != 1.114.0, < 2.0.0', '>= 1.114.0, < 1.114.1', /only version they admit, 1.114.0, is excluded/],
    ['= 4.55.0', '4.56.0', /different exact versions \(4.55.0, 4.56.0\)/],
    ['>= 4.55.0', '> 4.60.0, <= 4.60.0', /no version is at least 4.60.1 and below 4.60.1/],
    ['~> 4.70', '>= 5.0.0', /no version is at least 5.0.0 and below 5.0.0/],
  ])('%j and %j cannot both hold', (a, b, why) => {
    expect(unsatisfiable(a, b)).toMatch(why);
  });

  test('a malformed clause is named', () => {
    expect(parseConstraint('>= 4.55.0, latest')).toMatch(/"latest" is not a version constraint/);
    expect(unsatisfiable('~> 4.0', '=> 4.1')).toMatch(/"=> 4.1" is not a version constraint/);
  });
});
