/** Jest runs the TypeScript sources through ts-jest (type checking is `npm run typecheck`).
 *  lowdb and steno are ESM-only, so they are transformed to CommonJS as well.
 *  `npm test` runs everything that needs only Node; the tests that drive a real browser live in
 *  test/browser and run with `npm run test:browser` (jest.browser.config.js), so a clean clone on
 *  any machine passes `npm test`. */
module.exports = {
  roots: ['<rootDir>/test'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
  globalSetup: '<rootDir>/test/globalSetup.ts',
  setupFilesAfterEnv: ['<rootDir>/test/helpers/cleanup.ts'],
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { isolatedModules: true, tsconfig: { allowJs: true, module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true, resolveJsonModule: true, target: 'ES2022', verbatimModuleSyntax: false } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(lowdb|steno)/)'],
  testTimeout: 30000,
};

