// The start must not load the package indexes that bot/sdk/ avoids: restify's loads every plugin
// (80–130 ms CPU of each start), botbuilder's skills, Teams and SharePoint (55–80 ms); see
// docs/turn-cost-2026-12.md, session 17. Types from them are erased; a value import would load them.
describe('modules of the start', () => {
  test('the app, its routes and the server load neither the restify nor the botbuilder index', () => {
    jest.isolateModules(() => {
      jest.doMock('restify', () => { throw new Error('restify index loaded'); });
      jest.doMock('botbuilder', () => { throw new Error('botbuilder index loaded'); });
      expect(() => {
        /* eslint-disable @typescript-eslint/no-require-imports -- loaded inside isolateModules, after the mocks */
        require('../../bot/app');
        require('../../bot/web/routes');
        require('../../bot/staff/routes');
        /* eslint-enable @typescript-eslint/no-require-imports */
      }).not.toThrow();
    });
  });
});
