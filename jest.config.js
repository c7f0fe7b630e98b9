/** Jest runs the TypeScript sources through ts-jest (type checking is `npm run typecheck`).
 *  lowdb and steno are ESM-only, so they are transformed to CommonJS as well. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { isolatedModules: true, tsconfig: { allowJs: true, module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true, resolveJsonModule: true, target: 'ES2022', verbatimModuleSyntax: false } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(lowdb|steno)/)'],
  testTimeout: 30000,
};
