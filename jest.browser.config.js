/** `npm run test:browser`: the web chat in Debian's chromium (playwright-core). Needs `chromium`
 *  (/usr/bin/chromium, or the path in CHROMIUM_PATH); without it the tests fail with a message,
 *  they never skip. Same transform as jest.config.js, only the browser folder. */
const main = require('./jest.config');

module.exports = {
  ...main,
  roots: ['<rootDir>/test/browser'],
  testPathIgnorePatterns: ['/node_modules/'],
};
