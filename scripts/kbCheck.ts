// npm run kb:check [-- --knowledge DIR] [--today YYYY-MM-DD] [--verbose]
// Validates all content in knowledge/. Exit code 1 when there are errors, 0 otherwise (warnings
// are printed but do not fail).
import * as path from 'path';
import { checkKnowledge, formatReport } from '../bot/knowledge/check';

export function runKbCheck(argv: string[], out: (line: string) => void, cwd = process.cwd()): number {
  let dir = 'knowledge';
  let today: string | undefined;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--knowledge') dir = argv[++i] ?? dir;
    else if (a === '--today') today = argv[++i];
    else if (a === '--verbose') verbose = true;
    else {
      out(`kb:check: unknown argument ${a}`);
      out('usage: npm run kb:check [-- --knowledge DIR] [--today YYYY-MM-DD] [--verbose]');
      return 2;
    }
  }
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    out('kb:check: --today needs a date YYYY-MM-DD');
    return 2;
  }
  const now = today ? new Date(`${today}T12:00:00Z`) : new Date();
  const root = path.resolve(cwd, dir);
  out(`kb:check ${path.relative(cwd, root) || root} (today ${now.toISOString().slice(0, 10)})`);
  const report = checkKnowledge(root, { now });
  for (const line of formatReport(report, { verbose })) out(line);
  return report.errors > 0 ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = runKbCheck(process.argv.slice(2), (line) => console.log(line));
}
